"""Drafts saved automatically: SQLite under the data directory, a version per section change.

Write-ahead log and one transaction per save, so a kill in the middle of a save loses at most
that save. A database file that cannot be read is set aside (never deleted) and a fresh one
is started; `notice` says so. The schema carries its version (`PRAGMA user_version`): an older
database is migrated in place when it is opened.

Each draft has a name (default “单位 · 年份 · 类型”), an owner (the organisation of the logged-in
user; '' when the app has no login and one office shares one list) and may be deleted softly:
`delete` hides it from the list, `restore` brings it back.

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
import sqlite3
import threading
import time
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path

from drafting.domain.types import Draft
from drafting.errors import DraftingError
from lexicon.roles import Kind
from retrieval.database import Migration, is_postgres, open_database
from retrieval.errors import storage_errors
from retrieval.postgres import PostgresConnection, safe_url

from .kept import KeptSaves

SCHEMA_VERSION = 2
"""1: drafts and versions; 2: name, owner, deleted on drafts."""
TABLES = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY, org TEXT, report_type TEXT, year INTEGER, title TEXT,
    created REAL, updated REAL, body TEXT);
CREATE TABLE IF NOT EXISTS versions (
    draft_id TEXT, section_id TEXT, version INTEGER, heading TEXT, text TEXT, reason TEXT, created REAL,
    PRIMARY KEY (draft_id, section_id, version));
"""
MIGRATIONS = {
    2: """
ALTER TABLE drafts ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN deleted REAL;
CREATE INDEX IF NOT EXISTS drafts_by_owner ON drafts (owner, deleted, updated);
""",
}
POSTGRES_MIGRATIONS = [
    # PostgreSQL support started at schema 2: its first migration creates schema 2 whole.
    Migration(2, "drafts (with name, owner, deleted) and versions", sqlite="", postgres="""
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY, org TEXT, report_type TEXT, year INTEGER, title TEXT,
            created DOUBLE PRECISION, updated DOUBLE PRECISION, body TEXT,
            name TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '', deleted DOUBLE PRECISION);
        CREATE TABLE versions (
            draft_id TEXT, section_id TEXT, version INTEGER, heading TEXT, text TEXT, reason TEXT,
            created DOUBLE PRECISION, PRIMARY KEY (draft_id, section_id, version));
        CREATE INDEX drafts_by_owner ON drafts (owner, deleted, updated);
        """),
]
NAME_MAX = 100
LATEST = ("SELECT v.section_id, v.version, v.text, v.heading FROM versions v JOIN "
          "(SELECT section_id, MAX(version) AS top FROM versions WHERE draft_id=? GROUP BY section_id) m "
          "ON v.section_id = m.section_id AND v.version = m.top WHERE v.draft_id=?")
"""The latest version of every section of a draft, in one statement (a save used to ask per section)."""
ROW = "id, org, report_type, year, title, updated, name, owner, created"


@dataclass
class DraftRow:
    """One line of the saved-drafts list."""

    id: str
    org: str
    report_type: str
    year: int
    title: str
    updated: float
    name: str = ""
    owner: str = ""
    created: float = 0.0


def default_name(org: str, year: int, report_type: str, period: str = "") -> str:
    """单位 · 年份 · 类型, e.g. 青川县妇女联合会 · 2024 · 法治政府建设年度报告."""
    try:
        kind = Kind(report_type).label
    except ValueError:
        kind = report_type
    half = "（上半年）" if period == "half" else ""
    return f"{org} · {year} · {kind}{half}"


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


def storage(failed: str):
    """sqlite and file errors as a DraftingError: what failed, why, and what to do."""
    return storage_errors(failed, (sqlite3.Error, OSError), DraftingError)


class DraftStore(KeptSaves):
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
            self._db = self._open_or_set_aside()

    def _open_or_set_aside(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.OperationalError:
            raise  # cannot open or write (read-only, full, locked): not a damaged file
        except sqlite3.DatabaseError:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
            self.path.rename(aside)
            self.notice = f"草稿数据库已损坏，已另存为 {aside.name}，并新建了一个空数据库。"
            return self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(TABLES)
        db.execute("SELECT COUNT(*) FROM drafts").fetchone()
        self._migrate(db)
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection) -> None:
        """Bring an older database up to SCHEMA_VERSION, one step at a time, each in one transaction."""
        version = db.execute("PRAGMA user_version").fetchone()[0] or 1
        if version > SCHEMA_VERSION:
            raise DraftingError(f"草稿数据库来自更新版本的工具（结构版本 {version}），请升级后再打开。")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with db:
                for statement in filter(str.strip, MIGRATIONS[step].split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {step}")
        if version < 2:
            DraftStore._name_unnamed(db)

    @staticmethod
    def _name_unnamed(db: sqlite3.Connection) -> None:
        rows = db.execute("SELECT id, org, year, report_type FROM drafts WHERE name = ''").fetchall()
        with db:
            for draft_id, *fields in rows:
                db.execute("UPDATE drafts SET name=? WHERE id=?", (default_name(*fields), draft_id))

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
        now = time.time()
        with storage("无法保存，本次改动未保存"), self._lock, self._db:
            if self._database is not None:
                # Two instances saving one draft take turns: each reads the other's last version.
                self._db.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (draft.id,))
            self._db.execute(
                "INSERT INTO drafts (id, org, report_type, year, title, created, updated, body, name, owner) "
                "VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "org=excluded.org, report_type=excluded.report_type, year=excluded.year, "
                "title=excluded.title, updated=excluded.updated, body=excluded.body",
                (draft.id, draft.meta.org, draft.meta.report_type, draft.meta.year, draft.meta.title,
                 now, now, body_of(draft), name_of(draft), owner))
            latest = {row[0]: row[1:] for row in self._db.execute(LATEST, (draft.id, draft.id)).fetchall()}
            for section in draft.sections:  # one query above, an insert only for a changed section
                last = latest.get(section.id)
                if last and (last[1], last[2]) == (section.text, section.heading):
                    continue
                self._db.execute("INSERT INTO versions VALUES (?,?,?,?,?,?,?)",
                                 (draft.id, section.id, (last[0] + 1) if last else 1, section.heading,
                                  section.text, reason, now))

    def load(self, draft_id: str) -> Draft:
        kept = self.kept(draft_id)  # saved while the database was away
        if kept is not None:
            return kept
        with storage("无法读取草稿库"):
            row = self._db.execute("SELECT body FROM drafts WHERE id=?", (draft_id,)).fetchone()
        if row is None:
            raise DraftingError(f"没有编号为 {draft_id} 的草稿。")
        return Draft.from_json(row[0])

    def row(self, draft_id: str) -> DraftRow | None:
        found = self._db.execute(f"SELECT {ROW} FROM drafts WHERE id=?", (draft_id,)).fetchone()
        return DraftRow(*found) if found else None

    # -- the saved-drafts list --------------------------------------------------------------
    def list(self, query: str = "", offset: int = 0, limit: int = 200, owner: str | None = None) -> list[DraftRow]:
        """Drafts not deleted, newest first; `query` matches name, organisation or title; `owner`
        None means every owner (no login)."""
        where, args = self._filter(query, owner)
        with storage("无法读取草稿库"):
            rows = self._db.execute(f"SELECT {ROW} FROM drafts WHERE {where} ORDER BY updated DESC, id "
                                    "LIMIT ? OFFSET ?", (*args, max(0, limit), max(0, offset))).fetchall()
        return [DraftRow(*r) for r in rows]

    def count(self, query: str = "", owner: str | None = None) -> int:
        where, args = self._filter(query, owner)
        return self._db.execute(f"SELECT COUNT(*) FROM drafts WHERE {where}", args).fetchone()[0]

    @staticmethod
    def _filter(query: str, owner: str | None) -> tuple[str, tuple]:
        clauses, args = ["deleted IS NULL"], []
        if owner is not None:
            clauses.append("owner = ?")
            args.append(owner)
        for word in (query or "").split():
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(name LIKE ? ESCAPE '\\' OR org LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')")
            args += [pattern] * 3
        return " AND ".join(clauses), tuple(args)

    def rename(self, draft_id: str, name: str) -> str:
        name = " ".join((name or "").split())[:NAME_MAX]
        if not name:
            raise DraftingError("草稿名称不能为空。")
        self._update(draft_id, "UPDATE drafts SET name=? WHERE id=?", (name, draft_id))
        return name

    def delete(self, draft_id: str) -> None:
        """Hide the draft from the list; `restore` brings it back (nothing is erased)."""
        self._update(draft_id, "UPDATE drafts SET deleted=? WHERE id=?", (time.time(), draft_id))

    def restore(self, draft_id: str) -> None:
        self._update(draft_id, "UPDATE drafts SET deleted=NULL WHERE id=?", (draft_id,))

    def _update(self, draft_id: str, sql: str, args: tuple) -> None:
        with storage("无法保存，本次改动未保存"), self._lock, self._db:
            if self._db.execute(sql, args).rowcount == 0:
                raise DraftingError(f"没有编号为 {draft_id} 的草稿。")

    # -- versions ---------------------------------------------------------------------------
    def versions(self, draft_id: str, section_id: str) -> list[tuple[int, str, str, str]]:
        """(version, heading, text, reason), oldest first."""
        return self._db.execute("SELECT version, heading, text, reason FROM versions WHERE draft_id=? AND "
                                "section_id=? ORDER BY version", (draft_id, section_id)).fetchall()

    def undo(self, draft: Draft, section_id: str) -> Draft:
        """The draft with that section back at its previous version (saved as a new version)."""
        history = self.versions(draft.id, section_id)
        if len(history) < 2:
            raise DraftingError("这一部分没有更早的版本。")
        _, heading, text, _ = history[-2]
        sections = [replace(s, heading=heading, text=text) if s.id == section_id else s for s in draft.sections]
        restored = replace(draft, sections=sections)
        self.save(restored, reason="undo")
        return restored

    def close(self) -> None:
        self.stop_retrying()
        self._db.close()
