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

from retrieval.index import ReportIndex, load_manifest
from retrieval.ingest import import_file

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = "青川安平永宁清河华阳长乐新丰东兴南城西林北山云溪临江嘉禾泰和广德明远"
QUERIES = [("普法宣传 场次", "measures", None), ("存在的不足", "shortcomings", None),
           ("下一步工作 普法", "plans", "fazhi"), ("第一责任人 职责", "first_responsible", None),
           ("信访 案件 办结率", None, None), ("两癌 救助 春蕾计划", "measures", None),
           ("婚姻家庭纠纷 调解", None, "pufa"), ("家庭教育 讲座", None, "zongjie"),
           ("领导干部 学法", "measures", "fazhi"), ("反家暴 宣传", None, None)]


def synthetic_text(i: int, seeds: list[tuple[str, dict]], rng: random.Random) -> str:
    text, meta = seeds[i % len(seeds)]
    name = "".join(rng.choice(SYLLABLES) for _ in range(2))
    for place in sorted(meta.get("particulars", []) + [meta["org"].replace("妇女联合会", "")], key=len, reverse=True):
        if len(place) >= 2:
            text = text.replace(place, name + ("县" if place.endswith("县") else ""))
    text = re.sub(r"\d+", lambda m: str(max(1, int(int(m.group(0)) * rng.uniform(0.5, 1.5))))
                  if len(m.group(0)) < 4 else m.group(0), text)
    other, _ = seeds[(i + 1 + i % 3) % len(seeds)]
    borrowed = re.findall(r"\n[一二三四五六七八九十]、[^\n]+\n[^\n]+", other)
    return text + (rng.choice(borrowed) if borrowed else "")


def _import(path: str):
    from retrieval.embeddings import HashingEmbedding

    report = import_file(Path(path))
    report.vectors = HashingEmbedding()([c.text for c in report.chunks])
    return report


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
            (corpus / f"r{i:05d}.txt").write_text(synthetic_text(i, seeds, rng), encoding="utf-8")
        started = time.perf_counter()
        with Pool(args.workers) as pool:
            reports = pool.map(_import, [str(p) for p in sorted(corpus.glob("*.txt"))], chunksize=50)
        imported = time.perf_counter()
        index = ReportIndex(Path(args.keep) if args.keep else Path(tmp) / "index")
        records = index.add_many(reports)
        built = time.perf_counter()
        index.search("预热", k=5)  # builds the BM25 index once
        ready = time.perf_counter()
        latencies = []
        for n in range(args.queries):
            query, role, kind = QUERIES[n % len(QUERIES)]
            t = time.perf_counter()
            results = index.search(query, role=role, report_type=kind, k=5)
            latencies.append((time.perf_counter() - t) * 1000)
            assert results, query
        latencies.sort()
        print(f"reports={args.reports} records={records}")
        print(f"import (clean, structure, jieba; {args.workers} workers) {imported - started:.1f} s")
        print(f"index write (embeddings + Chroma + catalog) {built - imported:.1f} s")
        print(f"BM25 build on first query {ready - built:.1f} s")
        print(f"full build {ready - started:.1f} s")
        print(f"query p50 {statistics.median(latencies):.1f} ms  p95 {latencies[int(0.95 * len(latencies)) - 1]:.1f} ms"
              f"  max {latencies[-1]:.1f} ms  (n={len(latencies)}, k=5, hybrid, filters mixed)")


if __name__ == "__main__":
    main()
