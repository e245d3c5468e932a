"""The index of earlier reports: Chroma for vectors, the catalog for documents and words, BM25 over
jieba words; reports written to all of them together, and a hybrid search (search.py) that spreads
its results over several reports.

Chroma holds one record per chunk (embedded store by default, a server when a host is given) and
is opened only when needed (vectors.py); the catalog (catalog.py) is the source of truth for what
was imported, in SQLite or in PostgreSQL shared by several app instances, and the lexical index
(lexical.py) follows it segment by segment.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .embeddings import HashingEmbedding
from .errors import RetrievalError, SkippedFile, storage_reason
from .heal import heal_vectors
from .ingest import ImportedReport, import_file, load_manifest, unique_doc_id, with_doc_id
from .lexical import Lexical
from .owners import OwnedIndex
from .passages import DocInfo, Passage
from .search import HybridSearch
from .vectors import ChromaVectors

__all__ = ["DocInfo", "IndexRun", "Passage", "ReportIndex", "load_manifest"]


@dataclass
class IndexRun:
    """What one `reportdraft index` did, file by file."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


class ReportIndex(HybridSearch):
    """Open (or create) the index under `index_dir`: vectors in Chroma, words in the catalog.

    `database_url` (postgresql://…) puts the catalog in PostgreSQL; the index directory then holds
    only this instance's saved lexical segments (and the embedded Chroma store, unless a host is
    given)."""

    def __init__(self, index_dir: Path, chroma_host: str = "", chroma_port: int = 8000,
                 embedding=None, database_url: str = "") -> None:
        self.index_dir = Path(index_dir)
        try:
            self.index_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RetrievalError(f"无法创建索引目录 {self.index_dir}：{storage_reason(exc)}。") from None
        self.embedding = embedding or HashingEmbedding()
        self._lock = threading.RLock()
        self.catalog = Catalog(database_url or self.index_dir / "catalog.sqlite3")
        self.vectors = ChromaVectors(self.index_dir, chroma_host, chroma_port, self.embedding)
        # A Chroma server is the shared vector store of record: search it. An embedded store is
        # ours alone, and for a small index its vectors are searched in memory instead.
        self.lexical = Lexical(self.catalog, self.index_dir / "lexical", exact_vectors=not chroma_host)
        self._healed = False

    def close(self) -> None:
        self.catalog.close()

    # -- writing --------------------------------------------------------------------------
    def index_corpus(self, corpus_dir: Path, prune: bool = False, max_bytes: int | None = None) -> IndexRun:
        """Import every supported file under corpus_dir. Same file twice: nothing changes."""
        corpus_dir = Path(corpus_dir)
        if not corpus_dir.is_dir():
            raise RetrievalError(f"语料目录不存在：{corpus_dir}")
        manifest = load_manifest(corpus_dir)
        self.heal()  # vectors a killed run left without catalog rows (and the reverse)
        run = IndexRun()
        seen: set[str] = set()
        for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file() or p.is_symlink()):
            if path.name in ("manifest.yaml", "__init__.py") or path.name.startswith(".") \
                    or "__pycache__" in path.parts:
                continue
            try:  # the reader refuses a link or an unsupported type, with the reason
                report = import_file(path, manifest.get(path.name), max_bytes)
            except SkippedFile as exc:
                run.skipped.append((str(path), str(exc)))
                continue
            getattr(run, self.add_report(report)).append(report.doc)
            seen.add(report.doc)
        if prune:
            root = str(corpus_dir.resolve())
            for doc, source in sorted(self.catalog.sources().items()):
                if doc not in seen and source.startswith(root):  # uploads and other folders stay
                    self.remove(doc)
                    run.removed.append(doc)
        if run.added or run.replaced or run.removed:
            self.compact()  # the next process loads one saved segment instead of rebuilding
        return run

    def add_report(self, report: ImportedReport) -> str:
        """Store one report; 'added', 'replaced' or 'unchanged'. A document is its source (see
        ImportedReport.source): the same source replaces its earlier text; the same text from
        another source is the document already there; anything else is a new document, under a
        new id, and never replaces another. `report.doc` is set to the id it is stored under."""
        with self._lock:
            source = report.source or report.path
            doc = self.catalog.doc_for_source(source)
            if doc is None and (twin := self.catalog.twin(report.sha256, report.owner)):
                if Path(twin[1]).is_absolute() and not Path(twin[1]).exists():  # the file moved
                    self.catalog.move(twin[0], source)
                with_doc_id(report, twin[0])
                return "unchanged"
            with_doc_id(report, doc or unique_doc_id(Path(report.path), source, self.catalog.has_doc))
            known = self.catalog.sha256(report.doc)
            if known == report.sha256:
                return "unchanged"
            if not self._healed:
                self.heal()  # before this instance's first write to the vector store
            if known:
                self.vectors.delete(self.catalog.chunk_ids(report.doc))
            vectors = self._embed(report)
            # Texts live in the catalog; Chroma keeps vectors and filterable metadata only.
            self.vectors.upsert([c.chunk_id for c in report.chunks], vectors,
                                [_chroma_metadata(report, c) for c in report.chunks])
            try:
                self.catalog.write(report, vectors)
            except RetrievalError:
                self._forget_vectors([c.chunk_id for c in report.chunks])
                raise
            return "replaced" if known else "added"

    def heal(self) -> int:
        """After a kill between the two stores: drop vectors with no catalog row, put back rows'
        missing vectors. Run by every index run and before an instance's first write (opening the
        index does not: it does not open Chroma at all). Cheap when the counts agree."""
        with self._lock:
            try:
                fixed = heal_vectors(self.vectors, self.catalog, self.embedding)
            except RetrievalError:
                raise
            except Exception as exc:
                raise RetrievalError(f"索引修复失败：{type(exc).__name__}: {exc}。") from None
            self._healed = True
            return fixed

    def _embed(self, report: ImportedReport) -> list:
        if report.vectors is not None:
            return list(report.vectors)
        try:
            return self.embedding([c.text for c in report.chunks]) if report.chunks else []
        except Exception as exc:
            raise RetrievalError(f"计算向量失败：{type(exc).__name__}: {exc}") from None

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
        vectors = [self._embed(r) for r in reports]
        self.vectors.upsert([c.chunk_id for r in reports for c in r.chunks], [v for vs in vectors for v in vs],
                            [_chroma_metadata(r, c) for r in reports for c in r.chunks])
        self.catalog.write_many(list(zip(reports, vectors, strict=True)))
        return sum(len(r.chunks) for r in reports)

    def remove(self, doc: str) -> None:
        with self._lock:
            self._forget_vectors(self.catalog.remove(doc))

    def _forget_vectors(self, ids: list[str]) -> None:
        """Best effort: a vector left behind (a full disk) has no catalog row, so search never
        shows it, and the next heal() removes it."""
        try:
            self.vectors.delete(ids)
        except RetrievalError:
            pass

    # -- reading --------------------------------------------------------------------------
    def doc_ids(self) -> set[str]:
        return self.catalog.doc_ids()

    def documents(self) -> list[DocInfo]:
        return self.catalog.documents()

    def chunk_count(self) -> int:
        return self.catalog.chunk_count()

    def vector_count(self) -> int:
        """Records in the vector store (equal to chunk_count when the two agree)."""
        return self.vectors.count()

    def passages(self, doc: str) -> list[Passage]:
        """Every chunk of one report, in order (for last year's report and for tests)."""
        return self.catalog.passages(doc)

    def for_owner(self, owner: str) -> OwnedIndex:
        """The index as one organisation sees it ('' for no organisation): the shared reports and
        the ones its users uploaded, never another organisation's uploads."""
        return OwnedIndex(self, owner)

    def compact(self) -> None:
        """Fold recent imports into the saved lexical index (after a large import)."""
        self.lexical.compact()


def _chroma_metadata(report: ImportedReport, chunk) -> dict:
    """What Chroma stores beside a chunk's vector: where it comes from, for filtering and display."""
    meta = report.meta
    return {"doc": report.doc, "title": meta.title, "org": meta.org, "year": meta.year or 0,
            "report_type": meta.report_type or "", "role": chunk.role, "heading": chunk.heading,
            "position": chunk.position}
