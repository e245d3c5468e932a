"""The placement eval: is each fact filed where a drafter would file it?

Two sets. From the seeds, by leave-one-out: every sentence with a figure in a seed's measures
sections is a fact, and its true place is where that seed's own author put it (the heading it sits
under: its 一是 lead, （一） subheading or 一、 heading); it is placed with the other seeds as the
corpus. Hand-labelled: cases in evals/cases whose `expected_placement` names each fact's section
and subsection (topic), or its role for problems, plans and the leader's duties.

    python -m evals.placement            # prints the figures and every miss
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path

from drafting.domain.classify import classify_all
from drafting.domain.kinds import get_kind
from drafting.domain.meta import build_meta
from drafting.domain.themes import heading_theme
from drafting.domain.types import Fact
from drafting.plan.outline import make_outline
from drafting.plan.placement import sentence_leads
from drafting.shell.services import load_case
from lexicon.figures import extract_figures
from lexicon.numbering import ENUMERATOR, SUB
from lexicon.roles import Role

CASES = Path(__file__).resolve().parent / "cases"


@dataclass
class Result:
    source: str
    text: str
    expected: str
    got: str

    @property
    def ok(self) -> bool:
        """Same role, and for work the same topic (the section part of a label names the themed
        shape's section; the statutory shape has one measures section)."""
        return self.expected.split("/")[-1] == self.got.split("/")[-1]


def expected_place(kind, theme: str) -> str:
    spec = kind.section_for(theme)
    topic = spec.topic_for(theme)
    return f"{spec.key}/{topic.key if topic else ''}"


def placed(kind, fact: Fact, outline) -> str:
    for section in outline:
        if fact.id in section.fact_ids:
            if section.role != Role.MEASURES:
                return str(section.role)
            return expected_place(kind, fact.theme)
    return "none"


def seed_results(index) -> list[Result]:
    """Leave-one-out over the seeds: each seed's figure sentences placed against the others."""
    results = []
    for doc in index.documents():
        if not doc.report_type:
            continue
        kind = get_kind(doc.report_type)
        year = doc.year or 2023
        meta = build_meta(doc.org or "某县妇女联合会", year, doc.report_type, when=f"{year + 1}-01-20")
        for passage in index.passages(doc.doc):
            if passage.role != Role.MEASURES:
                continue
            for sentence, lead in sentence_leads(passage.text, passage.heading):
                theme = heading_theme(lead) or heading_theme(passage.heading)
                text = ENUMERATOR.sub("", sentence).strip("。；")
                if not theme or theme not in kind.themes() or not extract_figures(text) or SUB.match(sentence):
                    continue
                fact = Fact("F1", text, extract_figures(text))
                outline = make_outline([fact], kind, meta, index, exclude_docs=(doc.doc,))
                results.append(Result(doc.doc, text, expected_place(kind, theme), placed(kind, fact, outline)))
    return results


def case_results(index, directory: Path = CASES) -> list[Result]:
    """Hand-labelled cases: expected_placement {F1: 'publicity/media' or 'plans' …}."""
    results = []
    for path in sorted(directory.glob("*.yaml")):
        case = load_case(path)
        expected = case.get("expected_placement") or {}
        if not expected:
            continue
        kind = get_kind(case["report_type"])
        meta = build_meta(case["org"], case["year"], case["report_type"], when=str(case.get("date") or ""))
        facts = [Fact(f"F{i}", text, extract_figures(text)) for i, text in enumerate(case["facts"], 1)]
        classify_all(facts, meta)
        outline = make_outline(facts, kind, meta, index, exclude_docs=tuple(case.get("exclude_docs", [])))
        for fact in facts:
            if fact.id in expected:
                results.append(Result(path.stem, fact.text, str(expected[fact.id]), placed(kind, fact, outline)))
    return results


def summary(results: list[Result]) -> float:
    return sum(r.ok for r in results) / len(results) if results else 1.0


def main() -> None:
    from retrieval.index import ReportIndex

    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent / "corpus"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = ReportIndex(Path(tmp))
        index.index_corpus(Path(args.corpus))
        for name, results in (("seeds (leave-one-out)", seed_results(index)),
                              ("hand-labelled cases", case_results(index))):
            print(f"{name}: {sum(r.ok for r in results)}/{len(results)} = {summary(results):.1%}")
            for r in results:
                if not r.ok:
                    print(f"   ✗ [{r.source}] expected {r.expected}, got {r.got}: {r.text[:50]}")


if __name__ == "__main__":
    main()
