"""The catalog: what was imported, as the source of truth. Documents with their metadata and file
hash (so re-indexing is idempotent), and every chunk with its text, jieba words and vector (so the
lexical index and the vector store can be rebuilt without re-reading a file).

Every change bumps a version and every chunk row gets a sequence number that only grows, so a
reader (the lexical index of this or another process) fetches only what was added after what it
has, and the removals log says which reports to mask. SQLite under the index directory by default;
the same tables in PostgreSQL when a database URL is given (several app instances, one catalog).
The tables are catalog_schema.py's; the records handed to readers, passages.py's.
"""

from __future__ import annotations

import json
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from .catalog_schema import MIGRATIONS
from .database import Database, DatabaseUnavailable, open_database
from .ingest import ImportedReport
from .passages import PASSAGE_COLUMNS, DocInfo, Passage, passage_of
from .text import words

ROW_COLUMNS = "c.seq, c.chunk_id, c.words, c.role, d.report_type, c.doc"



class Catalog:
    """Documents and chunks in SQLite (a path) or PostgreSQL (a postgresql:// URL)."""

    def __init__(self, where: Path | str) -> None:
        self.db: Database = open_database(where, "catalog", MIGRATIONS)
        self._identity = ""
        self._documents: tuple[int, list[DocInfo]] | None = None

    def close(self) -> None:
        self.db.close()

    def identity(self) -> str:
        """A random id given to this catalog when it was created (saved lexical segments carry it)."""
        if not self._identity:
            with self.db.transaction() as tx:
                row = tx.one("SELECT value FROM state WHERE key='identity'")
                if row is None:
                    tx.run("INSERT INTO state VALUES ('identity', ?) ON CONFLICT (key) DO NOTHING", (uuid.uuid4().hex,))
                    row = tx.one("SELECT value FROM state WHERE key='identity'")
            self._identity = row[0]
        return self._identity

    # -- identity: a document is its source (a file's path, or an upload's content) ------------
    def doc_for_source(self, source: str) -> str | None:
        row = self.db.one("SELECT doc FROM docs WHERE path=?", (source,))
        return row[0] if row else None

    def twin(self, sha256: str, owner: str = "") -> tuple[str, str] | None:
        """(doc, source) of a document with exactly this text that `owner` may use (a shared one or
        its own), if one was imported."""
        row = self.db.one("SELECT doc, path FROM docs WHERE sha256=? AND owner IN ('', ?) ORDER BY doc LIMIT 1",
                          (sha256, owner))
        return (row[0], row[1]) if row else None

    def move(self, doc: str, source: str) -> None:
        """The document's file is now at `source` (the corpus moved)."""
        with self.db.transaction(exclusive=True) as tx:
            tx.run("UPDATE docs SET path=? WHERE doc=?", (source, doc))

    def has_doc(self, doc: str) -> bool:
        return self.db.one("SELECT 1 FROM docs WHERE doc=?", (doc,)) is not None

    def sources(self) -> dict[str, str]:
        """doc → source of every document."""
        return dict(self.db.all("SELECT doc, path FROM docs"))

    # -- what healing the vector store needs -----------------------------------------------
    def all_chunk_ids(self) -> set[str]:
        return {r[0] for r in self.db.all("SELECT chunk_id FROM chunks")}

    def chunk_rows(self, chunk_ids: list[str]) -> list[tuple]:
        """(chunk id, doc, title, org, year, kind, role, heading, position, text, vector blob)."""
        rows = []
        for start in range(0, len(chunk_ids), 500):
            part = chunk_ids[start:start + 500]
            rows += self.db.all(
                "SELECT c.chunk_id, c.doc, d.title, d.org, d.year, d.report_type, c.role, c.heading, c.position, "
                "c.text, c.vector FROM chunks c JOIN docs d ON c.doc=d.doc "
                f"WHERE c.chunk_id IN ({','.join('?' * len(part))})",
                part)
        return rows

    def sha256(self, doc: str) -> str | None:
        row = self.db.one("SELECT sha256 FROM docs WHERE doc=?", (doc,))
        return row[0] if row else None

    def write(self, report: ImportedReport, vectors=None) -> None:
        """Store a report (replacing any earlier one of the same doc), its chunks and their vectors."""
        self.write_many([(report, vectors)])

    def write_many(self, items: list[tuple[ImportedReport, list | None]]) -> None:
        """Several reports in one transaction (bulk import)."""
        with self.db.transaction(exclusive=True) as tx:
            version = self._bump(tx)
            for report, vectors in items:
                self._write(tx, report, vectors, version)

    def _write(self, tx, report: ImportedReport, vectors, version: int) -> None:
        meta = report.meta
        if tx.one("SELECT 1 FROM docs WHERE doc=?", (report.doc,)):
            self._remove(tx, report.doc, version)
        tx.run("INSERT INTO docs (doc, path, sha256, title, org, short_name, region, year, report_type, date, "
               "doc_number, particulars, added, owner) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (report.doc, report.source or report.path, report.sha256, meta.title, meta.org, meta.short_name,
                meta.region, meta.year, meta.report_type, meta.date, meta.doc_number,
                json.dumps(sorted(report.particulars), ensure_ascii=False), time.time(), report.owner))
        blobs = [None] * len(report.chunks) if vectors is None else \
            [np.asarray(v, dtype=np.float32).tobytes() for v in vectors]
        tx.many("INSERT INTO chunks (chunk_id, doc, position, role, heading, text, words, vector) "
                "VALUES (?,?,?,?,?,?,?,?)",
                [(c.chunk_id, c.doc, c.position, c.role, c.heading, c.text, " ".join(c.words or words(c.text)), b)
                 for c, b in zip(report.chunks, blobs, strict=True)])

    def chunk_ids(self, doc: str) -> list[str]:
        return [r[0] for r in self.db.all("SELECT chunk_id FROM chunks WHERE doc=?", (doc,))]

    def remove(self, doc: str) -> list[str]:
        """Forget a document; returns the ids of its chunks (for the vector store)."""
        with self.db.transaction(exclusive=True) as tx:
            ids = [r[0] for r in tx.all("SELECT chunk_id FROM chunks WHERE doc=?", (doc,))]
            if ids or tx.one("SELECT 1 FROM docs WHERE doc=?", (doc,)):
                self._remove(tx, doc, self._bump(tx))
        return ids

    @staticmethod
    def _remove(tx, doc: str, version: int) -> None:
        tx.run("DELETE FROM chunks WHERE doc=?", (doc,))
        tx.run("DELETE FROM docs WHERE doc=?", (doc,))
        tx.run("INSERT INTO removals VALUES (?, ?)", (version, doc))

    @staticmethod
    def _bump(tx) -> int:
        tx.run("INSERT INTO state VALUES ('version', '1') ON CONFLICT (key) "
               "DO UPDATE SET value = CAST(CAST(state.value AS BIGINT) + 1 AS TEXT)")
        return int(tx.one("SELECT value FROM state WHERE key='version'")[0])

    def version(self) -> int:
        """Bumped by every import and removal, here or in another process sharing the catalog."""
        row = self.db.one("SELECT value FROM state WHERE key='version'")
        return int(row[0]) if row else 0

    @contextmanager
    def changes(self, after_seq: int = 0, since_version: int | None = None, vectors: bool = False):
        """(version, chunk rows added after after_seq, docs removed after since_version), read as one
        consistent snapshot; the rows stream while the block runs."""
        columns = ROW_COLUMNS + (", c.vector" if vectors else ", NULL")
        with self.db.snapshot() as tx:
            row = tx.one("SELECT value FROM state WHERE key='version'")
            removed = set() if since_version is None else \
                {r[0] for r in tx.all("SELECT doc FROM removals WHERE version > ?", (since_version,))}
            rows = tx.stream(f"SELECT {columns} FROM chunks c JOIN docs d ON c.doc=d.doc WHERE c.seq > ? "
                             "ORDER BY c.seq", (after_seq,))
            yield (int(row[0]) if row else 0), rows, removed

    def doc_ids(self) -> set[str]:
        return {r[0] for r in self.db.all("SELECT doc FROM docs")}

    def documents(self) -> list[DocInfo]:
        """Every report, by doc id; read again only when the catalog changed (looked up per outline)."""
        cached = self._documents
        try:
            version = self.version()
        except DatabaseUnavailable:  # the database away: the list last read (an edit's checks go on with it)
            if cached is None:
                raise
            return list(cached[1])
        if cached is not None and cached[0] == version:
            return list(cached[1])
        rows = self.db.all("SELECT doc, title, org, short_name, region, year, report_type, date, particulars, path, "
                           "owner FROM docs ORDER BY doc")
        docs = [DocInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8] or "[]"), r[9], r[10])
                for r in rows]
        self._documents = (version, docs)
        return list(docs)

    def count_after(self, seq: int) -> int:
        return self.db.one("SELECT COUNT(*) FROM chunks WHERE seq > ?", (seq,))[0]

    def chunk_count(self) -> int:
        return self.db.one("SELECT COUNT(*) FROM chunks")[0]

    def passages(self, doc: str) -> list[Passage]:
        """Every chunk of one report, in order."""
        rows = self.db.all(f"SELECT {PASSAGE_COLUMNS} FROM chunks c JOIN docs d ON c.doc=d.doc "
                           "WHERE c.doc=? ORDER BY c.position", (doc,))
        return [passage_of(r) for r in rows]

    def load(self, chunk_ids: list[str]) -> list[Passage]:
        rows = []
        for start in range(0, len(chunk_ids), 500):
            part = chunk_ids[start:start + 500]
            rows += self.db.all(f"SELECT {PASSAGE_COLUMNS} FROM chunks c JOIN docs d ON c.doc=d.doc "
                                f"WHERE c.chunk_id IN ({','.join('?' * len(part))})", part)
        return [passage_of(r) for r in rows]
