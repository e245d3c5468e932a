"""The saved-drafts list as a user sees it: search and page through it, open, rename, delete and
restore a draft; with logins, only the drafts of the user's own organisation. Workbench
(workbench.py) holds it."""

from __future__ import annotations

from drafting.domain.types import Draft
from drafting.errors import InputError


class SavedDrafts:
    """The list's steps over the Workbench's `store` (owner: the user's organisation with a login;
    None: one shared list)."""

    def saved(self, query: str = "", offset: int = 0, limit: int = 20, owner: str | None = None):
        """(rows of this page, how many match)."""
        return self.store.list(query, offset, limit, owner), self.store.count(query, owner)

    def open(self, draft_id: str, owner: str | None = None) -> Draft:
        self._mine(draft_id, owner)
        return self.store.load(draft_id)

    def rename_saved(self, draft_id: str, name: str, owner: str | None = None) -> str:
        self._mine(draft_id, owner)
        return self.store.rename(draft_id, name)

    def delete_saved(self, draft_id: str, owner: str | None = None) -> None:
        self._mine(draft_id, owner)
        self.store.delete(draft_id)

    def restore_saved(self, draft_id: str, owner: str | None = None) -> None:
        self._mine(draft_id, owner)
        self.store.restore(draft_id)

    def _mine(self, draft_id: str, owner: str | None) -> None:
        row = self.store.row(draft_id or "")
        if row is None or (owner is not None and row.owner != owner):
            raise InputError("没有找到这份草稿：请先在列表中选择一份。")
