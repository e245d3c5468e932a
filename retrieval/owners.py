"""Whose reports a search may use. The shared reports (the corpus, `reportdraft index`) serve
everybody; a report a user uploaded belongs to that user's organisation and serves it alone, as
last year's report and as examples. The organisation is a plain value given by the caller (the
app passes the logged-in user's); retrieval knows nothing of users or drafts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .index import ReportIndex
    from .passages import DocInfo, Passage


class OwnedIndex:
    """What drafting reads of the index (search, documents, passages) as `owner` may see it."""

    def __init__(self, index: ReportIndex, owner: str) -> None:
        self.index, self.owner = index, owner or ""

    def hidden(self) -> set[str]:
        """Reports uploaded by other organisations (the catalog's document list is cached per version)."""
        return {d.doc for d in self.index.documents() if d.owner not in ("", self.owner)}

    def search(self, query: str, *args, exclude_docs: Iterable[str] = (), **kwargs) -> list[Passage]:
        return self.index.search(query, *args, exclude_docs=set(exclude_docs) | self.hidden(), **kwargs)

    def documents(self) -> list[DocInfo]:
        return [d for d in self.index.documents() if d.owner in ("", self.owner)]

    def passages(self, doc: str) -> list[Passage]:
        return [] if doc in self.hidden() else self.index.passages(doc)
