"""How well last year's plans are matched to this year's facts, on a labelled set
(evals/plan_matching.yaml): every plan item a reader would tick should be 已落实, none wrongly.

    python -m evals.plan_eval          # prints the table and the figures
"""

from __future__ import annotations

from pathlib import Path

import yaml

from drafting.domain.classify import classify_all
from drafting.domain.facts import parse_facts
from drafting.domain.meta import build_meta
from drafting.plan.continuity import last_plan_items
from drafting.plan.plans import match_plans
from lexicon.roles import Kind

SET = Path(__file__).with_name("plan_matching.yaml")
SEEDS = {"wanyuan": "000_0d0d8f1fbd465f73", "guxian": "001_442cf330a79418f9", "shapotou": "003_e749aa7995625b21",
         "city": "004_58f88b831dfb2c8d"}


def rows(index, path: Path = SET) -> list[dict]:
    """One row per labelled plan item: seed, item, label, status given, facts."""
    out = []
    for case in yaml.safe_load(path.read_text(encoding="utf-8")):
        meta = build_meta(case["org"], case["year"], Kind.FAZHI)
        facts = classify_all(parse_facts("\n".join(case["facts"])), meta)
        items = case.get("plans") or last_plan_items(index, SEEDS[case["seed"]])
        table = match_plans(items, facts)
        for start, label in case["labels"].items():
            row = next(r for r in table if r["item"].startswith(start))
            out.append({"seed": case.get("seed", "held-out"), "item": row["item"], "label": label, "status": row["status"],
                        "fact_ids": row["fact_ids"]})
    return out


def score(results: list[dict]) -> dict:
    """Ticked items found (recall), items marked 已落实 that a reader would tick (precision)."""
    scored = [r for r in results if r["label"] != "either"]
    ticked = [r for r in scored if r["label"] == "done"]
    marked = [r for r in scored if r["status"] in ("done", "partial")]
    hits = [r for r in ticked if r["status"] in ("done", "partial")]
    return {"items": len(results), "scored": len(scored), "ticked": len(ticked), "found": len(hits),
            "wrongly_done": len(marked) - len(hits),
            "recall": round(len(hits) / len(ticked), 3) if ticked else 1.0,
            "precision": round(len(hits) / len(marked), 3) if marked else 1.0}


def main() -> None:
    from drafting.shell.services import open_index
    from drafting.shell.settings import Settings

    results = rows(open_index(Settings.from_env()))
    for r in results:
        mark = "✓" if r["label"] == "either" or (r["label"] == "done") == (r["status"] != "not_mentioned") else "✗"
        print(f"{mark} {r['seed']:9} {r['label']:13} {r['status']:13} {'、'.join(r['fact_ids']):10} {r['item'][:40]}")
    print(score(results))


if __name__ == "__main__":
    main()
