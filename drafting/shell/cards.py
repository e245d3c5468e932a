"""What the draft tab shows of each section, as plain values: its card (title, 字数, text, lock, the
note beside its buttons, the facts and examples it rests on) and the whole text behind the copy
buttons. No gradio here: page/draft_tab.py fills the cards with these."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.domain.types import Draft, Section, strip_markers
from drafting.output.render import to_text
from lexicon.roles import Role

from .escape import esc
from .material_view import origins_markdown
from .present import NO_FACTS, STOCK_HEAVY, heading_of, word_count


@dataclass
class Card:
    """One section as the draft tab shows it."""

    id: str
    title: str
    text: str
    locked: bool
    words: int
    info: str
    """Markdown: facts used, flags, 通用表述 to confirm, check findings, example passages."""
    warning: str = ""
    note: str = ""
    """The answer to the last action on this card (已保存 / 已锁定 / a refusal)."""
    has_attempt: bool = False
    failing: bool = False
    facts: list[str] = field(default_factory=list)
    unsaved: bool = False  # the box holds the user's text, which a save refused, not the saved text
    outdated: bool = False  # its facts changed since its text was written


def basis_warning(section: Section) -> str:
    """Marked on the card: a section with no facts, or whose sentences are mostly stock wording."""
    if section.role == Role.PREAMBLE or not section.text.strip():
        return ""
    if not section.fact_ids:
        return NO_FACTS
    sentences = [s for s in re.split(r"[。！？]", strip_markers(section.text)) if s.strip()]
    if sentences and len(section.stock) * 2 > len(sentences):
        return STOCK_HEAVY
    return ""


def card_info(draft: Draft, section: Section, findings: list) -> str:
    facts = "；".join(f"**{fid}** {esc(draft.fact(fid).text)}" for fid in section.fact_ids if draft.fact(fid))
    parts = [f"**所用事实：** {facts or '无'}", *filter(None, [origins_markdown(draft, section)])]  # and where from
    if section.outdated and section.text.strip():
        parts.append(f"<span class='rd-warn'>⚠ 事实有变（{esc('；'.join(section.outdated))}）：建议重新生成本部分，"
                     "或在第 1 步勾选后重新起草。</span>")
    found = {f[1] for f in findings}  # a flag the checks also found is shown once, by the check
    shown = [flag for flag in section.flags if flag.message not in found]
    parts += [f"<span class='rd-flag'>⚠ {esc(flag.line)}</span>" for flag in shown]
    if section.stock:
        parts.append("**通用表述（请确认属实）：**\n" + "\n".join(f"- {esc(s)}" for s in section.stock))
    for label, message, sentence, *note in findings:
        quoted = f"：<mark>{esc(sentence)}</mark>" if sentence else ""
        if note and note[0]:  # said once, not a failure (the user decided otherwise)
            parts.append(f"<span class='rd-muted'>ℹ {esc(label)}：{esc(message)}</span>")
        else:
            parts.append(f"<span class='rd-flag'>✗ {esc(label)}：{esc(message)}</span>{quoted}")
    seen: set[tuple[str, str]] = set()
    sources = []
    for src in section.sources:  # one example passage is listed once, however often it was used
        if (src.doc, src.heading) in seen:
            continue
        seen.add((src.doc, src.heading))
        sources.append(f"<details><summary>《{esc(src.title)}》· {esc(src.heading or '导语')}</summary>\n\n"
                       f"{esc(src.text)}\n\n</details>")
    if sources:
        parts.append("**参考范例：**\n\n" + "\n\n".join(sources))
    return "\n\n".join(parts)


def section_cards(draft: Draft | None, view: dict | None = None) -> list[Card]:
    """Every section of the draft, however many, with the notes and check findings of `view`."""
    if draft is None:
        return []
    view = view or {}
    notes, findings, unsaved = view.get("notes", {}), view.get("findings", {}), view.get("unsaved", {})
    cards = []
    for s in draft.sections:
        found, text = findings.get(s.id, []), unsaved.get(s.id, s.text)
        failing = any(not (f[3:] and f[3]) for f in found)
        cards.append(Card(id=s.id, title=heading_of(draft, s.id), text=text, locked=s.locked,
                          words=word_count(text), info=card_info(draft, s, found), warning=basis_warning(s),
                          note=notes.get(s.id, ""), has_attempt=bool(s.attempt), failing=failing,
                          facts=list(s.fact_ids), unsaved=s.id in unsaved,
                          outdated=bool(s.outdated and s.text.strip())))
    return cards


def card_title(card: Card) -> str:
    marks = "".join(mark for mark, on in (("（未保存）", card.unsaved), ("（已锁定）", card.locked),
                                          ("（事实有变）", card.outdated), ("（检查未通过）", card.failing)) if on)
    return f"### {esc(card.title)}{marks} <span class='rd-muted'>· {card.words} 字</span>"


def totals(draft: Draft | None) -> str:
    if draft is None:
        return ""
    words = sum(word_count(s.text) for s in draft.sections)
    return f"全文 {words} 字 · {len(draft.sections)} 个部分（含导语）"


def full_text(draft: Draft | None) -> str:
    """The whole report as plain text, with 【F】 markers (the copy button strips them on request)."""
    return to_text(draft, markers=True) if draft else ""


def with_note(view: dict | None, section_id: str, note: str, clear_findings: bool = False) -> dict:
    """A new view with `note` beside one card (and that card's stale findings dropped, and its
    unsaved text: the card shows the draft's text again)."""
    view = dict(view or {})
    view["notes"] = {section_id: note}
    if clear_findings:
        view["findings"] = {k: v for k, v in view.get("findings", {}).items() if k != section_id}
        view["unsaved"] = {k: v for k, v in view.get("unsaved", {}).items() if k != section_id}
    return view


def save_note(text: str) -> str:
    if not text.strip():
        return "⚠ 已保存，但本部分现在是空的：导出时这一部分只有标题。如非有意，请点“撤销到上一版”。"
    return "已保存修改。"


def regen_note(llm_configured: bool, instruction: str, before: str, after: str) -> str:
    """Say honestly what regenerating changed."""
    if llm_configured:
        return "已按修改要求重新生成。" if instruction.strip() else "已重新生成。"
    note = "已重新生成（未连接大模型：只换用其他范例句式和语序，事实和数字不变"
    if instruction.strip():
        note += "；修改要求需要大模型才能执行"
    note += "）。"
    return note if before != after else "未连接大模型，没有更多可换的范例：本部分内容未变。"


