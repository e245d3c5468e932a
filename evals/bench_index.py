"""Benchmark: build an index of N synthetic reports and measure search latency.

Synthetic reports recombine the seeds: each takes one seed's text, gives it another
federation's name and places, varies every figure, and appends a section borrowed from another
seed. Prints build time and query p50/p95; results go to docs/BENCHMARKS.md by hand.

    python -m evals.bench_index --reports 10000
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

from lexicon.levels import unit_suffix
from lexicon.numbering import NUMERALS
from lexicon.roles import Kind, Role
from retrieval.index import ReportIndex, load_manifest
from retrieval.ingest import import_file

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = "青川安平永宁清河华阳长乐新丰东兴南城西林北山云溪临江嘉禾泰和广德明远"
QUERIES = [("普法宣传 场次", Role.MEASURES, None), ("存在的不足", Role.SHORTCOMINGS, None),
           ("下一步工作 普法", Role.PLANS, Kind.FAZHI), ("第一责任人 职责", Role.FIRST_RESPONSIBLE, None),
           ("信访 案件 办结率", None, None), ("两癌 救助 春蕾计划", Role.MEASURES, None),
           ("婚姻家庭纠纷 调解", None, Kind.PUFA), ("家庭教育 讲座", None, Kind.ZONGJIE),
           ("领导干部 学法", Role.MEASURES, Kind.FAZHI), ("反家暴 宣传", None, None)]


def synthetic_text(i: int, seeds: list[tuple[str, dict]], rng: random.Random) -> str:
    text, meta = seeds[i % len(seeds)]
    name = "".join(rng.choice(SYLLABLES) for _ in range(2))
    for place in sorted(meta.get("particulars", []) + [meta["org"].replace("妇女联合会", "")], key=len, reverse=True):
        if len(place) >= 2:
            text = text.replace(place, name + unit_suffix(place))
    text = re.sub(r"\d+", lambda m: str(max(1, int(int(m.group(0)) * rng.uniform(0.5, 1.5))))
                  if len(m.group(0)) < 4 else m.group(0), text)
    other, _ = seeds[(i + 1 + i % 3) % len(seeds)]
    borrowed = re.findall(rf"\n[{NUMERALS}]、[^\n]+\n[^\n]+", other)
    return text + (rng.choice(borrowed) if borrowed else "")


def _import(path: str):
    from retrieval.embeddings import HashingEmbedding

    report = import_file(Path(path))
    report.vectors = HashingEmbedding()([c.text for c in report.chunks])
    return report


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    import resource

    current = 0.0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(args, corpus: Path, index_dir: Path) -> tuple[ReportIndex, dict]:
    """Import the synthetic corpus with worker processes, streamed into the index; timings."""
    times = {"started": time.perf_counter()}
    with Pool(args.workers) as pool:
        reports = pool.imap(_import, [str(p) for p in sorted(corpus.glob("*.txt"))], chunksize=20)
        index = ReportIndex(index_dir)
        times["records"] = index.add_many(reports)
    times["written"] = time.perf_counter()
    index.compact()  # the BM25 main segment, saved
    times["ready"] = time.perf_counter()
    return index, times


def measure_queries(index: ReportIndex, n: int) -> list[float]:
    index.search("预热", k=5)  # loads jieba's dictionary once
    latencies = []
    for i in range(n):
        query, role, kind = QUERIES[i % len(QUERIES)]
        t = time.perf_counter()
        results = index.search(query, role=role, report_type=kind, k=5)
        latencies.append((time.perf_counter() - t) * 1000)
        assert results, query
    return sorted(latencies)


def add_one(index: ReportIndex, tmp: Path, seeds, rng, name: str = "new_report") -> tuple[float, float]:
    """One new report into the built index: (seconds to import it, seconds to its first search)."""
    path = tmp / f"{name}.txt"
    path.write_text(synthetic_text(1, seeds, rng).replace("妇联", "妇联（沙洲渡口调解室）", 3), encoding="utf-8")
    main = index.lexical.main
    t = time.perf_counter()
    assert index.add_report(import_file(path)) == "added"
    added = time.perf_counter() - t
    results = index.search("沙洲渡口调解室", k=5)
    searched = time.perf_counter() - t
    assert any(p.doc == name for p in results), "the new report is found"
    assert index.lexical.main is main, "the BM25 main segment was not rebuilt"
    return added, searched


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", help="build the index here and keep it (for profiling)")
    args = parser.parse_args()
    rng = random.Random(7)
    manifest = load_manifest(ROOT / "corpus")
    seeds = [(p.read_text(encoding="utf-8"), manifest[p.name]) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for i in range(args.reports):
            (corpus / f"r{i:06d}.txt").write_text(synthetic_text(i, seeds, rng), encoding="utf-8")
        index, t = build(args, corpus, Path(args.keep) if args.keep else Path(tmp) / "index")
        built_rss = rss_mb()
        latencies = measure_queries(index, args.queries)
        added, searched = add_one(index, Path(tmp), seeds, rng)
        print(f"reports={args.reports} records={t['records']}")
        print(f"import + index write (clean, structure, jieba, embeddings in {args.workers} workers; "
              f"Chroma + catalog here) {t['written'] - t['started']:.1f} s")
        print(f"BM25 main segment build and save {t['ready'] - t['written']:.1f} s")
        print(f"full build {t['ready'] - t['started']:.1f} s")
        print(f"memory after build: RSS {built_rss[0]:.0f} MB, peak {built_rss[1]:.0f} MB")
        print(f"query p50 {statistics.median(latencies):.1f} ms  p95 {latencies[int(0.95 * len(latencies)) - 1]:.1f} ms"
              f"  max {latencies[-1]:.1f} ms  (n={len(latencies)}, k=5, hybrid, filters mixed)")
        print(f"one more report: imported in {added:.2f} s, found by search {searched:.2f} s after the import "
              f"began (delta {len(index.lexical.delta)} chunks, main kept)")
        print(f"memory at the end: RSS {rss_mb()[0]:.0f} MB, peak {rss_mb()[1]:.0f} MB")


if __name__ == "__main__":
    main()
