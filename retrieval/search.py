"""Hybrid search over the index: the vector and BM25 rankings fused by reciprocal rank (RRF),
filtered by role, kind and excluded reports, and spread over several reports. ReportIndex (index.py)
holds it over its embedding, vector store, lexical index and catalog."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from .passages import Passage

RRF_K = 60
LARGE = 50_000
"""Chunks from which the two sides of a search run side by side (below, a thread hop costs more)
and the vector side looks no further than 400 neighbours."""
_SIDE = ThreadPoolExecutor(max_workers=4, thread_name_prefix="vector-search")


class HybridSearch:
    """`search` over the index's `embedding`, `vectors`, `lexical` and `catalog`."""

    def search(self, query: str, role: str | None = None, report_type: str | None = None, k: int = 5,
               exclude_docs: Iterable[str] = (), prefer_org: str = "", per_doc: int = 1,
               pool: int = 40) -> list[Passage]:
        """Hybrid search: vector and BM25 ranks fused (RRF), filtered, spread over reports."""
        exclude = set(exclude_docs)
        if not query.strip() or not len(self.lexical):  # len() first brings it up to the catalog's version
            return []
        if self.lexical.main.vectors is None and len(self.lexical) > LARGE:
            # A large index: Chroma's query (Rust, GIL released) runs beside the BM25 scoring.
            vector = _SIDE.submit(self._vector_ranks, query, role, report_type, exclude, pool)
            lexical = self.lexical.ranks(query, role, report_type, exclude, pool)
            candidates = self._fuse(vector.result(), lexical)
        else:
            candidates = self._fuse(self._vector_ranks(query, role, report_type, exclude, pool),
                                    self.lexical.ranks(query, role, report_type, exclude, pool))
        if not candidates:
            return []
        passages = self.catalog.load(list(candidates))
        for p in passages:
            p.score = candidates[p.chunk_id] * (1.5 if prefer_org and p.org == prefer_org else 1.0)
        passages.sort(key=lambda p: -p.score)
        return _spread(passages, k, per_doc)

    def _vector_ranks(self, query, role, report_type, exclude, pool) -> list[str]:
        """Nearest chunks by vector: exactly in memory for a small embedded index, else from Chroma.
        Chroma's metadata filter is slow on a large collection (hundreds of ms at 100k records), and
        so is fetching metadata with the results, so we ask it for a wide unfiltered neighbourhood of
        ids and filter those with the lexical index's columns. When it holds too few chunks of a rare
        role, the lexical ranking (always exact) carries the result."""
        vector = self.embedding.embed_one(query) if hasattr(self.embedding, "embed_one") else self.embedding([query])[0]
        exact = self.lexical.vector_ranks(vector, role, report_type, exclude, pool)
        if exact is not None:
            return exact
        filtered = bool(role or report_type or exclude)
        kept: list[str] = []
        # At 100,000 reports a 2,000-wide query costs Chroma 40–90 ms; there the rare roles are left
        # to the lexical side, which filters exactly.
        large = len(self.lexical) > LARGE
        for wide in (pool,) if not filtered else (pool * 10,) if large else (pool * 10, pool * 50):
            ids, _ = self.vectors.nearest(vector, wide)
            kept = self.lexical.keep(ids, role, report_type, exclude)
            if len(kept) >= pool or len(ids) < wide:
                break
        return kept[:pool]

    @staticmethod
    def _fuse(*rankings: list[str]) -> dict[str, float]:
        scores: dict[str, float] = {}
        for ranking in rankings:
            for rank, cid in enumerate(ranking):
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        return scores



def _spread(passages: list[Passage], k: int, per_doc: int) -> list[Passage]:
    """Best first, at most per_doc from one report; fill up from the rest if there are too few."""
    chosen, counts = [], {}
    for p in passages:
        if counts.get(p.doc, 0) < per_doc:
            chosen.append(p)
            counts[p.doc] = counts.get(p.doc, 0) + 1
        if len(chosen) == k:
            return chosen
    for p in passages:
        if p not in chosen:
            chosen.append(p)
            if len(chosen) == k:
                break
    return chosen
