"""Drafting from end to end: facts → outline → sections written side by side → Draft.

Nothing here imports the UI: callers pass an `on_event` callback and receive DraftEvents as
sections start, stream text and finish.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date

from drafting.domain.facts import fact_warnings, parse_facts
from drafting.domain.guard import ForeignGuard, guard_for
from drafting.domain.meta import settle
from drafting.domain.types import Draft, DraftMeta, Section
from drafting.domain.wording import kind_of
from drafting.errors import InputError
from drafting.plan.continuity import attach_previous, plan_answers, stale_flags
from drafting.plan.copying import copied_figures
from drafting.plan.outline import fragments, gaps, make_outline

from .base import DraftContext, SectionWriter
from .offline import OfflineComposer
from .stock import note_existing
from .validate import refresh_flags


@dataclass
class DraftEvent:
    """What a caller sees while a draft is written: 'start', 'text', 'done' per section, then 'finished'."""

    kind: str
    section_id: str = ""
    text: str = ""
    draft: Draft | None = None


OnEvent = Callable[[DraftEvent], None]


def new_draft(meta: DraftMeta, facts_text: str, index=None, today: date | None = None,
              exclude_docs: tuple[str, ...] = ()) -> Draft:
    """Parse the facts, settle who and when, and lay out the outline: every fact assigned, no text yet."""
    facts = parse_facts(facts_text)
    meta = settle(meta, facts, today)
    kind = kind_of(meta)
    sections = make_outline(facts, kind, meta, index, exclude_docs)
    draft = Draft(meta=meta, facts=facts, sections=sections, id=uuid.uuid4().hex[:12],
                  warnings=fact_warnings(facts, facts_text) + fragments(facts) + gaps(sections)
                  + copied_figures(facts, index, meta.org, exclude_docs))
    return attach_previous(draft, index) if index is not None else draft


def context_for(draft: Draft, index=None, exclude_docs: tuple[str, ...] = ()) -> DraftContext:
    guard = guard_for(draft, index.documents()) if index is not None else ForeignGuard()
    return DraftContext(meta=draft.meta, kind=kind_of(draft.meta),
                        facts={f.id: f for f in draft.facts}, index=index, guard=guard,
                        exclude_docs=exclude_docs, outline=draft.sections, plan_answers=plan_answers(draft))


def write_draft(draft: Draft, writer: SectionWriter | None = None, index=None,
                on_event: OnEvent | None = None, concurrency: int = 4,
                exclude_docs: tuple[str, ...] = (), cancel: threading.Event | None = None) -> Draft:
    """Write every unlocked section, side by side; sections keep their order in the draft.
    Setting `cancel` stops it: sections not started are skipped, DraftCancelled is raised."""
    writer = writer or OfflineComposer()
    ctx = context_for(draft, index, exclude_docs)
    ctx.cancel = cancel
    emit_event = on_event or (lambda event: None)

    def one(section: Section) -> Section:
        if section.locked:
            return section
        ctx.check_cancelled()
        emit_event(DraftEvent("start", section.id))
        written = writer.write(section, ctx, emit=lambda text: emit_event(DraftEvent("text", section.id, text)))
        emit_event(DraftEvent("done", section.id, written.text))
        return written

    # A writer that is not parallel (the offline composer) writes in order, so its draft-wide
    # choices (which phrase, which example) are the same on every run.
    workers = max(1, concurrency) if getattr(writer, "parallel", True) else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        sections = stale_flags(draft, list(pool.map(one, draft.sections)))
    backend = getattr(writer, "label", writer.name)
    result = replace(draft, sections=sections, meta=replace(draft.meta, backend=backend), tokens=dict(ctx.usage))
    emit_event(DraftEvent("finished", draft=result))
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
    emit = (lambda text: on_event(DraftEvent("text", section_id, text))) if on_event else None
    new = writer.write(replace(section, variant=section.variant + 1), ctx, instruction=instruction, emit=emit)
    sections = stale_flags(draft, [new if s.id == section_id else s for s in draft.sections])
    tokens = dict(draft.tokens)
    for key, value in ctx.usage.items():  # the regeneration's cost adds to the draft's
        tokens[key] = tokens.get(key, 0) + value
    return replace(draft, sections=sections, tokens=tokens)


def recheck(draft: Draft, index=None, section_ids: list[str] | None = None) -> Draft:
    """The draft with the check flags of its sections (all, or those named) recomputed for their
    current text: after an edit a fixed problem is gone and none is listed twice."""
    ctx = context_for(draft, index)
    sections = [refresh_flags(s, ctx) if section_ids is None or s.id in section_ids else s for s in draft.sections]
    return replace(draft, sections=stale_flags(draft, sections))


def draft_report(meta: DraftMeta, facts_text: str, index=None, writer: SectionWriter | None = None,
                 on_event: OnEvent | None = None, concurrency: int = 4,
                 exclude_docs: tuple[str, ...] = ()) -> Draft:
    """The Python API the CLI and the app call: facts in, a whole Draft out."""
    draft = new_draft(meta, facts_text, index, exclude_docs=exclude_docs)
    return write_draft(draft, writer, index, on_event, concurrency, exclude_docs)
