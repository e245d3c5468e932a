"""Make the vector store agree with the catalog after a crash.

A report is written to Chroma first and to the catalog second, so a kill between the two leaves
vectors with no catalog row (and a kill while replacing a report can leave rows with no vector).
Search already ignores a vector without a row; healing removes it, and re-embeds a row without
a vector from the catalog's own text. When the two counts agree nothing is read.
"""

from __future__ import annotations

BATCH = 1000


def heal_vectors(collection, catalog, embedding) -> int:
    """Records fixed: orphan vectors deleted plus missing vectors re-added."""
    if collection.count() == catalog.chunk_count():
        return 0
    stored = set(collection.get(include=[])["ids"])
    known = catalog.chunk_ids()
    orphans = sorted(stored - known)
    for start in range(0, len(orphans), BATCH):
        collection.delete(ids=orphans[start:start + BATCH])
    missing = sorted(known - stored)
    for start in range(0, len(missing), BATCH):
        rows = catalog.chunk_rows(missing[start:start + BATCH])
        collection.upsert(ids=[r[0] for r in rows], embeddings=embedding([r[9] for r in rows]),
                          metadatas=[_metadata(r) for r in rows])
    return len(orphans) + len(missing)


def _metadata(row: tuple) -> dict:
    """What index.py stores beside a vector, from a catalog row (see Catalog.chunk_rows)."""
    _, doc, title, org, year, kind, role, heading, position, _text = row
    return {"doc": doc, "title": title or "", "org": org or "", "year": year or 0,
            "report_type": kind or "", "role": role, "heading": heading or "", "position": position}
