"""Drafts saved automatically: SQLite under the data directory, a version per section change.

Write-ahead log and one transaction per save, so a kill in the middle of a save loses at most
that save. A database file that cannot be read is set aside (never deleted) and a fresh one
is started; `notice` says so. A data directory that is read-only or full is a DraftingError that
says so and what to do, never a sqlite traceback; a save that fails raises (nothing was saved).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from drafting.domain.types import Draft
from drafting.errors import DraftingError
from retrieval.errors import storage_reason

SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY, org TEXT, report_type TEXT, year INTEGER, title TEXT,
    created REAL, updated REAL, body TEXT);
CREATE TABLE IF NOT EXISTS versions (
    draft_id TEXT, section_id TEXT, version INTEGER, heading TEXT, text TEXT, reason TEXT, created REAL,
    PRIMARY KEY (draft_id, section_id, version));
"""


@dataclass
class DraftRow:
    id: str
    org: str
    report_type: str
    year: int
    title: str
    updated: float


@contextmanager
def storage(failed: str) -> Iterator[None]:
    """sqlite and file errors as a DraftingError: what failed, why, and what to do."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        raise DraftingError(f"{failed}：{storage_reason(exc)}。") from None


class DraftStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.notice = ""
        self._lock = threading.Lock()
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
        db.executescript(SCHEMA)
        db.execute("SELECT COUNT(*) FROM drafts").fetchone()
        return db

    def save(self, draft: Draft, reason: str = "edit") -> None:
        """Store the draft; every section whose text changed gets a new version."""
        if not draft.id:
            raise DraftingError("草稿没有编号，无法保存。")
        now = time.time()
        with storage("无法保存，本次改动未保存"), self._lock, self._db:
            self._db.execute(
                "INSERT INTO drafts VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
                "org=excluded.org, report_type=excluded.report_type, year=excluded.year, "
                "title=excluded.title, updated=excluded.updated, body=excluded.body",
                (draft.id, draft.meta.org, draft.meta.report_type, draft.meta.year, draft.meta.title,
                 now, now, draft.to_json()))
            for section in draft.sections:
                last = self._db.execute(
                    "SELECT version, text, heading FROM versions WHERE draft_id=? AND section_id=? "
                    "ORDER BY version DESC LIMIT 1", (draft.id, section.id)).fetchone()
                if last and (last[1], last[2]) == (section.text, section.heading):
                    continue
                self._db.execute("INSERT INTO versions VALUES (?,?,?,?,?,?,?)",
                                 (draft.id, section.id, (last[0] + 1) if last else 1, section.heading,
                                  section.text, reason, now))

    def load(self, draft_id: str) -> Draft:
        with storage("无法读取草稿库"):
            row = self._db.execute("SELECT body FROM drafts WHERE id=?", (draft_id,)).fetchone()
        if row is None:
            raise DraftingError(f"没有编号为 {draft_id} 的草稿。")
        return Draft.from_json(row[0])

    def list(self, limit: int = 200) -> list[DraftRow]:
        with storage("无法读取草稿库"):
            rows = self._db.execute("SELECT id, org, report_type, year, title, updated FROM drafts "
                                    "ORDER BY updated DESC LIMIT ?", (limit,)).fetchall()
        return [DraftRow(*r) for r in rows]

    def versions(self, draft_id: str, section_id: str) -> list[tuple[int, str, str, str]]:
        """(version, heading, text, reason), oldest first."""
        return self._db.execute("SELECT version, heading, text, reason FROM versions WHERE draft_id=? AND "
                                "section_id=? ORDER BY version", (draft_id, section_id)).fetchall()

    def undo(self, draft: Draft, section_id: str) -> Draft:
        """The draft with that section back at its previous version (saved as a new version)."""
        from dataclasses import replace

        history = self.versions(draft.id, section_id)
        if len(history) < 2:
            raise DraftingError("这一部分没有更早的版本。")
        _, heading, text, _ = history[-2]
        sections = [replace(s, heading=heading, text=text) if s.id == section_id else s for s in draft.sections]
        restored = replace(draft, sections=sections)
        self.save(restored, reason="undo")
        return restored

    def close(self) -> None:
        self._db.close()
