"""python -m evals.material [--set set|holdout] [--backend offline|llm] [--json]: the material eval's figures."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from drafting.shell.settings import Settings, apply_offline_env

from . import Result, evaluate, load_set


def main(argv: list[str] | None = None) -> int:
    apply_offline_env()
    parser = argparse.ArgumentParser(prog="python -m evals.material", description=__doc__)
    parser.add_argument("--backend", choices=["offline", "llm"], default="offline",
                        help="llm: the configured model proposes (OPENAI_BASE_URL), every proposal checked")
    parser.add_argument("--set", default="set", choices=["set", "holdout"],
                        help="set: the eval set (default); holdout: items written after the extractor")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from retrieval.index import ReportIndex

    settings = Settings.from_env()
    proposer = None
    if args.backend == "llm":
        from drafting.write.proposer import ModelProposer

        proposer = ModelProposer(settings.model_config())
    with tempfile.TemporaryDirectory(prefix="material-index-") as tmp:
        index = ReportIndex(Path(tmp))
        index.index_corpus(settings.corpus_dir)
        result = evaluate(index, proposer, load_set(args.set))
        index.close()
    if args.json:
        print(json.dumps(summary(result), ensure_ascii=False, indent=2))
    else:
        print_result(result)
    return 0 if passed(result) else 1


def summary(result: Result) -> dict:
    return {"figures": result.figures, "figures_found": result.figures_found, "coverage": round(result.coverage, 4),
            "candidate_figures": result.candidate_figures, "verbatim": result.verbatim,
            "duplicates": result.duplicates, "duplicates_merged": result.duplicates_merged,
            "distinct": result.distinct, "distinct_kept": result.distinct_kept,
            "outside": result.outside, "outside_set_aside": result.outside_set_aside,
            "hostile": result.hostile, "hostile_skipped": result.hostile_skipped,
            "items": len(result.material.items), "candidates": len(result.material.candidates),
            "merged": result.material.merged, "seconds": round(result.seconds, 2),
            "load": os.getloadavg()[0], "misses": result.misses}


def passed(result: Result) -> bool:
    return (result.coverage >= 0.9 and result.verbatim == result.candidate_figures
            and result.duplicates_merged == result.duplicates and result.distinct_kept == result.distinct
            and result.outside_set_aside == result.outside and result.hostile_skipped == result.hostile)


def print_result(result: Result) -> None:
    m = result.material
    rows = [
        ("labelled facts' figures found in candidates (target ≥ 90 %)",
         f"{result.figures_found}/{result.figures} = {result.coverage:.1%}"),
        ("candidate figures verbatim in their source (must be 100 %)",
         f"{result.verbatim}/{result.candidate_figures} = {result.verbatim_share:.1%}"),
        ("duplicate events merged, all sources kept", f"{result.duplicates_merged}/{result.duplicates}"),
        ("one figure, different events: kept apart", f"{result.distinct_kept}/{result.distinct}"),
        ("items outside the year set aside", f"{result.outside_set_aside}/{result.outside}"),
        ("hostile files skipped with one line", f"{result.hostile_skipped}/{result.hostile}"),
        ("items read / candidates / merged away", f"{len(m.items)} / {len(m.candidates)} / {m.merged}"),
        ("coverage questions", str(len(m.questions))),
        ("time (read, extract, merge, place, questions)", f"{result.seconds:.2f} s (load {os.getloadavg()[0]:.1f})"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    for file, reason in m.skipped:
        print(f"skipped  {file}：{reason}")
    for miss in result.misses:
        print(f"miss     {miss}")
    print("PASS" if passed(result) else "FAIL")


if __name__ == "__main__":
    sys.exit(main())
