"""Make the vector store agree with the catalog after a crash.

A report is written to Chroma first and to the catalog second, so a kill between the two leaves
vectors with no catalog row (and a kill while replacing a report can leave rows with no vector).
Search never shows a vector without a row (passages come from the catalog); healing removes it,
and puts back a row's missing vector from the catalog (its stored vector, or its text embedded).
When the two counts agree nothing else is read.
"""

from __future__ import annotations

import numpy as np

BATCH = 1000


def heal_vectors(vectors, catalog, embedding) -> int:
    """Records fixed: orphan vectors deleted plus missing vectors re-added."""
    if vectors.count() == catalog.chunk_count():
        return 0
    stored = vectors.ids()
    known = catalog.all_chunk_ids()
    orphans = sorted(stored - known)
    for start in range(0, len(orphans), BATCH):
        vectors.delete(orphans[start:start + BATCH])
    missing = sorted(known - stored)
    for start in range(0, len(missing), BATCH):
        rows = catalog.chunk_rows(missing[start:start + BATCH])
        unstored = [r[9] for r in rows if r[10] is None]
        embedded = iter(embedding(unstored) if unstored else [])
        values = [np.frombuffer(r[10], dtype=np.float32).tolist() if r[10] is not None else list(next(embedded))
                  for r in rows]
        vectors.upsert([r[0] for r in rows], values, [_metadata(r) for r in rows])
    return len(orphans) + len(missing)


def _metadata(row: tuple) -> dict:
    """What index.py stores beside a vector, from a catalog row (see Catalog.chunk_rows)."""
    _, doc, title, org, year, kind, role, heading, position = row[:9]
    return {"doc": doc, "title": title or "", "org": org or "", "year": year or 0,
            "report_type": kind or "", "role": role, "heading": heading or "", "position": position}
