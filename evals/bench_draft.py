"""Benchmark: time a whole offline draft with the index already built (target: under 1 s).

    python -m evals.bench_draft
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from drafting.engine import draft_report
from drafting.shell.services import load_case, meta_from_case
from retrieval.index import ReportIndex

ROOT = Path(__file__).resolve().parent.parent


def main(rounds: int = 20) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index = ReportIndex(Path(tmp))
        index.index_corpus(ROOT / "corpus")
        index.search("预热", k=1)
        for name in ("qingchuan_fazhi_2024", "placement_county_fazhi", "seed_000_fazhi", "seed_003_pufa",
                     "placement_city_zongjie_half"):
            case = load_case(ROOT / "evals" / "cases" / f"{name}.yaml")
            meta = meta_from_case(case)
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                draft_report(meta, "\n".join(case["facts"]), index=index,
                             exclude_docs=tuple(case.get("exclude_docs", [])))
                times.append(time.perf_counter() - started)
            times.sort()
            print(f"{name:<24} facts={len(case['facts']):>3}  median {statistics.median(times) * 1000:.0f} ms"
                  f"  max {times[-1] * 1000:.0f} ms  (n={rounds})")


if __name__ == "__main__":
    main()
