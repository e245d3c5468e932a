"""Drafting from end to end: facts → outline → sections written side by side → Draft.

Nothing here imports the UI: callers pass an `on_event` callback and receive DraftEvents as
sections start, stream text and finish.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date

from .compose import OfflineComposer
from .continuity import attach_previous, plan_answers, stale_flags
from .errors import InputError
from .facts import fact_warnings, parse_facts
from .guard import ForeignGuard
from .interfaces import DraftContext, SectionWriter
from .kinds import default_short_name, fill, get_kind
from .model import Draft, DraftMeta, Section
from .outline import make_outline

MIN_YEAR = 2016


@dataclass
class DraftEvent:
    """What a caller sees while a draft is written: 'start', 'text', 'done' per section, then 'finished'."""

    kind: str
    section_id: str = ""
    text: str = ""
    draft: Draft | None = None


OnEvent = Callable[[DraftEvent], None]


def build_meta(org: str, year, report_type: str, short_name: str = "", addressee: str = "",
               when: str = "", period: str = "annual", **extra) -> DraftMeta:
    """Check and complete the metadata; InputError names what to fix."""
    kind = get_kind(report_type)
    org = (org or "").strip()
    if not org:
        raise InputError("请填写单位全称，例如“某某县妇女联合会”。")
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise InputError(f"年份 {year!r} 不是数字：请填写报告所总结的年份，例如 2024。") from None
    last = date.today().year + 1
    if not MIN_YEAR <= year <= last:
        raise InputError(f"年份 {year} 不在 {MIN_YEAR}–{last} 之间：请填写报告所总结的年份。")
    meta = DraftMeta(org=org, year=year, report_type=kind.key, short_name=short_name.strip() or default_short_name(org),
                     period=period if period in ("half", "annual") else "annual",
                     **{k: v for k, v in extra.items() if k in DraftMeta.__dataclass_fields__ and v})
    meta.title = fill(kind.title, meta)
    level = meta.short_name[:1] if meta.short_name[:1] in "县区市旗" else "市"
    meta.addressee = addressee.strip() or f"{level}委、{level}政府："
    if not meta.addressee.endswith("：") and not meta.addressee.endswith(":"):
        meta.addressee += "："
    meta.date = format_date(when) if when else format_date(date.today().isoformat())
    return meta


def format_date(value) -> str:
    """2024-01-14 → 2024年1月14日 (成文日期 in Arabic numerals, no leading zeros)."""
    text = str(value).strip()
    try:
        d = date.fromisoformat(text)
    except ValueError:
        if "年" in text and "日" in text:
            return text
        raise InputError(f"日期 {text!r} 格式不对：请写成 2024-01-14。") from None
    return f"{d.year}年{d.month}月{d.day}日"


def new_draft(meta: DraftMeta, facts_text: str, index=None) -> Draft:
    """Parse the facts and lay out the outline: every fact assigned, no text yet."""
    facts = parse_facts(facts_text)
    kind = get_kind(meta.report_type)
    sections = make_outline(facts, kind, meta, index)
    draft = Draft(meta=meta, facts=facts, sections=sections, id=uuid.uuid4().hex[:12],
                  warnings=fact_warnings(facts, facts_text))
    return attach_previous(draft, index) if index is not None else draft


def context_for(draft: Draft, index=None, exclude_docs: tuple[str, ...] = ()) -> DraftContext:
    guard = ForeignGuard()
    if index is not None:
        guard = ForeignGuard.build(index.documents(), draft.meta.org,
                                   [f.text for f in draft.facts] + [draft.meta.short_name])
    return DraftContext(meta=draft.meta, kind=get_kind(draft.meta.report_type),
                        facts={f.id: f for f in draft.facts}, index=index, guard=guard,
                        exclude_docs=exclude_docs, outline=draft.sections, plan_answers=plan_answers(draft))


def write_draft(draft: Draft, writer: SectionWriter | None = None, index=None,
                on_event: OnEvent | None = None, concurrency: int = 4,
                exclude_docs: tuple[str, ...] = ()) -> Draft:
    """Write every unlocked section, side by side; sections keep their order in the draft."""
    writer = writer or OfflineComposer()
    ctx = context_for(draft, index, exclude_docs)
    emit_event = on_event or (lambda event: None)
    before = dict(getattr(writer, "usage", {}) or {})

    def one(section: Section) -> Section:
        if section.locked:
            return section
        emit_event(DraftEvent("start", section.id))
        written = writer.write(section, ctx, emit=lambda text: emit_event(DraftEvent("text", section.id, text)))
        emit_event(DraftEvent("done", section.id, written.text))
        return written

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        sections = stale_flags(draft, list(pool.map(one, draft.sections)))
    backend = getattr(writer, "label", writer.name)
    after = dict(getattr(writer, "usage", {}) or {})
    usage = {k: v - before.get(k, 0) for k, v in after.items()}  # this draft's share
    result = replace(draft, sections=sections, meta=replace(draft.meta, backend=backend), tokens=usage)
    emit_event(DraftEvent("finished", draft=result))
    return result


def regenerate_section(draft: Draft, section_id: str, writer: SectionWriter | None = None, index=None,
                       instruction: str = "", on_event: OnEvent | None = None) -> Draft:
    """Write one section again (the next variant); every other section stays as it is."""
    writer = writer or OfflineComposer()
    section = draft.section(section_id)
    if section is None:
        raise InputError(f"没有编号为 {section_id} 的部分。")
    if section.locked:
        raise InputError("这一部分已锁定：先解锁再重新生成。")
    ctx = context_for(draft, index)
    ctx.borrowed.update(s for other in draft.sections if other.id != section_id
                        for s in other.text.replace("\n", "").split("。"))
    emit = (lambda text: on_event(DraftEvent("text", section_id, text))) if on_event else None
    new = writer.write(replace(section, variant=section.variant + 1), ctx, instruction=instruction, emit=emit)
    sections = stale_flags(draft, [new if s.id == section_id else s for s in draft.sections])
    return replace(draft, sections=sections)


def draft_report(meta: DraftMeta, facts_text: str, index=None, writer: SectionWriter | None = None,
                 on_event: OnEvent | None = None, concurrency: int = 4,
                 exclude_docs: tuple[str, ...] = ()) -> Draft:
    """The Python API the CLI and the app call: facts in, a whole Draft out."""
    draft = new_draft(meta, facts_text, index)
    return write_draft(draft, writer, index, on_event, concurrency, exclude_docs)
