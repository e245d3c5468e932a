"""What a staff member does with a draft, as plain functions over Draft and the store: the outline,
writing, a section's versions, checks, export, Word files read back and reports uploaded. The
outline's edits (outline_edits.py) and the saved-drafts list (saved_drafts.py) are its own too.

The app (and tests) call these; none of them imports gradio. Every change is saved.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from drafting.domain.profile import profile_for
from drafting.domain.types import Draft
from drafting.engine import DraftEvent, Engine, EventKind, Outputs
from drafting.errors import InputError, ReportDraftError
from drafting.output.exports import private_files, private_folder
from drafting.output.store import DraftStore
from drafting.plan.reoutline import Reoutlined, reoutline
from drafting.review import CheckResult
from lexicon.roles import Kind
from retrieval.errors import RetrievalError, SkippedFile
from retrieval.ingest import doc_id_for, import_file

from .form import Form
from .outline_edits import OutlineEdits
from .running import Running
from .saved_drafts import SavedDrafts


def same_report(a: Draft, b: Draft) -> bool:
    """Two outlines of one report: the same year and kind (the organisation's name may be corrected)."""
    return (a.meta.year, a.meta.report_type) == (b.meta.year, b.meta.report_type)


class Workbench(OutlineEdits, SavedDrafts):
    """One app's shared services: index, store, writer, and the engine that drafts with them. Drafts
    themselves belong to sessions. Each step the user takes is one call of the engine — over the
    index as the draft's organisation sees it — then a save."""

    def __init__(self, settings, index, store: DraftStore, writer) -> None:
        self.settings, self.index, self.store, self.writer = settings, index, store, writer
        self.engine = Engine(index, writer, store, settings.concurrency)
        self.running = Running()
        self._owners: dict[str, str] = {}  # draft id → the organisation it was saved with

    def engine_for(self, draft: Draft | None = None, owner: str | None = None) -> Engine:
        """The engine over the index as an organisation sees it: the shared reports and its own
        uploads (`owner`, or the owner the draft was saved with)."""
        index = self.index.for_owner(owner) if owner is not None else self.index_for(draft)
        return Engine(index, self.writer, self.store, self.settings.concurrency)

    def index_for(self, draft: Draft):
        """The index as the draft's organisation sees it: the shared reports and its own uploads.
        A draft not saved yet (or saved while the database is away) sees the shared reports only.
        A draft's owner never changes once saved: it is asked of the database once (an edit while
        the database is away needs no answer from it)."""
        if draft.id not in self._owners:
            try:
                row = self.store.row(draft.id)
            except (ReportDraftError, RetrievalError, sqlite3.Error):
                row = None
            if row is not None:
                self._owners[draft.id] = row.owner
        return self.index.for_owner(self._owners.get(draft.id, ""))

    # -- outline --------------------------------------------------------------------------
    def outline(self, form: Form, current: Draft | None = None, new: bool = False, owner: str = "") -> Draft:
        """The outline for this form, saved: `current` updated in place when it is the same report
        (reoutline), another draft when it is not or when `new` asks for one."""
        return self.reoutline(form, current, new, owner).draft

    def reoutline(self, form: Form, current: Draft | None = None, new: bool = False,
                  owner: str = "") -> Reoutlined:
        """生成提纲 (again): on the same report's draft, the new outline laid over the user's work
        (plan/reoutline.py: nothing lost, what changed listed); otherwise a new draft."""
        fresh = self.engine_for(owner=owner).outline(form.request())
        if current is None or new or not same_report(current, fresh):
            return Reoutlined(self.engine.save(fresh, "outline", owner))
        merged = reoutline(current, fresh)
        return replace(merged, draft=self._saved(merged.draft, "outline"))

    def profile_summary(self, form: Form) -> str:
        """The organisation profile the tool reads from the name (and the fields the user set)."""
        if not (form.org or "").strip():
            return ""
        try:
            told = (form.level, form.body, form.short, form.addressee, form.leader)
            return profile_for(form.org.strip(), *[(f or "").strip() for f in told]).summary()
        except ValueError as exc:
            raise InputError(str(exc)) from None

    def accept(self, draft: Draft, chosen: list[int]) -> Draft:
        """Put the comparisons with last year that the user ticked into the draft (or none); saved
        with the draft written from it, as one step."""
        return self.engine.accept(draft, chosen) if draft.comparisons else draft

    # -- writing --------------------------------------------------------------------------
    def write(self, draft: Draft, cancel: threading.Event | None = None,
              only: frozenset[str] | None = None) -> Iterator[DraftEvent]:
        """Write every unlocked section (or those of `only`) side by side; yields events as they
        happen, then the saved draft. Setting `cancel` (the browser left) stops the model calls."""
        for event in self.engine_for(draft).stream(draft, cancel, only):
            if event.kind is EventKind.FINISHED:
                event = DraftEvent(EventKind.FINISHED, draft=self._saved(event.draft, "draft"))
            yield event

    @staticmethod
    def with_text(draft: Draft, section_id: str, text: str) -> Draft:
        """The draft with one section's text as streamed so far (not saved)."""
        return replace(draft, sections=[replace(s, text=text) if s.id == section_id else s for s in draft.sections])

    def edit(self, draft: Draft, section_id: str, text: str) -> Draft:
        sections = [replace(s, text=text.strip(), edited=True, outdated=[]) if s.id == section_id else s
                    for s in draft.sections]
        # the section's check flags follow its new text: a problem the edit fixed is gone
        edited = replace(draft, sections=sections)
        return self._saved(self.engine_for(draft).recheck(edited, [section_id]), "edit")

    def regenerate(self, draft: Draft, section_id: str, instruction: str = "",
                   cancel: threading.Event | None = None) -> Draft:
        new = self.engine_for(draft).regenerate(draft, section_id, instruction, cancel)
        return self._saved(new, "regenerate")

    def use_attempt(self, draft: Draft, section_id: str) -> Draft:
        """Swap a section's text with the model's attempt kept beside it (and back again)."""
        section = draft.section(section_id)
        if section is None or not section.attempt:
            raise InputError("这一部分没有大模型的尝试稿。")
        sections = [replace(s, text=s.attempt, attempt=s.text, edited=False) if s.id == section_id else s
                    for s in draft.sections]
        return self._saved(replace(draft, sections=sections), "attempt")

    def refresh_previous(self, draft: Draft) -> Draft:
        """Look for last year's report again (after an upload)."""
        return self._saved(self.engine_for(draft).last_year(draft), "outline")

    def lock(self, draft: Draft, section_id: str, locked: bool) -> Draft:
        sections = [replace(s, locked=locked) if s.id == section_id else s for s in draft.sections]
        return self._saved(replace(draft, sections=sections), "lock")

    def undo(self, draft: Draft, section_id: str) -> Draft:
        """That section one version further back (again: further still)."""
        return self.store.undo(draft, section_id)

    def undo_step(self, draft: Draft) -> tuple[Draft, str, str]:
        """The draft as it was before its last action: (the draft, the action undone, the one a second
        撤销 would undo — '' for none)."""
        return self.store.undo_step(draft.id)

    # -- checks, export, files ------------------------------------------------------------
    def check(self, draft: Draft) -> list[CheckResult]:
        return self.engine_for(draft).check(draft)

    def export(self, draft: Draft, directory: Path) -> tuple[Path, Path]:
        """The draft as .docx and .md in `directory`, readable by this user only; the folder keeps
        the newest export of each draft and is removed when the process exits (output/exports.py)."""
        label = Kind(draft.meta.report_type).label[:4]
        stem = f"{draft.meta.org[:40]}{draft.meta.year}{label}草稿-{draft.id}"  # a name fits any file system
        stem = "".join(c for c in stem if c not in '\\/:*?"<>|“”')
        docx_path, md_path = private_files(private_folder(directory), [f"{stem}.docx", f"{stem}.md"], draft.id)
        results = self.check(draft)  # every open problem travels with the files
        self.engine.files(draft, results, Outputs(markdown=md_path, docx=docx_path, markers=False))
        return docx_path, md_path

    def merge_docx(self, draft: Draft, path: Path):
        merged, changes = self.engine_for(draft).merge(draft, path, self.settings.max_upload_mb * 1024 * 1024)
        changed = {c.section_id for c in changes}
        merged = replace(merged, sections=[replace(s, edited=True) if s.id in changed else s for s in merged.sections])
        return self._saved(merged, "docx"), changes

    def import_reports(self, paths: list[Path], owner: str = "") -> list[str]:
        """Add the user's own earlier reports to the index; one line per file. An upload is known
        by its content and its organisation (`owner`, '' without per-organisation logins): the same
        file again is 已存在, and a different file with a name already in the index is added beside
        it — an upload never replaces another upload or a corpus report. An upload with an owner is
        used for that organisation's drafts only."""
        lines = []
        limit = self.settings.max_upload_mb * 1024 * 1024
        for path in map(Path, paths):
            source = ""
            try:  # import_file refuses a file over the limit (or not a file), with the reason
                if path.is_file() and not path.is_symlink() and path.stat().st_size <= limit:
                    with path.open("rb") as f:
                        source = f"upload:{owner + ':' if owner else ''}{hashlib.file_digest(f, 'sha256').hexdigest()}"
                report = import_file(path, max_bytes=limit, source=source)
                report.owner = owner
                named = doc_id_for(path)
                clash = self.index.catalog.has_doc(named)
                outcome = self.index.add_report(report)
                if outcome == "unchanged":
                    title = report.meta.title or report.doc
                    lines.append(f"{path.name}：已存在（与索引中的《{title}》内容相同），未重复导入")
                else:
                    beside = "；索引中已有同名报告，两份都保留" if clash and report.doc != named else ""
                    lines.append(f"{path.name}：已导入（新增{beside}）")
            except SkippedFile as exc:
                lines.append(f"{path.name}：跳过——{exc}")
        return lines

    def _saved(self, draft: Draft, reason: str) -> Draft:
        return self.engine.save(draft, reason)
