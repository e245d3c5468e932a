"""Read a draft back from a .docx that staff finished in Word or WPS.

Each `一、` heading starts a section; the text is matched to the draft's sections (by heading,
then by position), markers are put back after every figure that still matches a fact, and the
caller gets the new draft plus what changed, section by section. A figure edited so that it no
longer matches its fact stays unmarked, and the checks catch it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from drafting.domain.types import Draft, Section, strip_markers
from drafting.errors import InputError
from retrieval.errors import SkippedFile
from retrieval.figures import figure_spans
from retrieval.patterns import TOP
from retrieval.readers import read_paragraphs


@dataclass
class SectionChange:
    section_id: str
    heading: str
    diff: list[str]


def read_docx_parts(path: Path, max_bytes: int | None = None) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(preamble paragraphs, [(heading, paragraphs)]) of an edited report; 落款 lines dropped. Read
    in the import's worker, with its budgets (size, inflation, time, memory): a hostile file costs
    a message, not minutes and hundreds of MB of the app."""
    try:
        paragraphs = [p.strip() for p in read_paragraphs(path, max_bytes) if p.strip()]
    except SkippedFile as exc:
        raise InputError(f"无法读取 Word 文件：{exc}") from None
    preamble, sections, started = [], [], False
    for text in paragraphs:
        m = TOP.match(text)
        if m:
            sections.append((m.group(2), []))
            started = True
        elif sections:
            sections[-1][1].append(text)
        elif started is False and (text.endswith("：") or len(preamble) == 0 and not text.endswith("。")):
            continue  # title, 版头 and 主送 lines before the preamble
        else:
            preamble.append(text)
    if sections:
        body = sections[-1][1]
        while body and (re.fullmatch(r"(\d{4})?年\s*(\d{1,2})?月\s*(\d{1,2})?日", body[-1]) or body[-1].endswith(("妇女联合会", "妇联"))
                        or body[-1].startswith(("抄送", "附：")) or body[-1].endswith("印发")):
            body.pop()
    return preamble, sections


def remark(text: str, draft: Draft, fact_ids: list[str]) -> str:
    """Put 【Fn】 back after every figure that matches a fact (the section's own facts first)."""
    order = [f for f in draft.facts if f.id in fact_ids] + [f for f in draft.facts if f.id not in fact_ids]
    out, cursor = [], 0
    for _, end, fig in figure_spans(text):
        owner = next((f for f in order if fig.key in {g.key for g in f.figures}), None)
        out.append(text[cursor:end] + (f"【{owner.id}】" if owner else ""))
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def merge_docx(draft: Draft, path: Path, max_bytes: int | None = None) -> tuple[Draft, list[SectionChange]]:
    """The draft with the Word file's text in its sections, and the changes."""
    preamble, parts = read_docx_parts(Path(path), max_bytes)
    if not parts:
        raise InputError("Word 文件里没有找到“一、”这样的一级标题，无法与草稿对应。")
    body = draft.body_sections()
    by_heading = {s.heading: s for s in body}
    changes: list[SectionChange] = []
    updated: dict[str, Section] = {}
    for position, (heading, paragraphs) in enumerate(parts):
        section = by_heading.get(heading) or (body[position] if position < len(body) else None)
        if section is None:
            raise InputError(f"Word 文件多出一部分“{heading}”：请先在草稿中添加这一部分再上传。")
        text = "\n".join(remark(p, draft, section.fact_ids) for p in paragraphs)
        updated[section.id] = _changed(section, heading, text, changes)
    preamble_section = next((s for s in draft.sections if s.role == "preamble"), None)
    if preamble_section and preamble:
        text = "\n".join(remark(p, draft, []) for p in preamble)
        updated[preamble_section.id] = _changed(preamble_section, preamble_section.heading, text, changes)
    sections = [updated.get(s.id, s) for s in draft.sections]
    return replace(draft, sections=sections), [c for c in changes if c.diff]


def _changed(section: Section, heading: str, text: str, changes: list[SectionChange]) -> Section:
    before = strip_markers(section.text).split("\n")
    after = strip_markers(text).split("\n")
    diff = [line for line in difflib.unified_diff(before, after, lineterm="", n=0)
            if not line.startswith(("---", "+++", "@@"))]
    if heading != section.heading:
        diff.insert(0, f"标题：{section.heading} → {heading}")
    changes.append(SectionChange(section.id, heading, diff))
    return replace(section, heading=heading, text=text) if diff else section
