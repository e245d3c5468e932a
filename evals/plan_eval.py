"""How well last year's plans are matched to this year's facts, on a labelled set
(evals/plan_matching.yaml): every plan item a reader would tick should be 已落实, none wrongly,
a plan with a figure judged against the fact that measures it (部分落实 or exceeded).

    python -m evals.plan_eval          # prints the table and the figures
"""

from __future__ import annotations

from pathlib import Path

import yaml

from drafting.domain.classify import classify_all
from drafting.domain.facts import parse_facts
from drafting.domain.last_year import PlanRow
from drafting.domain.meta import build_meta
from drafting.plan.last_report import last_plan_items
from drafting.plan.plans import match_plans
from lexicon.roles import Kind

SET = Path(__file__).with_name("plan_matching.yaml")
SEEDS = {"wanyuan": "000_0d0d8f1fbd465f73", "guxian": "001_442cf330a79418f9", "shapotou": "003_e749aa7995625b21",
         "city": "004_58f88b831dfb2c8d"}
TICKED = ("done", "partial", "exceeded")
"""Labels of items a reader ticks; a label may be followed by the facts that may show it ("done F7")."""


def rows(index, path: Path = SET) -> list[dict]:
    """One row per labelled plan item: seed, item, label, the facts allowed to show it, what the tool said."""
    out = []
    for case in yaml.safe_load(path.read_text(encoding="utf-8")):
        meta = build_meta(case["org"], case["year"], Kind.FAZHI)
        facts = classify_all(parse_facts("\n".join(case["facts"])), meta)
        items = case.get("plans") or last_plan_items(index, SEEDS[case["seed"]])
        table = match_plans(items, facts)
        for start, labelled in case["labels"].items():
            label, *allowed = labelled.split()
            row = next(r for r in table if r.item.startswith(start))
            out.append({"set": case.get("set", "seeds"), "seed": case.get("seed", "held-out"),
                        "item": row.item, "label": label, "allowed": allowed, "status": row.status,
                        "verdict": verdict(row), "fact_ids": row.fact_ids, "progress_fact": row.progress_fact,
                        "progress": row.progress})
    return out


def verdict(row: PlanRow) -> str:
    """What the tool said, in the labels' words: a plan met or beaten by its measuring fact is exceeded."""
    if row.status == "done" and row.progress_fact:
        return "exceeded"
    return row.status


def right(r: dict) -> bool:
    """The tool said what the reader said, resting only on facts the reader allows."""
    if r["label"] == "either":
        return True
    said = r["verdict"] if r["label"] != "done" else r["status"]
    evidence = [*r["fact_ids"], *([r["progress_fact"]] if r["progress_fact"] else [])]
    return said == r["label"] and (not r["allowed"] or set(evidence) <= set(r["allowed"]))


def score(results: list[dict]) -> dict:
    """Items right; ticked items found (recall); items marked 已落实/部分落实 that a reader would tick
    (precision); items ticked that a reader would not (wrongly_done)."""
    scored = [r for r in results if r["label"] != "either"]
    ticked = [r for r in scored if r["label"] in TICKED]
    marked = [r for r in scored if r["status"] in ("done", "partial")]
    hits = [r for r in ticked if r["status"] in ("done", "partial")]
    return {"items": len(results), "scored": len(scored), "right": sum(map(right, scored)), "ticked": len(ticked),
            "found": len(hits), "wrongly_done": len(marked) - len(hits),
            "recall": round(len(hits) / len(ticked), 3) if ticked else 1.0,
            "precision": round(len(hits) / len(marked), 3) if marked else 1.0}


def main() -> None:
    from drafting.shell.services import open_index
    from drafting.shell.settings import Settings

    results = rows(open_index(Settings.from_env()))
    for r in results:
        mark = "✓" if right(r) else "✗"
        shown = f"{r['verdict']} {r['progress']}".strip()
        print(f"{mark} {r['set']:10} {r['label']:13} {shown[:30]:30} {'、'.join(r['fact_ids']):10} {r['item'][:36]}")
    for name in dict.fromkeys(r["set"] for r in results):
        print(f"{name:10}", score([r for r in results if r["set"] == name]))
    print(f"{'all':10}", score(results))


if __name__ == "__main__":
    main()
