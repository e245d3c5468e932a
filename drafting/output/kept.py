"""Saves kept in memory while the shared database cannot be reached, written when it answers again.

The draft store (store.py) mixes this in: a save that fails with DatabaseUnavailable is kept, in
order, with the draft stays open and loadable from memory; later saves queue behind it, and a
background thread retries every `retry_every` seconds until all are written. Nothing is lost
unless the process itself ends while the database is away.
"""

from __future__ import annotations

import threading

from drafting.domain.types import Draft
from retrieval.database import DatabaseUnavailable


class KeptSaves:
    def __init__(self, retry_every: float = 5.0) -> None:
        self._kept: list[tuple[Draft, str, str]] = []
        self._kept_lock = threading.Lock()
        self._retrying: threading.Thread | None = None
        self._stop = threading.Event()
        self.retry_every = retry_every
        self.notice = ""

    def _save(self, draft: Draft, reason: str, owner: str) -> None:
        raise NotImplementedError

    def _save_or_keep(self, draft: Draft, reason: str, owner: str) -> None:
        with self._kept_lock:
            if self._kept:  # keep the order: this save waits behind the ones not yet written
                self._kept.append((draft, reason, owner))
                self._retry_later()
                return
            try:
                self._save(draft, reason, owner)
            except DatabaseUnavailable as exc:
                self._kept.append((draft, reason, owner))
                self.notice = f"{exc} 草稿暂存在内存中，数据库恢复后自动保存，请勿关闭本页。"
                self._retry_later()

    @property
    def unsaved(self) -> int:
        """Saves kept in memory while the database could not be reached."""
        return len(self._kept)

    def kept(self, draft_id: str) -> Draft | None:
        """The latest kept save of that draft, if any."""
        for draft, _, _ in reversed(self._kept):
            if draft.id == draft_id:
                return draft
        return None

    def write_pending(self) -> bool:
        """Write the kept saves, oldest first; True when none is left."""
        with self._kept_lock:
            while self._kept:
                try:
                    self._save(*self._kept[0])
                except DatabaseUnavailable:
                    return False
                self._kept.pop(0)
            self.notice = ""
            return True

    def _retry_later(self) -> None:
        if self._retrying is not None and self._retrying.is_alive():
            return

        def run():
            while not self._stop.wait(self.retry_every):
                if self.write_pending():
                    return

        self._retrying = threading.Thread(target=run, name="draft-store-retry", daemon=True)
        self._retrying.start()

    def stop_retrying(self) -> None:
        self._stop.set()
