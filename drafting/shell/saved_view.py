"""What the saved-drafts tab shows: the rows of the list, which page of it, a look at one draft."""

from __future__ import annotations

import time

from drafting.domain.types import Draft, strip_markers
from drafting.output.draft_list import DraftRow

from .present import esc, heading_of, kind_label, short


def saved_rows(rows: list[DraftRow]) -> list[list[str]]:
    return [[r.name, r.org, str(r.year), kind_label(r.report_type),
             time.strftime("%Y-%m-%d %H:%M", time.localtime(r.updated))] for r in rows]


def page_label(offset: int, shown: int, total: int, query: str = "") -> str:
    found = f"“{esc(query)}”的结果：" if query.strip() else ""
    if total == 0:
        return f"{found}没有找到草稿。" if found else "还没有保存的草稿：在第 1 步生成提纲后会自动保存。"
    return f"{found}第 {offset + 1}–{offset + shown} 份，共 {total} 份"


def preview(draft: Draft, name: str = "") -> str:
    """A short look at a saved draft before opening it."""
    m = draft.meta
    lines = [f"**{esc(name or m.title)}**",
             f"{esc(m.title)} · {esc(m.date) or '未定成文日期'} · {len(draft.facts)} 条事实"]
    for s in draft.sections:
        body = short(strip_markers(s.text), 60) or "（尚未起草）"
        lines.append(f"- **{esc(heading_of(draft, s.id))}** {esc(body)}")
    return "\n\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:])
