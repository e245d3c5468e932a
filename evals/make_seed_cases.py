"""Write the leave-one-out cases: facts are a seed's sentences that carry figures; that seed is
excluded from the examples. Run once when the seeds change: python -m evals.make_seed_cases"""

from __future__ import annotations

from pathlib import Path

import yaml

from retrieval.figures import extract_figures, masked_values
from retrieval.index import load_manifest
from retrieval.ingest import import_file
from retrieval.text import sentences

ROOT = Path(__file__).resolve().parent.parent


def seed_facts(path: Path, manifest: dict) -> tuple[dict, list[str]]:
    report = import_file(path, manifest.get(path.name))
    facts = [s for c in report.chunks for s in sentences(c.text)
             if extract_figures(s) and not masked_values(s) and len(s) < 400]
    return report.meta.__dict__, facts


def main() -> None:
    corpus = ROOT / "corpus"
    manifest = load_manifest(corpus)
    for path in sorted(corpus.glob("*.txt")):
        meta, facts = seed_facts(path, manifest)
        case = {"org": meta["org"], "year": meta["year"], "report_type": meta["report_type"],
                "date": "2025-01-20", "exclude_docs": [path.stem], "facts": facts}
        out = ROOT / "evals" / "cases" / f"seed_{path.stem[:3]}_{meta['report_type']}.yaml"
        out.write_text("# Leave-one-out: this seed's figure sentences as facts, the other seeds as examples.\n"
                       + yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
        print(out.name, len(facts))


if __name__ == "__main__":
    main()
