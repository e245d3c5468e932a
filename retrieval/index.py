"""The index of earlier reports: Chroma for vectors, a SQLite catalog for documents and words,
BM25 over jieba words, and a hybrid search that spreads its results over several reports.

Chroma holds one record per chunk (embedded store by default, a server when a host is given).
The catalog is the source of truth for what was imported (file hash → idempotent re-indexing)
and carries each chunk's words so the lexical index is rebuilt without re-segmenting.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml

from .embeddings import HashingEmbedding
from .errors import RetrievalError, SkippedFile
from .ingest import ImportedReport, import_file
from .readers import SUPPORTED
from .text import words

COLLECTION = "reportdraft_passages"
RRF_K = 60

SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    doc TEXT PRIMARY KEY, path TEXT, sha256 TEXT, title TEXT, org TEXT, short_name TEXT,
    region TEXT, year INTEGER, report_type TEXT, date TEXT, doc_number TEXT,
    particulars TEXT, added REAL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc TEXT, position INTEGER, role TEXT, heading TEXT,
    text TEXT, words TEXT);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT);
"""


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


@dataclass
class IndexRun:
    """What one `reportdraft index` did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    path = corpus_dir / "manifest.yaml"
    if not path.exists():
        return {}
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise RetrievalError(f"{path} 格式错误：{exc}") from None
    return {str(e["file"]): e for e in entries if isinstance(e, dict) and e.get("file")}


class ReportIndex:
    """Open (or create) the index under `index_dir`; vectors in Chroma, words in the catalog."""

    def __init__(self, index_dir: Path, chroma_host: str = "", chroma_port: int = 8000,
                 embedding=None) -> None:
        self.index_dir = Path(index_dir)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        self.embedding = embedding or HashingEmbedding()
        self._lock = threading.RLock()
        self._catalog = sqlite3.connect(self.index_dir / "catalog.sqlite3", check_same_thread=False,
                                        timeout=30)
        self._catalog.execute("PRAGMA journal_mode=WAL")
        self._catalog.executescript(SCHEMA)
        self._collection = self._open_chroma(chroma_host, chroma_port)
        self._lexical: _Lexical | None = None

    # -- opening --------------------------------------------------------------------------
    def _open_chroma(self, host: str, port: int):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        try:
            if host:
                client = chromadb.HttpClient(host=host, port=port, settings=settings)
            else:
                client = chromadb.PersistentClient(path=str(self.index_dir / "chroma"), settings=settings)
            return client.get_or_create_collection(
                COLLECTION, embedding_function=self.embedding,
                configuration={"hnsw": {"space": "cosine"}})
        except Exception as exc:
            where = f"Chroma 服务器 {host}:{port}" if host else f"本地索引 {self.index_dir}"
            raise RetrievalError(f"无法打开{where}：{type(exc).__name__}: {exc}。"
                                 "请检查 CHROMA_HOST/CHROMA_PORT，或取消 CHROMA_HOST 使用内置索引。") from None

    def close(self) -> None:
        self._catalog.close()

    # -- writing --------------------------------------------------------------------------
    def index_corpus(self, corpus_dir: Path, prune: bool = False, max_bytes: int | None = None) -> IndexRun:
        """Import every supported file under corpus_dir. Same file twice: nothing changes."""
        corpus_dir = Path(corpus_dir)
        if not corpus_dir.is_dir():
            raise RetrievalError(f"语料目录不存在：{corpus_dir}")
        manifest = load_manifest(corpus_dir)
        run = IndexRun()
        seen: set[str] = set()
        for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file() or p.is_symlink()):
            if path.name in ("manifest.yaml", "__init__.py") or path.name.startswith(".") \
                    or "__pycache__" in path.parts:
                continue
            if path.suffix.lower() not in SUPPORTED:
                run.skipped.append((str(path), f"不支持的文件类型 {path.suffix or '（无扩展名）'}"))
                continue
            try:
                report = import_file(path, manifest.get(path.name), max_bytes)
            except SkippedFile as exc:
                run.skipped.append((str(path), str(exc)))
                continue
            seen.add(report.doc)
            getattr(run, self.add_report(report)).append(report.doc)
        if prune:
            for doc in self.doc_ids() - seen:
                self.remove(doc)
                run.removed.append(doc)
        return run

    def add_report(self, report: ImportedReport) -> str:
        with self._lock:
            row = self._catalog.execute("SELECT sha256 FROM docs WHERE doc=?", (report.doc,)).fetchone()
            if row and row[0] == report.sha256:
                return "unchanged"
            if row:
                self.remove(report.doc)
            self._write_chroma(report)
            self._write_catalog(report)
            return "replaced" if row else "added"

    def _write_chroma(self, report: ImportedReport) -> None:
        ids = [c.chunk_id for c in report.chunks]
        if not ids:
            return
        metadatas = [_chroma_metadata(report, c) for c in report.chunks]
        try:
            vectors = self.embedding([c.text for c in report.chunks])
            for start in range(0, len(ids), 1000):
                end = start + 1000
                # Texts live in the catalog; Chroma keeps vectors and filterable metadata only.
                self._collection.upsert(ids=ids[start:end], embeddings=vectors[start:end],
                                        metadatas=metadatas[start:end])
        except Exception as exc:
            raise RetrievalError(f"写入向量索引失败：{type(exc).__name__}: {exc}") from None

    def _write_catalog(self, report: ImportedReport) -> None:
        meta = report.meta
        with self._catalog:
            self._catalog.execute(
                "INSERT OR REPLACE INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (report.doc, report.path, report.sha256, meta.title, meta.org, meta.short_name,
                 meta.region, meta.year, meta.report_type, meta.date, meta.doc_number,
                 json.dumps(sorted(report.particulars), ensure_ascii=False), time.time()))
            self._catalog.executemany(
                "INSERT OR REPLACE INTO chunks VALUES (?,?,?,?,?,?,?)",
                [(c.chunk_id, c.doc, c.position, c.role, c.heading, c.text, " ".join(c.words or words(c.text)))
                 for c in report.chunks])
            self._bump()

    def add_many(self, reports: Iterable[ImportedReport], batch: int = 2000) -> int:
        """Bulk import for large corpora (the benchmark): batched Chroma and catalog writes."""
        pending: list[ImportedReport] = []
        count = 0
        for report in reports:
            pending.append(report)
            if sum(len(r.chunks) for r in pending) >= batch:
                count += self._flush(pending)
                pending = []
        if pending:
            count += self._flush(pending)
        return count

    def _flush(self, reports: list[ImportedReport]) -> int:
        ids, docs, metas = [], [], []
        for r in reports:
            for c in r.chunks:
                ids.append(c.chunk_id)
                docs.append(c.text)
                metas.append(_chroma_metadata(r, c))
        if all(r.vectors is not None for r in reports):
            vectors = [v for r in reports for v in r.vectors]
        else:
            vectors = self.embedding(docs)
        self._collection.upsert(ids=ids, metadatas=metas, embeddings=vectors)
        for r in reports:
            self._write_catalog(r)
        return len(ids)

    def remove(self, doc: str) -> None:
        with self._lock:
            ids = [r[0] for r in self._catalog.execute("SELECT chunk_id FROM chunks WHERE doc=?", (doc,))]
            if ids:
                self._collection.delete(ids=ids)
            with self._catalog:
                self._catalog.execute("DELETE FROM chunks WHERE doc=?", (doc,))
                self._catalog.execute("DELETE FROM docs WHERE doc=?", (doc,))
                self._bump()

    def _bump(self) -> None:
        self._catalog.execute(
            "INSERT INTO state VALUES ('version', '1') ON CONFLICT(key) DO UPDATE SET value=value+1")

    # -- reading --------------------------------------------------------------------------
    def doc_ids(self) -> set[str]:
        return {r[0] for r in self._catalog.execute("SELECT doc FROM docs")}

    def documents(self) -> list[DocInfo]:
        rows = self._catalog.execute(
            "SELECT doc, title, org, short_name, region, year, report_type, date, particulars, path "
            "FROM docs ORDER BY doc").fetchall()
        return [DocInfo(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], json.loads(r[8] or "[]"), r[9])
                for r in rows]

    def chunk_count(self) -> int:
        return self._catalog.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def passages(self, doc: str) -> list[Passage]:
        """Every chunk of one report, in order (for last year's report and for tests)."""
        rows = self._catalog.execute(
            "SELECT c.chunk_id, c.doc, d.title, d.org, d.year, d.report_type, c.role, c.heading, c.text "
            "FROM chunks c JOIN docs d ON c.doc=d.doc WHERE c.doc=? ORDER BY c.position", (doc,))
        return [Passage(*r) for r in rows]

    def _version(self) -> str:
        row = self._catalog.execute("SELECT value FROM state WHERE key='version'").fetchone()
        return row[0] if row else "0"

    def _lexical_index(self) -> _Lexical:
        """BM25 over the catalog's words plus filter columns, rebuilt only when the catalog changed."""
        import bm25s

        version = self._version()
        with self._lock:
            if self._lexical and self._lexical.version == version:
                return self._lexical
            rows = self._catalog.execute(
                "SELECT c.chunk_id, c.words, c.role, d.report_type, c.doc FROM chunks c "
                "JOIN docs d ON c.doc=d.doc ORDER BY c.rowid").fetchall()
            retriever = None
            if rows:
                retriever = bm25s.BM25()
                retriever.index([r[1].split() or ["∅"] for r in rows], show_progress=False)
            self._lexical = _Lexical(version, retriever, [r[0] for r in rows],
                                     np.array([r[2] for r in rows]), np.array([r[3] or "" for r in rows]),
                                     np.array([r[4] for r in rows]))
            return self._lexical

    def search(self, query: str, role: str | None = None, report_type: str | None = None, k: int = 5,
               exclude_docs: Iterable[str] = (), prefer_org: str = "", per_doc: int = 1,
               pool: int = 40) -> list[Passage]:
        """Hybrid search: vector and BM25 ranks fused (RRF), filtered, spread over reports."""
        exclude = set(exclude_docs)
        if not query.strip() or not self._lexical_index().ids:
            return []
        candidates = self._fuse(self._vector_ranks(query, role, report_type, exclude, pool),
                                self._lexical_ranks(query, role, report_type, exclude, pool))
        if not candidates:
            return []
        passages = self._load(list(candidates))
        for p in passages:
            p.score = candidates[p.chunk_id] * (1.5 if prefer_org and p.org == prefer_org else 1.0)
        passages.sort(key=lambda p: -p.score)
        return _spread(passages, k, per_doc)

    def _vector_ranks(self, query, role, report_type, exclude, pool) -> list[str]:
        """Nearest chunks by vector. Chroma's metadata filter is slow on a large collection
        (hundreds of ms at 100k records), so we ask for a wide unfiltered neighbourhood and
        filter it with the catalog's columns. When that neighbourhood holds too few chunks of a
        rare role, the lexical ranking (always filtered exactly) carries the result."""
        vector = self.embedding.embed_one(query) if hasattr(self.embedding, "embed_one") else self.embedding([query])[0]
        lex = self._lexical_index()
        filtered = bool(role or report_type or exclude)
        try:
            for wide in ((pool * 10, pool * 50) if filtered else (pool,)):
                result = self._collection.query(query_embeddings=[vector], n_results=wide, include=[])
                ids = list(result["ids"][0]) if result["ids"] else []
                kept = lex.keep(ids, role, report_type, exclude) if filtered else ids
                if len(kept) >= pool or len(ids) < wide:
                    break
        except Exception as exc:
            raise RetrievalError(f"向量检索失败：{type(exc).__name__}: {exc}。"
                                 "若使用 Chroma 服务器，请确认它在运行。") from None
        return kept[:pool]

    def _lexical_ranks(self, query, role, report_type, exclude, pool) -> list[str]:
        lex = self._lexical_index()
        tokens = words(query)
        if lex.retriever is None or not tokens:
            return []
        scores = lex.retriever.get_scores(tokens)
        mask = (scores > 0) & lex.matches(np.arange(len(lex.ids)), role, report_type, exclude)
        candidates = np.flatnonzero(mask)
        if len(candidates) > pool:
            candidates = candidates[np.argpartition(-scores[candidates], pool)[:pool]]
        ranked = candidates[np.argsort(-scores[candidates], kind="stable")]
        return [lex.ids[i] for i in ranked]

    @staticmethod
    def _fuse(*rankings: list[str]) -> dict[str, float]:
        scores: dict[str, float] = {}
        for ranking in rankings:
            for rank, cid in enumerate(ranking):
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
        return scores

    def _load(self, chunk_ids: list[str]) -> list[Passage]:
        rows = []
        for start in range(0, len(chunk_ids), 500):
            part = chunk_ids[start:start + 500]
            rows += self._catalog.execute(
                "SELECT c.chunk_id, c.doc, d.title, d.org, d.year, d.report_type, c.role, c.heading, c.text "
                f"FROM chunks c JOIN docs d ON c.doc=d.doc WHERE c.chunk_id IN ({','.join('?' * len(part))})",
                part).fetchall()
        return [Passage(*r) for r in rows]


@dataclass
class _Lexical:
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


def _chroma_metadata(report: ImportedReport, chunk) -> dict:
    """What Chroma stores beside a chunk's vector: where it comes from, for filtering and display."""
    meta = report.meta
    return {"doc": report.doc, "title": meta.title, "org": meta.org, "year": meta.year or 0,
            "report_type": meta.report_type or "", "role": chunk.role, "heading": chunk.heading,
            "position": chunk.position}


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
