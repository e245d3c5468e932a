"""The catalog: what was imported, as the source of truth. Documents with their metadata and file
hash (so re-indexing is idempotent), and every chunk with its text and jieba words (so the lexical
index is rebuilt without re-segmenting). SQLite under the index directory."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import RetrievalError, storage_reason
from .ingest import ImportedReport
from .text import words

SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, title TEXT, org TEXT, short_name TEXT,
    region TEXT, year INTEGER, report_type TEXT, date TEXT, doc_number TEXT,
    particulars TEXT, added REAL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc TEXT, position INTEGER, role TEXT, heading TEXT,
    text TEXT, words TEXT);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc);
CREATE INDEX IF NOT EXISTS docs_path ON docs(path);
CREATE INDEX IF NOT EXISTS docs_sha ON docs(sha256);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
"""
PASSAGE_COLUMNS = "c.chunk_id, c.doc, d.title, d.org, d.year, d.report_type, c.role, c.heading, c.text"


@dataclass
class Passage:
    """One search result: a chunk of an earlier report and where it came from."""

    chunk_id: str
    doc: str
    title: str
    org: str
    year: int | None
    report_type: str
    role: str
    heading: str
    text: str
    score: float = 0.0

    def to_dict(self) -> dict:
        return {"doc": self.doc, "title": self.title, "heading": self.heading, "role": self.role,
                "text": self.text, "score": round(self.score, 4), "chunk_id": self.chunk_id,
                "org": self.org, "year": self.year, "report_type": self.report_type}


@dataclass
class DocInfo:
    doc: str
    title: str
    org: str
    short_name: str
    region: str
    year: int | None
    report_type: str
    date: str
    particulars: list[str]
    path: str = ""


class Catalog:
    """Documents and chunks in SQLite; every change bumps a version the lexical index watches."""

    def __init__(self, path: Path) -> None:
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise RetrievalError(f"无法打开索引 {path}：{storage_reason(exc)}。") from None

    def close(self) -> None:
        self._db.close()

    def doc_for_source(self, source: str) -> str | None:
        """The document imported from this source (a file's path, or an upload's content)."""
        row = self._db.execute("SELECT doc FROM docs WHERE path=?", (source,)).fetchone()
        return row[0] if row else None

    def twin(self, sha256: str) -> tuple[str, str] | None:
        """(doc, source) of a document with exactly this text, if one was imported."""
        row = self._db.execute("SELECT doc, path FROM docs WHERE sha256=? ORDER BY doc LIMIT 1", (sha256,)).fetchone()
        return (row[0], row[1]) if row else None

    def move(self, doc: str, source: str) -> None:
        """The document's file is now at `source` (the corpus moved)."""
        with self._db:
            self._db.execute("UPDATE docs SET path=? WHERE doc=?", (source, doc))

    def has_doc(self, doc: str) -> bool:
        return self._db.execute("SELECT 1 FROM docs WHERE doc=?", (doc,)).fetchone() is not None

    def sources(self) -> dict[str, str]:
        """doc → source of every document."""
        return dict(self._db.execute("SELECT doc, path FROM docs"))

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT chunk_id FROM chunks")}

    def chunk_rows(self, chunk_ids: list[str]) -> list[tuple]:
        """(chunk id, doc, title, org, year, kind, role, heading, position, text) for re-embedding."""
        rows = []
        for start in range(0, len(chunk_ids), 500):
            part = chunk_ids[start:start + 500]
            rows += self._db.execute(
                "SELECT c.chunk_id, c.doc, d.title, d.org, d.year, d.report_type, c.role, c.heading, c.position, "
                f"c.text FROM chunks c JOIN docs d ON c.doc=d.doc WHERE c.chunk_id IN ({','.join('?' * len(part))})",
                part).fetchall()
        return rows

    def sha256(self, doc: str) -> str | None:
        row = self._db.execute("SELECT sha256 FROM docs WHERE doc=?", (doc,)).fetchone()
        return row[0] if row else None

    def write(self, report: ImportedReport) -> None:
        try:
            self._write(report)
        except sqlite3.Error as exc:
            raise RetrievalError(f"无法保存索引：{storage_reason(exc)}。《{report.meta.title or report.doc}》未导入。") from None

    def _write(self, report: ImportedReport) -> None:
        meta = report.meta
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (report.doc, report.source or report.path, report.sha256, meta.title, meta.org, meta.short_name,
                 meta.region, meta.year, meta.report_type, meta.date, meta.doc_number,
                 json.dumps(sorted(report.particulars), ensure_ascii=False), time.time()))
            self._db.executemany(
                "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?)",
                [(c.chunk_id, c.doc, c.position, c.role, c.heading, c.text, " ".join(c.words or words(c.text)))
                 for c in report.chunks])
            self._bump()

    def remove(self, doc: str) -> list[str]:
        """Forget a document; returns the ids of its chunks (for the vector store)."""
        ids = [r[0] for r in self._db.execute("SELECT chunk_id FROM chunks WHERE doc=?", (doc,))]
        try:
            with self._db:
                self._db.execute("DELETE FROM chunks WHERE doc=?", (doc,))
                self._db.execute("DELETE FROM docs WHERE doc=?", (doc,))
                self._bump()
        except sqlite3.Error as exc:
            raise RetrievalError(f"无法更新索引：{storage_reason(exc)}。") from None
        return ids

    def _bump(self) -> None:
        self._db.execute("INSERT INTO state VALUES ('version', '1') ON CONFLICT(key) DO UPDATE SET value=value+1")

    def version(self) -> str:
        row = self._db.execute("SELECT value FROM state WHERE key='version'").fetchone()
        return row[0] if row else "0"

    def doc_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT doc FROM docs")}

    def documents(self) -> list[DocInfo]:
        rows = self._db.execute(
            "SELECT doc, title, org, short_name, region, year, report_type, date, particulars, path "
            "FROM docs ORDER BY doc").fetchall()
        return [DocInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8] or "[]"), r[9])
                for r in rows]

    def chunk_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def passages(self, doc: str) -> list[Passage]:
        """Every chunk of one report, in order."""
        rows = self._db.execute(f"SELECT {PASSAGE_COLUMNS} FROM chunks c JOIN docs d ON c.doc=d.doc "
                                "WHERE c.doc=? ORDER BY c.position", (doc,))
        return [Passage(*r) for r in rows]

    def load(self, chunk_ids: list[str]) -> list[Passage]:
        rows = []
        for start in range(0, len(chunk_ids), 500):
            part = chunk_ids[start:start + 500]
            rows += self._db.execute(f"SELECT {PASSAGE_COLUMNS} FROM chunks c JOIN docs d ON c.doc=d.doc "
                                     f"WHERE c.chunk_id IN ({','.join('?' * len(part))})", part).fetchall()
        return [Passage(*r) for r in rows]

    def lexical_rows(self) -> list[tuple[str, str, str, str, str]]:
        """(chunk id, words, role, report kind, doc) of every chunk, in insertion order."""
        return self._db.execute("SELECT c.chunk_id, c.words, c.role, d.report_type, c.doc FROM chunks c "
                                "JOIN docs d ON c.doc=d.doc ORDER BY c.rowid").fetchall()
