"""One file → one ImportedReport: read, clean, structure, metadata, particulars and chunks."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from lexicon.cues import paragraph_role
from lexicon.plain import plain_text
from lexicon.roles import Role

from .clean import clean_text
from .errors import RetrievalError, SkippedFile
from .metadata import ReportMeta, detect_metadata, places_of, short_name_of
from .readers import MAX_BYTES, read_report
from .safeyaml import load_data
from .structure import ParsedReport, parse_report
from .text import find_particulars, tokens, words

MAX_CHUNK = 500


@dataclass
class Chunk:
    """One indexed record: a subsection or paragraph of a section, with where it came from."""

    chunk_id: str
    doc: str
    position: int
    role: str
    heading: str
    text: str
    words: list[str] = field(default_factory=list)
    """jieba content words, computed once at import (they feed BM25)."""


@dataclass
class ImportedReport:
    doc: str
    path: str
    sha256: str
    meta: ReportMeta
    parsed: ParsedReport
    chunks: list[Chunk] = field(default_factory=list)
    particulars: set[str] = field(default_factory=set)
    vectors: list | None = None
    """Chunk embeddings when computed ahead (bulk import in worker processes)."""
    source: str = ""
    """What the document is: the file's full path in a corpus, or `upload:<content hash>` for a
    file a user uploaded. The index keeps one document per source."""
    owner: str = ""
    """'' for a shared report (the corpus, `reportdraft index`); the organisation of the user who
    uploaded it otherwise: used as last year's report and as examples for that organisation only."""


def doc_id_for(path: Path) -> str:
    """A stable, ASCII-safe id from the file name (Chroma ids and our catalog use it)."""
    stem = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "_", path.stem).strip("_")
    return stem or hashlib.sha1(path.name.encode()).hexdigest()[:12]


def unique_doc_id(path: Path, source: str, taken: Callable[[str], bool]) -> str:
    """The file name when it is a clean id nobody has; else the name and a hash of the source
    (two files called 报告.txt in two folders, or `x y.txt` beside `x_y.txt`, are two documents)."""
    name = doc_id_for(path)
    if name == path.stem and not taken(name):
        return name
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()
    return next(c for c in (f"{name}-{digest[:n]}" for n in (8, 16, 40)) if not taken(c))


def with_doc_id(report: ImportedReport, doc: str) -> ImportedReport:
    """The report under another document id (its chunk ids follow); changed in place."""
    if doc != report.doc:
        report.chunks = [replace(c, chunk_id=f"{doc}#{c.position}", doc=doc) for c in report.chunks]
        report.doc = doc
    return report


def import_file(path: Path, manifest_entry: dict | None = None, max_bytes: int | None = None,
                seconds: float | None = None, source: str = "") -> ImportedReport:
    """Read and structure one report (parsed in a worker process, `seconds` at most; see readers).
    Raises SkippedFile with the reason when it cannot."""
    # The cleaning pasted facts get too: hidden characters and lone surrogates removed (they would
    # stay in the index and break the encoders), traditional script made simplified. A report
    # that cleaning changes is imported again, once: its hash is the cleaned text's.
    text, _ = plain_text(read_report(path, max_bytes or MAX_BYTES, seconds))
    if not text.strip():
        raise SkippedFile("文件里没有文字")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    parsed = parse_report(clean_text(text))
    meta = detect_metadata(parsed, text)
    if manifest_entry:
        _apply_manifest(meta, manifest_entry)
    doc = doc_id_for(path)
    report = ImportedReport(doc=doc, path=str(path), sha256=sha, meta=meta, parsed=parsed,
                            source=source or str(Path(path).resolve()))
    chunk_tokens: dict[str, list[str]] = {}
    report.chunks = make_chunks(doc, parsed, chunk_tokens)
    report.particulars = _particulars(report, manifest_entry or {}, chunk_tokens)
    return report


def load_manifest(corpus_dir: Path) -> dict[str, dict]:
    path = corpus_dir / "manifest.yaml"
    if not path.exists():
        return {}
    try:
        entries = load_data(path.read_text(encoding="utf-8")) or []
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise RetrievalError(f"{path} 格式错误：{exc}") from None
    return {str(e["file"]): e for e in entries if isinstance(e, dict) and e.get("file")}


def _apply_manifest(meta: ReportMeta, entry: dict) -> None:
    for key in ("title", "org", "region", "report_type", "doc_number"):
        if entry.get(key):
            setattr(meta, key, str(entry[key]))
    if entry.get("year"):
        meta.year = int(entry["year"])
    if entry.get("date"):
        meta.date = str(entry["date"])
    if entry.get("region"):
        meta.places = places_of(meta.region)
    meta.short_name = entry.get("short_name") or short_name_of(meta.region)


def _particulars(report: ImportedReport, entry: dict, chunk_tokens: dict[str, list[str]]) -> set[str]:
    found = find_particulars("\n".join(report.parsed.header))
    for chunk in report.chunks:
        found |= find_particulars(chunk.text, chunk_tokens.get(chunk.chunk_id))
    found.update(report.meta.places)
    found.update(str(p) for p in entry.get("particulars", []) or [])
    if report.meta.org and "*" not in report.meta.org and len(report.meta.org) > 4:
        found.add(report.meta.org)
    return {p for p in found if len(p) >= 2}


def make_chunks(doc: str, parsed: ParsedReport, chunk_tokens: dict | None = None) -> list[Chunk]:
    """Preamble, then each section's paragraphs; long paragraphs split at sentence ends.
    `chunk_tokens`, when given, receives each chunk's jieba tokens (reused for particulars)."""
    chunks: list[Chunk] = []
    chunk_tokens = {} if chunk_tokens is None else chunk_tokens

    def add(role: str, heading: str, text: str) -> None:
        role = str(role)  # a record keeps the plain string of its Role
        for piece in _split_long(text):
            pieces_tokens = tokens(piece)
            chunk = Chunk(f"{doc}#{len(chunks)}", doc, len(chunks), role, heading, piece, words(piece, pieces_tokens))
            chunk_tokens[chunk.chunk_id] = pieces_tokens
            chunks.append(chunk)

    if parsed.preamble:
        add(Role.PREAMBLE, "", "\n".join(parsed.preamble))
    for section in parsed.sections:
        pending = ""
        for paragraph in section.paragraphs or [section.heading]:
            if len(paragraph) <= 40 and "。" not in paragraph:
                pending += paragraph + "。"  # a bare subheading travels with its paragraph
                continue
            add(paragraph_role(section.role, paragraph), section.heading, pending + paragraph)
            pending = ""
        if pending:
            add(section.role, section.heading, pending)
    return chunks


def _split_long(text: str) -> list[str]:
    if len(text) <= MAX_CHUNK:
        return [text]
    pieces, current = [], ""
    for sentence in re.split(r"(?<=[。；！？])", text):
        if current and len(current) + len(sentence) > MAX_CHUNK:
            pieces.append(current)
            current = ""
        current += sentence
    if current:
        pieces.append(current)
    return pieces
