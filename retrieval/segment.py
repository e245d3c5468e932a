"""One segment of the lexical index: BM25 postings of some chunks, their filter columns and vectors.

The lexical index (lexical.py) keeps two: a main segment, saved under the index directory (numpy
files, memory-mapped when loaded), and a delta of what was imported since. Beside each chunk: its
role, report kind and document as small integer codes, so filtering costs microseconds, and (small
embedded indexes) its vector.

Why not bm25s, which we used before: its index bakes the corpus statistics (idf, average length)
into every stored weight, so one new report meant rebuilding everything. Here a stored weight
depends on its chunk only (term frequency against a length fixed when the main was built) and idf
is applied at query time from document frequencies summed over the segments: the same formula as
bm25s's default ("lucene", k1 1.5, b 0.75), so a fresh main ranks as bm25s did.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

K1, B = 1.5, 0.75
ARRAYS = ("ids", "seqs", "roles", "kinds", "docs", "indptr", "rows", "weights", "terms", "order")


@dataclass
class Segment:
    """BM25 postings of some chunks, grouped by word (CSC-like: indptr/rows/weights)."""

    ids: np.ndarray
    seqs: np.ndarray
    roles: np.ndarray
    kinds: np.ndarray
    docs: np.ndarray
    names: dict
    """Code tables: {'roles': [...], 'kinds': [...], 'docs': [...]}; a column holds indexes into them."""
    indptr: np.ndarray
    rows: np.ndarray
    weights: np.ndarray
    terms: np.ndarray
    avgdl: float
    version: int = 0
    max_seq: int = 0
    vectors: np.ndarray | None = None
    order: np.ndarray | None = None
    """Rows sorted by chunk id, to find the rows of ids the vector store returns."""

    def __post_init__(self) -> None:
        if self.order is None:
            self.order = np.argsort(self.ids, kind="stable")
        self.vocab = {str(t): i for i, t in enumerate(self.terms)}
        self.codes = {key: {name: i for i, name in enumerate(values)} for key, values in self.names.items()}

    def __len__(self) -> int:
        return len(self.ids)

    def df(self, word: str) -> int:
        col = self.vocab.get(word)
        return 0 if col is None else int(self.indptr[col + 1] - self.indptr[col])

    def scores(self, idf: dict[str, float], tokens: list[str]) -> np.ndarray:
        scores = np.zeros(len(self), dtype=np.float32)
        for token in tokens:
            col = self.vocab.get(token)
            if col is not None:
                lo, hi = self.indptr[col], self.indptr[col + 1]
                scores[self.rows[lo:hi]] += np.float32(idf[token]) * self.weights[lo:hi]
        return scores

    def locate(self, ids: np.ndarray) -> np.ndarray:
        """The row of each chunk id, -1 where this segment does not hold it."""
        if not len(self) or not len(ids):
            return np.full(len(ids), -1, dtype=np.int64)
        sorted_ids = self.ids[self.order]
        pos = np.minimum(np.searchsorted(sorted_ids, ids), len(self) - 1)
        return np.where(sorted_ids[pos] == ids, self.order[pos], -1)

    def mask(self, role, report_type, exclude: Iterable[str]) -> np.ndarray:
        """For each chunk, whether it passes the role, kind and excluded-report filters."""
        keep = np.ones(len(self), dtype=bool)
        for column, key, value in ((self.roles, "roles", role), (self.kinds, "kinds", report_type)):
            if value:
                keep &= column == self.codes[key].get(value, -1)
        codes = [self.codes["docs"][d] for d in exclude if d in self.codes["docs"]]
        if codes:
            keep &= ~np.isin(self.docs, codes)
        return keep

    @classmethod
    def build(cls, rows: Iterable[tuple], avgdl: float | None = None, version: int = 0,
              with_vectors: bool = True) -> Segment:
        """From catalog rows (seq, chunk id, words, role, kind, doc, vector bytes or None)."""
        vocab: dict[str, int] = {}
        names = {"roles": {}, "kinds": {}, "docs": {}}
        ids, seqs, cols = [], array("q"), {k: array("i") for k in names}
        post_terms, post_tf, per_doc, lengths, vectors = array("i"), array("f"), array("i"), array("i"), []
        for seq, chunk_id, text_words, role, kind, doc, vector in rows:
            tokens = (text_words or "").split()
            counts: dict[str, int] = {}
            for token in tokens:
                counts[token] = counts.get(token, 0) + 1
            post_terms.extend(vocab.setdefault(t, len(vocab)) for t in counts)
            post_tf.extend(counts.values())
            per_doc.append(len(counts))
            lengths.append(len(tokens))
            ids.append(chunk_id)
            seqs.append(seq)
            for key, value in (("roles", role), ("kinds", kind or ""), ("docs", doc)):
                cols[key].append(names[key].setdefault(value, len(names[key])))
            vectors.append(vector)
        n = len(ids)
        length = np.frombuffer(lengths, dtype=np.int32).astype(np.float32) if n else np.zeros(0, np.float32)
        avgdl = avgdl or max(float(length.mean()) if n else 1.0, 1.0)
        terms = np.frombuffer(post_terms, dtype=np.int32) if post_terms else np.zeros(0, np.int32)
        tf = np.frombuffer(post_tf, dtype=np.float32) if post_tf else np.zeros(0, np.float32)
        doc_of = np.repeat(np.arange(n, dtype=np.int32), np.frombuffer(per_doc, dtype=np.int32) if n else [])
        weight = tf / (tf + K1 * (1 - B + B * length[doc_of] / avgdl))
        order = np.argsort(terms, kind="stable")
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        indptr[1:] = np.cumsum(np.bincount(terms, minlength=len(vocab)))
        return cls(np.array(ids, dtype=str), np.frombuffer(seqs, dtype=np.int64).copy() if n else np.zeros(0, np.int64),
                   *(np.frombuffer(cols[k], dtype=np.int32).copy() if n else np.zeros(0, np.int32) for k in names),
                   {k: list(v) for k, v in names.items()}, indptr, doc_of[order], weight[order].astype(np.float32),
                   np.array(list(vocab), dtype=str), avgdl, version, max(seqs) if n else 0,
                   _stack(vectors) if with_vectors else None)

    # -- saved on disk ----------------------------------------------------------------------
    def save(self, directory: Path, stamp: dict) -> None:
        """Written beside, then renamed into place: a reader never sees half a segment."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=directory.parent, prefix=".main-"))
        for name in ARRAYS:
            np.save(tmp / f"{name}.npy", getattr(self, name), allow_pickle=False)
        if self.vectors is not None:
            np.save(tmp / "vectors.npy", self.vectors, allow_pickle=False)
        meta = {**stamp, "version": self.version, "max_seq": self.max_seq, "avgdl": self.avgdl, "names": self.names}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        old = directory.with_name(f".old-{os.getpid()}-{directory.name}")
        if directory.exists():
            directory.rename(old)
        tmp.rename(directory)
        shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, directory: Path, stamp: dict) -> Segment | None:
        """The saved main, when it belongs to this catalog; None otherwise (it is then rebuilt)."""
        try:
            meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
            if any(meta.get(k) != v for k, v in stamp.items()):
                return None
            arrays = {name: np.load(directory / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS}
            if json.loads((directory / "meta.json").read_text(encoding="utf-8")) != meta:
                return None  # another process saved a new main while we read this one
            vectors = directory / "vectors.npy"
            return cls(**arrays, names=meta["names"], avgdl=meta["avgdl"], version=meta["version"],
                       max_seq=meta["max_seq"], vectors=np.load(vectors, mmap_mode="r") if vectors.exists() else None)
        except (OSError, ValueError, KeyError, TypeError):
            return None


def _stack(vectors: list) -> np.ndarray | None:
    """Unit vectors as one matrix, or None when any chunk has none (older catalogs)."""
    if not vectors or any(v is None for v in vectors):
        return None
    matrix = np.stack([np.frombuffer(v, dtype=np.float32) for v in vectors])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def idf_of(tokens: list[str], segments: list[tuple[Segment, int]]) -> dict[str, float]:
    """idf per query word from document frequencies summed over the segments (with their live counts)."""
    n = sum(live for _, live in segments)
    idf = {}
    for token in set(tokens):
        df = sum(seg.df(token) for seg, _ in segments)
        idf[token] = math.log(1 + (n - df + 0.5) / (df + 0.5))
    return idf


def top(scores: np.ndarray, keep: np.ndarray, pool: int) -> np.ndarray:
    """Rows that pass the filters, best first, at most pool."""
    candidates = np.flatnonzero(keep)
    if len(candidates) > pool:
        candidates = candidates[np.argpartition(-scores[candidates], pool)[:pool]]
    return candidates[np.argsort(-scores[candidates], kind="stable")]
