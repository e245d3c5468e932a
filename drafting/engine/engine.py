"""The engine: facts → outline → sections → checks → store, the one sequence behind every entry point.

The app's Workbench calls its steps one at a time (the user works between them), the CLI and the
evals call `draft` or `run` in one go, and a tool calls `run` with a request and gets the draft, the
checks' results and the files. Each step lives in its own room — plan/ lays out the outline, write/
writes the sections, review/ checks them, output/ renders and stores — and the engine only calls
them in order. Events (the outline, each section as it streams, the finished draft) go to an
`on_event` callback or come out of `stream`; nothing here knows the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from drafting.domain.types import Draft
from drafting.output.render import to_markdown
from drafting.output.store import DraftStore
from drafting.output.word import write_docx
from drafting.output.word_merge import SectionChange, merge_docx
from drafting.plan.comparisons import accept_comparisons
from drafting.plan.continuity import attach_previous
from drafting.plan.start import new_draft
from drafting.review import CheckResult, check_draft
from drafting.write.base import SectionWriter
from drafting.write.events import DraftEvent, EventKind, OnEvent
from drafting.write.offline import OfflineComposer
from drafting.write.pipeline import recheck, regenerate_section, write_draft

from .request import DraftRequest, DraftResult, Outputs, OutputsNotWritten
from .stream import events_of


class Engine:
    """Drafting with one index, one section writer and (optionally) one draft store."""

    def __init__(self, index=None, writer: SectionWriter | None = None,
                 store: DraftStore | Callable[[], DraftStore] | None = None, concurrency: int = 4) -> None:
        """`index`: a retrieval.index.ReportIndex, or None (no examples, no last year's report).
        `store`: where drafts are kept, or a function that opens it when it is first needed (the
        CLI keeps a draft only when its files cannot be written). `concurrency`: sections written
        side by side by a writer that allows it."""
        self.index = index
        self.writer = writer or OfflineComposer()
        self._store = store
        self.concurrency = concurrency

    @property
    def store(self) -> DraftStore | None:
        if callable(self._store):
            self._store = self._store()
        return self._store

    # -- the steps ------------------------------------------------------------------------
    def outline(self, request: DraftRequest) -> Draft:
        """Facts → outline: who and when settled, each fact in a section, last year's report looked up."""
        return new_draft(request.meta, request.facts, self.index, exclude_docs=request.exclude_docs,
                         origins=request.origins)

    def accept(self, draft: Draft, chosen) -> Draft:
        """The comparisons with last year the user chose ('all' or positions) put in as D facts."""
        offered = range(len(draft.comparisons))
        picked = list(offered) if chosen == "all" else [n for n in chosen if n in offered]
        return accept_comparisons(draft, picked) if draft.comparisons else draft

    def write(self, draft: Draft, on_event: OnEvent | None = None, cancel: threading.Event | None = None,
              exclude_docs: tuple[str, ...] = (), only: frozenset[str] | None = None) -> Draft:
        """Outline → sections: every unlocked section (or those of `only`) written, side by side when
        the writer allows it."""
        return write_draft(draft, self.writer, self.index, on_event, self.concurrency, exclude_docs, cancel, only)

    def stream(self, draft: Draft, cancel: threading.Event | None = None,
               only: frozenset[str] | None = None) -> Iterator[DraftEvent]:
        """`write` as the events it makes, the finished draft last; a failure is raised after the
        events before it."""
        return events_of(lambda on_event: self.write(draft, on_event, cancel, only=only))

    def regenerate(self, draft: Draft, section_id: str, instruction: str = "",
                   cancel: threading.Event | None = None) -> Draft:
        """One section written again (the next variant, or with the user's instruction)."""
        return regenerate_section(draft, section_id, self.writer, self.index, instruction, cancel=cancel)

    def recheck(self, draft: Draft, section_ids: list[str] | None = None) -> Draft:
        """The checks on the sections' text again (all, or those named): after an edit."""
        return recheck(draft, self.index, section_ids)

    def merge(self, draft: Draft, path: Path, max_bytes: int | None = None,
              other_draft: bool = False) -> tuple[Draft, list[SectionChange]]:
        """A Word file edited in Word/WPS read back (refused over `max_bytes`, or when it was exported
        from another draft unless `other_draft`), and the changed sections checked again."""
        merged, changes = merge_docx(draft, path, max_bytes, other_draft)
        return self.recheck(merged, [c.section_id for c in changes]), changes

    def last_year(self, draft: Draft) -> Draft:
        """Last year's report looked up again (after the user imported it)."""
        return attach_previous(draft, self.index)

    def check(self, draft: Draft) -> list[CheckResult]:
        """Every check a reviewer makes, with other organisations' names taken from the index."""
        return check_draft(draft, self.index)

    def save(self, draft: Draft, reason: str, owner: str = "") -> Draft:
        if self.store is not None:
            self.store.save(draft, reason, owner=owner)
        return draft

    def files(self, draft: Draft, results: list[CheckResult], outputs: Outputs) -> dict[str, Path]:
        """The draft written to the files asked for; every open problem travels with the Markdown
        and the Word file (notes, comments). Raises OSError when one cannot be written."""
        written = {}
        if outputs.json:
            outputs.json.write_text(draft.to_json(), encoding="utf-8")
            written["json"] = outputs.json
        if outputs.markdown:
            markdown = to_markdown(draft, markers=outputs.markers, results=results)
            outputs.markdown.write_text(markdown, encoding="utf-8")
            written["markdown"] = outputs.markdown
        if outputs.docx:
            written["docx"] = write_docx(draft, outputs.docx, sources=outputs.sources, results=results)
        return written

    # -- in one go ------------------------------------------------------------------------
    def draft(self, request: DraftRequest, on_event: OnEvent | None = None) -> Draft:
        """Facts → outline → the comparisons asked for → sections. The outline is an event of its
        own, before any section is written (the CLI shows it)."""
        outlined = self.outline(request)
        if on_event is not None:
            on_event(DraftEvent(EventKind.OUTLINED, draft=outlined))
        accepted = self.accept(outlined, request.accept)
        return self.write(accepted, on_event, exclude_docs=request.exclude_docs)

    def run(self, request: DraftRequest, outputs: Outputs | None = None,
            on_event: OnEvent | None = None) -> DraftResult:
        """The whole sequence for a tool or the CLI: draft, check, keep (when the request says so)
        and write the files asked for. A file that cannot be written raises OutputsNotWritten, the
        draft kept in the store first so that nothing is lost."""
        outputs = outputs or Outputs()
        outputs.check()
        draft = self.draft(request, on_event)
        results = self.check(draft)
        if request.save:
            self.save(draft, "draft", request.owner)
        try:
            files = self.files(draft, results, outputs)
        except OSError as exc:
            raise OutputsNotWritten(exc.strerror or str(exc), draft, self._rescue(draft, request)) from None
        return DraftResult(draft, results, files)

    def _rescue(self, draft: Draft, request: DraftRequest) -> str:
        """Keep a draft whose files could not be written; where it is ('' when there is no store)."""
        if self.store is None:
            return ""
        self.save(draft, "rescue", request.owner)
        return self.store.location
