"""Drafts saved automatically: SQLite under the data directory, a version per section change and a
step per action (history.py: 撤销 goes back one action, or one version of a section, at a time).

Write-ahead log and one transaction per save, so a kill in the middle of a save loses at most
that save. A database file that cannot be read is set aside (never deleted) and a fresh one
is started; `notice` says so. The schema carries its version (`PRAGMA user_version`): an older
database is migrated in place when it is opened (sqlite_file.py).

Each draft has a name (default “单位 · 年份 · 类型”, numbered when the list has it already, and
following the draft's organisation, year and kind until the user names it: names.py), an owner (the
organisation of the logged-in user; '' when the app has no login and one office shares one list) and
may be deleted softly: `delete` hides it from the list, `restore` brings it back (draft_list.py).

With a postgresql:// URL instead of a path, the same tables live in PostgreSQL (several app
instances share them; migrations in `schema_versions`). Two instances saving one draft at once take
turns on a per-draft lock, so both versions are kept. When the database cannot be reached, a save
is kept in memory (in order), `notice` says so, the draft stays open and loadable, and the saves are
written when the database answers again (retried in the background every few seconds).

A SQLite data directory that is read-only or full is a DraftingError that says so and what to do,
never a sqlite traceback; a save that fails raises (nothing was saved, and the message says so).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import fields, is_dataclass, replace
from pathlib import Path

from drafting.domain.types import Draft
from drafting.errors import DraftingError
from retrieval.database import is_postgres, open_database
from retrieval.postgres import PostgresConnection, safe_url

from .draft_list import SavedList
from .history import HAND, add_step, one_back, returns_to, step_back, versions_of, write_versions
from .kept import KeptSaves
from .names import default_name, is_default, same_default
from .schema import POSTGRES_MIGRATIONS
from .sqlite_file import open_or_set_aside, storage


def name_of(draft: Draft) -> str:
    return default_name(draft.meta.org, draft.meta.year, draft.meta.report_type, draft.meta.period)


def body_of(draft: Draft) -> str:
    """The draft as stored: Draft.to_json's content, compact, encoded by json's C encoder straight
    from the dataclasses (dataclasses.asdict's deep copy made a save grow with the sections)."""
    return json.dumps(draft, default=_fields, ensure_ascii=False, separators=(",", ":"))


def _fields(value) -> dict:
    """A record's fields, or the JSON form it gives of itself (Draft, Fact: the contract's shape)."""
    if not is_dataclass(value):
        raise TypeError(f"{type(value).__name__} 不能保存为 JSON")
    own = getattr(value, "json_fields", None)
    return own() if own else {f.name: getattr(value, f.name) for f in fields(value)}


class DraftStore(KeptSaves, SavedList):
    """Drafts, their sections' versions and their history steps, in SQLite (a path) or PostgreSQL
    (a postgresql:// URL); saves kept in memory while the database is away (KeptSaves)."""

    def __init__(self, path: Path | str, retry_every: float = 5.0, timeout: float = 5.0) -> None:
        self.notice = ""
        self._lock = threading.Lock()
        KeptSaves.__init__(self, retry_every)
        self._database = None
        if is_postgres(path):
            self.path, self.location = None, safe_url(str(path))
            self._database = open_database(str(path), "drafts", POSTGRES_MIGRATIONS, timeout=timeout)
            self._db = PostgresConnection(self._database)
            return
        self.path = Path(path)
        self.location = str(self.path)
        with storage(f"无法打开草稿库 {self.path}"):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db, self.notice = open_or_set_aside(self.path)

    @property
    def schema_version(self) -> int:
        if self._database is not None:
            return self._database.schema_version("drafts")
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    # -- saving and loading ---------------------------------------------------------------
    def save(self, draft: Draft, reason: str = "edit", owner: str = "") -> None:
        """Store the draft; every section whose text changed gets a new version.

        A new draft gets its default name and `owner`; a draft saved again keeps its name and owner."""
        if not draft.id:
            raise DraftingError("草稿没有编号，无法保存。")
        self._save_or_keep(draft, reason, owner)

    def _save(self, draft: Draft, reason: str, owner: str) -> None:
        self._write(draft, reason, owner)

    def _write(self, draft: Draft, reason: str, owner: str = "", forced: dict[str, str] | None = None,
               step: bool = True) -> None:
        """The draft's row, a version of each changed section, and (unless `step` is False: an undo)
        one step of its history, in one transaction."""
        now, body = time.time(), body_of(draft)
        with storage("无法保存，本次改动未保存"), self._lock, self._db:
            if self._database is not None:
                # Two instances saving one draft take turns: each reads the other's last version.
                self._db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (draft.id,))
            self._db.execute(
                "INSERT INTO drafts (id, org, report_type, year, title, created, updated, body, name, owner) "
                "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "org=excluded.org, report_type=excluded.report_type, year=excluded.year, "
                "title=excluded.title, updated=excluded.updated, body=excluded.body, name=excluded.name",
                (draft.id, draft.meta.org, draft.meta.report_type, draft.meta.year, draft.meta.title,
                 now, now, body, self._name_for(draft, owner), owner))
            write_versions(self._db, draft, reason, now, forced)
            if step:
                add_step(self._db, draft.id, body, reason, now)

    def _name_for(self, draft: Draft, owner: str) -> str:
        """A new draft's default name, numbered when its list has it already; a draft saved again
        keeps the name its user gave, and its default name follows its organisation, year and kind."""
        row = self._db.execute("SELECT name, org, year, report_type, owner FROM drafts WHERE id=?",
                               (draft.id,)).fetchone()
        wanted = name_of(draft)
        if row is not None:
            name, org, year, kind, owner = row
            if not is_default(name, org, year, kind) or same_default(name, wanted):
                return name  # the user's name, or the default still right
        return self._unique(wanted, owner, draft.id)

    def load(self, draft_id: str) -> Draft:
        kept = self.kept(draft_id)  # saved while the database was away
        if kept is not None:
            return kept
        with storage("无法读取草稿库"):
            row = self._db.execute("SELECT body FROM drafts WHERE id=?", (draft_id,)).fetchone()
        if row is None:
            raise DraftingError(f"没有编号为 {draft_id} 的草稿。")
        return Draft.from_json(row[0])

    # -- versions and steps (history.py) ----------------------------------------------------
    def versions(self, draft_id: str, section_id: str) -> list[tuple[int, str, str, str]]:
        """(version, heading, text, reason), oldest first."""
        return [(v.number, v.heading, v.text, v.reason) for v in versions_of(self._db, draft_id, section_id)]

    def undo(self, draft: Draft, section_id: str) -> Draft:
        """The draft with that section one version further back (saved as a new version and step)."""
        self._no_kept_saves(draft.id)
        back = one_back(versions_of(self._db, draft.id, section_id))
        sections = [replace(s, heading=back.heading, text=back.text, edited=back.reason in HAND)
                    if s.id == section_id else s for s in draft.sections]
        restored = replace(draft, sections=sections)
        self._write(restored, "back", forced={section_id: f"back:{back.number}"})
        return restored

    def undo_step(self, draft_id: str) -> tuple[Draft, str, str]:
        """The draft as it was before its last action: (the draft, the reason of the action undone, of
        the one before it — what a second 撤销 would undo, '' for none)."""
        self._no_kept_saves(draft_id)
        now = time.time()
        with storage("无法撤销，草稿没有改动"), self._lock, self._db:
            if self._database is not None:
                self._db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (draft_id,))
            draft, undone, before = step_back(self._db, draft_id, now)
            self._db.execute("UPDATE drafts SET org=?, report_type=?, year=?, title=?, updated=?, body=?, name=? "
                             "WHERE id=?", (draft.meta.org, draft.meta.report_type, draft.meta.year, draft.meta.title,
                                            now, body_of(draft), self._name_for(draft, ""), draft_id))
            write_versions(self._db, draft, "undo", now, returns_to(self._db, draft))
        return draft, undone, before

    def _no_kept_saves(self, draft_id: str) -> None:
        if self.kept(draft_id) is not None:
            raise DraftingError("无法连接数据库：最近的修改还暂存在应用的内存中，数据库恢复后才能撤销。")

    def close(self) -> None:
        self.stop_retrying()
        self._db.close()
