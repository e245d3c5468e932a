"""Write the leave-one-out cases: facts are a seed's sentences that carry figures; that seed is
excluded from the examples. Run once when the seeds change: python -m evals.make_seed_cases"""

from __future__ import annotations

from pathlib import Path

import yaml

from drafting.domain.facts import broken_text
from drafting.domain.types import Fact
from lexicon.figures import extract_figures, masked_values
from lexicon.numbering import SUB, TOP
from retrieval.index import load_manifest
from retrieval.ingest import import_file
from retrieval.text import sentences

ROOT = Path(__file__).resolve().parent.parent


def seed_facts(path: Path, manifest: dict) -> tuple[dict, list[str]]:
    report = import_file(path, manifest.get(path.name))
    facts = [s for c in report.chunks for s in sentences(c.text)
             if extract_figures(s) and not masked_values(s) and len(s) < 400 and not SUB.match(s) and not TOP.match(s)]
    return report.meta.__dict__, facts


def main() -> None:
    corpus = ROOT / "corpus"
    manifest = load_manifest(corpus)
    for path in sorted(corpus.glob("*.txt")):
        meta, facts = seed_facts(path, manifest)
        half = "上半年" in meta["title"]
        # The seed's own 成文日期 when it has one, else a plausible one for its period.
        date = meta["date"] or (f"{meta['year']}-07-10" if half else f"{meta['year'] + 1}-01-20")
        broken = broken_text([Fact(f"F{i}", t) for i, t in enumerate(facts, 1)])
        case = {"org": meta["org"], "year": meta["year"], "report_type": meta["report_type"],
                **({"period": "half"} if half else {}), "date": str(date), "exclude_docs": [path.stem],
                # The seed's own slips (处理处理, an open 《) are copied with its sentences: the check must see them.
                **({"expect_fail": ["broken"]} if broken else {}),
                "facts": facts}
        out = ROOT / "evals" / "cases" / f"seed_{path.stem[:3]}_{meta['report_type']}.yaml"
        out.write_text("# Leave-one-out: this seed's figure sentences as facts, the other seeds as examples.\n"
                       + yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
        print(out.name, len(facts))


if __name__ == "__main__":
    main()
