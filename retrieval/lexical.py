"""The lexical index: a saved main segment plus a delta of what the catalog gained since.

Before each search the catalog's version (one small query) says whether anything changed, here or
in another process or app instance sharing the catalog; if so the delta is rebuilt from the rows
added after the main (an index on their sequence number makes that cheap) and the reports removed
or replaced since are masked out of the main. A delta grown past a tenth of the main (and at least
DELTA_MIN chunks) starts a new main in a background thread; searches go on with the old one.

Small embedded indexes also keep every chunk's vector here and answer the vector side exactly in
memory, so a search never has to load Chroma (0.6 s to import); large ones and a Chroma server use
Chroma's HNSW index.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from .segment import Segment, idf_of, top
from .text import words

DELTA_MIN = 2000
VECTOR_LIMIT = 20_000
"""Chunks up to which vectors are searched exactly in memory (about 30 MB at 384 dimensions)."""
FORMAT = 2


class Lexical:
    """BM25 over the catalog's words, refreshed from the catalog; optionally exact vectors too."""

    def __init__(self, catalog, directory: Path | None, exact_vectors: bool = True) -> None:
        self.catalog = catalog
        self.directory = directory
        self.exact_vectors = exact_vectors
        self.main: Segment | None = None
        self.delta: Segment | None = None
        self.alive: np.ndarray | None = None
        """Main rows still in the catalog (None: all of them)."""
        self.version: int | None = None
        self._lock = threading.RLock()
        self._compacting: threading.Thread | None = None

    @property
    def stamp(self) -> dict:
        return {"catalog": self.catalog.identity(), "format": FORMAT}

    def refresh(self) -> None:
        """Bring the segments up to the catalog's current version (nothing to do when unchanged)."""
        version = self.catalog.version()
        with self._lock:
            if version == self.version:
                return
            if self.main is None:
                self.main = self._load() or self._build_main()
            with_vectors = self.main.vectors is not None
            with self.catalog.changes(self.main.max_seq, self.main.version, with_vectors) as (version, rows, removed):
                self.delta = Segment.build(rows, avgdl=self.main.avgdl, version=version, with_vectors=with_vectors)
            codes = [self.main.codes["docs"][d] for d in removed if d in self.main.codes["docs"]]
            self.alive = ~np.isin(self.main.docs, codes) if codes else None
            self.version = version
            if len(self.delta) > max(DELTA_MIN, len(self.main) // 10):
                self._compact_in_background()

    def _load(self) -> Segment | None:
        """The saved main, unless it is missing, foreign, or so far behind that building is cheaper."""
        if self.directory is None:
            return None
        main = Segment.load(self.directory / "main", self.stamp)
        if main is None or main.version > self.catalog.version():
            return None
        behind = self.catalog.count_after(main.max_seq)
        return main if behind <= max(DELTA_MIN, len(main) // 10) else None

    def _build_main(self) -> Segment:
        """A main over the whole catalog as of one snapshot, saved for the next process."""
        with_vectors = self.exact_vectors and self.catalog.chunk_count() <= VECTOR_LIMIT
        with self.catalog.changes(vectors=with_vectors) as (version, rows, _):
            main = Segment.build(rows, version=version, with_vectors=with_vectors)
        if self.directory is not None:
            try:
                main.save(self.directory / "main", self.stamp)
            except OSError:
                pass  # only the next start pays: it builds again
        return main

    def compact(self) -> None:
        """Fold the delta into a new main now (after a large import)."""
        main = self._build_main()
        with self._lock:
            self.main, self.version = main, None
        self.refresh()

    def _compact_in_background(self) -> None:
        if self._compacting is not None and self._compacting.is_alive():
            return

        def run():
            main = self._build_main()
            with self._lock:
                self.main, self.version = main, None

        self._compacting = threading.Thread(target=run, name="lexical-compaction", daemon=True)
        self._compacting.start()

    # -- reading ----------------------------------------------------------------------------
    def __len__(self) -> int:
        self.refresh()
        return sum(live for _, _, live in self._segments())

    def _segments(self) -> list[tuple[Segment, np.ndarray | None, int]]:
        if self.main is None:
            self.refresh()
        main_live = len(self.main) if self.alive is None else int(self.alive.sum())
        return [(self.main, self.alive, main_live), (self.delta, None, len(self.delta))]

    def ranks(self, query: str, role=None, report_type=None, exclude: Iterable[str] = (), pool: int = 40) -> list[str]:
        """Chunk ids by BM25 score, filtered exactly, best first (at most pool). As of the last refresh()."""
        tokens = words(query)
        with self._lock:
            segments = self._segments()
        if not tokens:
            return []
        idf = idf_of(tokens, [(seg, live) for seg, _, live in segments])
        found = []
        for seg, alive, _ in segments:
            if len(seg):
                scores = seg.scores(idf, tokens)
                keep = seg.mask(role, report_type, exclude) & (scores > 0)
                rows = top(scores, keep if alive is None else keep & alive, pool)
                found += [(-float(scores[r]), n, str(seg.ids[r])) for n, r in enumerate(rows)]
        return [cid for _, _, cid in sorted(found)[:pool]]

    def keep(self, chunk_ids: list[str], role=None, report_type=None, exclude: Iterable[str] = ()) -> list[str]:
        """Those of chunk_ids (from the vector store) still in the catalog that pass the filters, in order."""
        with self._lock:
            segments = self._segments()
        ids = np.array(chunk_ids, dtype=str)
        ok = np.zeros(len(ids), dtype=bool)
        for seg, alive, _ in segments:
            rows = seg.locate(ids)
            found = rows >= 0
            if found.any():
                hit = rows[found]
                passes = seg.mask(role, report_type, exclude)[hit]
                ok[found] |= passes if alive is None else passes & alive[hit]
        return [cid for cid, good in zip(chunk_ids, ok, strict=True) if good]

    def vector_ranks(self, vector, role=None, report_type=None, exclude: Iterable[str] = (),
                     pool: int = 40) -> list[str] | None:
        """Nearest chunk ids by cosine, exactly, when every segment holds vectors; None otherwise.
        As of the last refresh()."""
        with self._lock:
            segments = self._segments()
        if any(len(seg) and seg.vectors is None for seg, _, _ in segments) or self.main.vectors is None:
            return None
        query = np.asarray(vector, dtype=np.float32)
        query = query / (np.linalg.norm(query) or 1.0)
        found = []
        for seg, alive, _ in segments:
            if len(seg):
                sims = seg.vectors @ query
                keep = seg.mask(role, report_type, exclude)
                rows = top(sims, keep if alive is None else keep & alive, pool)
                found += [(-float(sims[r]), n, str(seg.ids[r])) for n, r in enumerate(rows)]
        return [cid for _, _, cid in sorted(found)[:pool]]
