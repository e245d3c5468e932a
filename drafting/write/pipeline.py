"""Writing an outlined draft: every section side by side (write_draft), one section again
(regenerate_section), the checks on the sections' text again after an edit (recheck).

The engine (drafting/engine) calls these after plan/ has laid out the outline. Nothing here imports
the UI: callers pass an `on_event` callback and receive DraftEvents as sections start, stream text
and finish.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from drafting.domain.guard import ForeignGuard, guard_for
from drafting.domain.terms import term_table
from drafting.domain.types import Draft, Section
from drafting.domain.wording import kind_of
from drafting.errors import InputError
from drafting.plan.continuity import plan_answers
from drafting.plan.stale import stale_flags
from lexicon.terms import corrected, misuses

from .base import DraftContext, SectionWriter
from .events import DraftEvent, EventKind, OnEvent
from .offline import OfflineComposer
from .stock import note_existing
from .validate import refresh_flags


def context_for(draft: Draft, index=None, exclude_docs: tuple[str, ...] = ()) -> DraftContext:
    guard = guard_for(draft, index.documents()) if index is not None else ForeignGuard()
    return DraftContext(meta=draft.meta, kind=kind_of(draft.meta),
                        facts={f.id: f for f in draft.facts}, index=index, guard=guard,
                        exclude_docs=exclude_docs, outline=draft.sections, plan_answers=plan_answers(draft))


def write_draft(draft: Draft, writer: SectionWriter | None = None, index=None,
                on_event: OnEvent | None = None, concurrency: int = 4,
                exclude_docs: tuple[str, ...] = (), cancel: threading.Event | None = None,
                only: frozenset[str] | None = None) -> Draft:
    """Write every unlocked section (or those of `only`), side by side; sections keep their order in
    the draft. Setting `cancel` stops it: sections not started are skipped, DraftCancelled is raised."""
    writer = writer or OfflineComposer()
    ctx = context_for(draft, index, exclude_docs)
    ctx.cancel = cancel
    emit_event = on_event or (lambda event: None)
    if only is not None:  # the sections kept as they are: their sentences are not borrowed again
        kept = [s.text for s in draft.sections if s.id not in only]
        ctx.borrowed.update(s for text in kept for s in text.replace("\n", "").split("。"))
        note_existing(ctx, kept)

    def one(section: Section) -> Section:
        if section.locked or (only is not None and section.id not in only):
            return section
        ctx.check_cancelled()
        emit_event(DraftEvent(EventKind.START, section.id))

        def emit(text: str) -> None:
            emit_event(DraftEvent(EventKind.TEXT, section.id, text))

        written = in_year(replace(writer.write(section, ctx, emit=emit), edited=False, outdated=[]), draft.meta)
        emit_event(DraftEvent(EventKind.DONE, section.id, written.text))
        return written

    # A writer that is not parallel (the offline composer) writes in order, so its draft-wide
    # choices (which phrase, which example) are the same on every run.
    workers = max(1, concurrency) if getattr(writer, "parallel", True) else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        sections = stale_flags(draft, in_official_terms(list(pool.map(one, draft.sections))))
    backend = getattr(writer, "label", writer.name)
    result = replace(draft, sections=sections, meta=replace(draft.meta, backend=backend), tokens=ctx.usage)
    emit_event(DraftEvent(EventKind.FINISHED, draft=result))
    return result


def regenerate_section(draft: Draft, section_id: str, writer: SectionWriter | None = None, index=None,
                       instruction: str = "", on_event: OnEvent | None = None,
                       cancel: threading.Event | None = None) -> Draft:
    """Write one section again (the next variant); every other section stays as it is."""
    writer = writer or OfflineComposer()
    section = draft.section(section_id)
    if section is None:
        raise InputError(f"没有编号为 {section_id} 的部分。")
    if section.locked:
        raise InputError("这一部分已锁定：先解锁再重新生成。")
    ctx = context_for(draft, index)
    ctx.cancel = cancel
    ctx.borrowed.update(s for other in draft.sections if other.id != section_id
                        for s in other.text.replace("\n", "").split("。"))
    note_existing(ctx, [other.text for other in draft.sections if other.id != section_id])
    emit = (lambda text: on_event(DraftEvent(EventKind.TEXT, section_id, text))) if on_event else None
    new = writer.write(replace(section, variant=section.variant + 1), ctx, instruction=instruction, emit=emit)
    new = in_year(replace(new, edited=False, outdated=[]), draft.meta)
    sections = in_official_terms([new if s.id == section_id else s for s in draft.sections])
    sections = stale_flags(draft, sections)
    # the regeneration's cost adds to the draft's
    return replace(draft, sections=sections, tokens=draft.tokens + ctx.usage)


THIS_YEAR = re.compile(r"(?<![“\"《])今年(?=以来|[0-9０-９一二三四五六七八九十上下全初底内，,])")


def in_year(section: Section, meta) -> Section:
    """A section just written, in an annual report, with a fact's 今年 (今年1—11月, 今年以来) as the
    report's year (2022年1—11月): an annual report is written the next year, and the signer would read
    今年 as the year they sign in. A locked section, and a half-year report (written in its own year),
    keep the word."""
    if meta.period == "half" or section.locked or "今年" not in section.text:
        return section
    return replace(section, text=THIS_YEAR.sub(f"{meta.year}年", section.text))


def in_official_terms(sections: list[Section]) -> list[Section]:
    """The written sections in the term table's right forms, read in order (a law's full title where
    it is first named, 党的二十大 where the congress first is): whoever wrote them, the draft never
    carries a wrong form. A locked section stays as the user left it; what it names counts as named."""
    terms, seen, out = term_table(), set(), []
    for section in sections:
        before = set(seen)
        text = section.text if section.locked else corrected(section.text, terms, seen)
        if section.locked:
            misuses(text, terms, seen)
        stock = [_as_written(s, section.text, text, terms, before) for s in section.stock]
        out.append(section if text == section.text else replace(section, text=text, stock=stock))
    return out


def _as_written(sentence: str, original: str, text: str, terms, seen_before: set[str]) -> str:
    """A 通用表述 sentence as the corrected text has it: corrected with what the draft had named before
    it (a law named in full earlier stays short here, as in the text)."""
    at = original.find(sentence)
    if at < 0:
        return sentence
    seen = set(seen_before)
    corrected(original[:at], terms, seen)
    fixed = corrected(sentence, terms, seen)
    return fixed if fixed in text else sentence


def recheck(draft: Draft, index=None, section_ids: list[str] | None = None) -> Draft:
    """The draft with the check flags of its sections (all, or those named) recomputed for their
    current text: after an edit a fixed problem is gone and none is listed twice."""
    ctx = context_for(draft, index)
    sections = [refresh_flags(s, ctx) if section_ids is None or s.id in section_ids else s for s in draft.sections]
    return replace(draft, sections=stale_flags(draft, sections))
