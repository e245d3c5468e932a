"""The lexical side of search: BM25 over the catalog's jieba words, with each chunk's role, report
kind and document beside it as numpy columns so filtering costs microseconds."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .text import words


@dataclass
class Lexical:
    """The BM25 index and, aligned with it, each chunk's role, report kind and document."""

    version: str
    retriever: object
    ids: list[str]
    roles: np.ndarray
    kinds: np.ndarray
    docs: np.ndarray
    rows: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rows = {cid: i for i, cid in enumerate(self.ids)}

    def matches(self, rows: np.ndarray, role, report_type, exclude) -> np.ndarray:
        """For each row, whether its chunk passes the role, kind and excluded-report filters."""
        mask = np.ones(len(rows), dtype=bool)
        if role:
            mask &= self.roles[rows] == role
        if report_type:
            mask &= self.kinds[rows] == report_type
        if exclude:
            mask &= ~np.isin(self.docs[rows], sorted(exclude))
        return mask

    def keep(self, chunk_ids: list[str], role, report_type, exclude) -> list[str]:
        """The ids, in order, whose chunk matches the filters."""
        rows = np.array([self.rows.get(cid, -1) for cid in chunk_ids], dtype=np.int64)
        mask = (rows >= 0) & self.matches(np.where(rows >= 0, rows, 0), role, report_type, exclude)
        return [cid for cid, ok in zip(chunk_ids, mask, strict=True) if ok]


    @classmethod
    def build(cls, version: str, rows: list[tuple[str, str, str, str, str]]) -> Lexical:
        import bm25s

        retriever = None
        if rows:
            retriever = bm25s.BM25()
            retriever.index([r[1].split() or ["∅"] for r in rows], show_progress=False)
        return cls(version, retriever, [r[0] for r in rows], np.array([r[2] for r in rows]),
                   np.array([r[3] or "" for r in rows]), np.array([r[4] for r in rows]))

    def ranks(self, query: str, role, report_type, exclude, pool: int) -> list[str]:
        """Chunk ids by BM25 score, filtered exactly, best first (at most `pool`)."""
        tokens = words(query)
        if self.retriever is None or not tokens:
            return []
        scores = self.retriever.get_scores(tokens)
        mask = (scores > 0) & self.matches(np.arange(len(self.ids)), role, report_type, exclude)
        candidates = np.flatnonzero(mask)
        if len(candidates) > pool:
            candidates = candidates[np.argpartition(-scores[candidates], pool)[:pool]]
        ranked = candidates[np.argsort(-scores[candidates], kind="stable")]
        return [self.ids[i] for i in ranked]
