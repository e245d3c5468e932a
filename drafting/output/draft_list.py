"""The saved-drafts list: each draft's line (name, organisation, kind, year, owner), searched and
paged, renamed (numbered when its list has the name already), softly deleted and restored. DraftStore
(store.py) holds it; nothing is erased."""

from __future__ import annotations

import time
from dataclasses import dataclass

from drafting.errors import DraftingError

from .names import NAME_MAX, like_prefix, numbered
from .sqlite_file import storage

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


class SavedList:
    """The list's queries, on the store's connection (`_db`: sqlite3 or PostgresConnection) and lock."""

    def row(self, draft_id: str) -> DraftRow | None:
        found = self._db.execute(f"SELECT {ROW} FROM drafts WHERE id=?", (draft_id,)).fetchone()
        return DraftRow(*found) if found else None

    def _unique(self, wanted: str, owner: str, draft_id: str) -> str:
        taken = {r[0] for r in self._db.execute(
            "SELECT name FROM drafts WHERE owner=? AND id<>? AND deleted IS NULL AND name LIKE ? ESCAPE '\\'",
            (owner, draft_id, like_prefix(wanted))).fetchall()}
        return numbered(wanted, taken)

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
        """The name given (numbered when another draft of the list has it); the name saved."""
        name = " ".join((name or "").split())[:NAME_MAX]
        if not name:
            raise DraftingError("草稿名称不能为空。")
        row = self.row(draft_id)
        if row is None:
            raise DraftingError(f"没有编号为 {draft_id} 的草稿。")
        name = self._unique(name, row.owner, draft_id)
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
