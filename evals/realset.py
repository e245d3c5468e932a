"""The real-report yardstick: draft every case of evals/realset and compare with the real report.

Each case holds facts taken, in order, out of a real report the tool has not seen, and for each
fact where the real drafter put it (evals/realset/README.md). The draft is read only through its
JSON: the section whose text carries a fact's 【F】 marker, and the （一）/（二） subsection inside it.

- role accuracy: the role of the fact's section equals the role of the real section.
- placement (within the measures): the work area of the draft unit's heading shares an area with
  the real unit's headings (its 一是 lead and its （一） subheading; its heading when those name none). Areas are
  lexicon/areas.py's keyword table, not the placer's, so the placer cannot grade itself;
  facts whose real heading names no area are not scored (counted as `unscored`).
- cohesion: of pairs of measures facts that sat in one real sub-area (same heading, subheading and
  lead), the share that sit in one unit of the draft (a section, or a subsection inside it).
- separation: of pairs of measures facts under different real top headings, the share that sit in
  different units of the draft.
- dropped: facts with work in them (not labelled guiding) that appear nowhere in the draft.
- guiding or dependent as items: labels.yaml names the framing statements (they must be in the
  preamble, open their unit, or be said after the work they frame in its own sentence) and the
  facts that continue the one before (they must sit in the unit of the fact they continue).
- skeleton: one measures section with subsections (statutory) or several themed sections, against
  the real report's (no threshold: both shapes are real).

    python -m evals.realset              # per case and overall; every miss listed
    python -m evals.realset --json
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from lexicon.areas import areas
from lexicon.roles import Role

REALSET = Path(__file__).resolve().parent / "realset"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"

GENERAL_HEADING = re.compile(r"举措|成效|工作情况|主要做法|工作回顾|推进.{0,12}情况|重点工作|工作开展|主要工作")
SUBSECTION = re.compile(r"^（([一二三四五六七八九十]+)）([^。]*)")
MARKER = re.compile(r"【(F\d+)】")
SENTENCE_END = re.compile(r"(?<=[。；])")


@dataclass(frozen=True)
class Unit:
    """Where a fact sits in the draft: its section, and the subsection inside it (0: none)."""

    section: str
    role: str
    heading: str
    sub: int = 0
    sub_heading: str = ""
    first: bool = False
    """The fact's sentence opens its unit (a lead, not an item among others)."""
    after_work: bool = False
    """The fact is written on in the sentence of another fact before it (…学习【F4】，鼓励她们…【F5】):
    said after the work as its purpose or aim, not an item of its own."""

    @property
    def key(self) -> tuple[str, int]:
        return (self.section, self.sub)

    @property
    def title(self) -> str:
        return self.sub_heading or self.heading


def fact_units(draft) -> dict[str, Unit]:
    """Fact id → the unit of the draft its first marker sits in."""
    units: dict[str, Unit] = {}
    for section in draft.sections:
        sub, sub_heading, opened = 0, "", False
        for paragraph in section.text.split("\n"):
            head = SUBSECTION.match(paragraph.strip())
            if head:
                sub, sub_heading, opened = _ordinal(head.group(1)), head.group(2), False
            for sentence in SENTENCE_END.split(paragraph):
                seen: list[str] = []
                for fact_id in MARKER.findall(sentence):
                    if fact_id not in units:
                        units[fact_id] = Unit(section.id, str(section.role), section.heading, sub, sub_heading,
                                              first=not opened, after_work=any(f != fact_id for f in seen))
                    seen.append(fact_id)
                    opened = True
    return units


def _ordinal(numeral: str) -> int:
    return "一二三四五六七八九十".index(numeral[-1]) + 1 + (10 if len(numeral) > 1 else 0)


@dataclass
class CaseScore:
    case: str
    kind: str
    facts: int
    roles_right: int = 0
    placed: int = 0
    placed_right: int = 0
    unscored: int = 0
    cohesion_pairs: int = 0
    cohesion_kept: int = 0
    separation_pairs: int = 0
    separation_kept: int = 0
    dropped: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)
    """Guiding statements written as items, dependent facts away from the fact they continue."""
    real_skeleton: str = ""
    draft_skeleton: str = ""
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0


def real_skeleton(expected: dict) -> str:
    headings = list(dict.fromkeys(p.get("heading") for p in expected.values() if p.get("role") == Role.MEASURES))
    if any(p.get("role") == Role.FIRST_RESPONSIBLE for p in expected.values()) and not headings:
        return "duty-first"
    headings = [h for h in headings if h]
    if not headings:
        return "unknown"
    if len(headings) == 1 and GENERAL_HEADING.search(headings[0]):
        return "statutory"
    return "themed"


def draft_skeleton(draft) -> str:
    measures = [s for s in draft.sections if s.role == Role.MEASURES]
    return "statutory" if len(measures) == 1 else "themed"


def score_case(name: str, case: dict, labels: dict, draft) -> CaseScore:
    expected = {k: v or {} for k, v in (case.get("expected_placement") or {}).items()}
    units = fact_units(draft)
    score = CaseScore(name, case["report_type"], len(case["facts"]),
                      real_skeleton=real_skeleton(expected), draft_skeleton=draft_skeleton(draft))
    texts = {f"F{i}": text for i, text in enumerate(case["facts"], 1)}
    guiding = set(labels.get("guiding") or [])
    for fact_id, where in expected.items():
        unit = units.get(fact_id)
        got = unit.role if unit else "none"
        if got == where.get("role") or _opening(where, got):
            score.roles_right += 1
        else:
            score.misses.append(f"{fact_id} role {where.get('role')} → {got}: {texts[fact_id][:40]}")
        if unit is None and fact_id not in guiding:
            score.dropped.append(fact_id)
        _score_area(score, fact_id, where, unit, texts[fact_id])
    _score_pairs(score, expected, units)
    _score_labels(score, labels, units, texts)
    return score


def _opening(where: dict, got: str) -> bool:
    """Honours in a report's unheaded opening paragraph (“(导语,无标题)”) are its preamble region."""
    return where.get("role") == Role.HIGHLIGHTS and "无标题" in (where.get("heading") or "") and got == Role.PREAMBLE


def _score_area(score: CaseScore, fact_id: str, where: dict, unit: Unit | None, text: str) -> None:
    if where.get("role") != Role.MEASURES:
        return
    real = areas(where.get("lead")) | areas(where.get("subheading")) or areas(where.get("heading"))
    if not real:
        score.unscored += 1
        return
    score.placed += 1
    got = areas(unit.title) | (areas(unit.heading) if unit and not unit.sub else set()) if unit else set()
    if unit and unit.role == Role.MEASURES and real & got:
        score.placed_right += 1
    else:
        title = unit.title if unit else "（未写入）"
        score.misses.append(f"{fact_id} area {sorted(real)} → “{title}” {sorted(got)}: {text[:40]}")


def _score_pairs(score: CaseScore, expected: dict, units: dict[str, Unit]) -> None:
    measures = [k for k, v in expected.items() if v.get("role") == Role.MEASURES]
    for a, b in combinations(measures, 2):
        pa, pb = expected[a], expected[b]
        same_area = all(pa.get(k) == pb.get(k) for k in ("heading", "subheading", "lead"))
        together = a in units and b in units and units[a].key == units[b].key
        if same_area:
            score.cohesion_pairs += 1
            score.cohesion_kept += together
        elif pa.get("heading") != pb.get("heading"):
            score.separation_pairs += 1
            score.separation_kept += a in units and b in units and not together


def _score_labels(score: CaseScore, labels: dict, units: dict[str, Unit], texts: dict) -> None:
    for fact_id in labels.get("guiding") or []:
        unit = units.get(fact_id)
        if unit and unit.role != Role.PREAMBLE and not unit.first and not unit.after_work:
            score.stray.append(f"{fact_id} 指导性表述成了条目（“{unit.title}”）: {texts[fact_id][:40]}")
    for fact_id, head in (labels.get("dependent") or {}).items():
        unit, head_unit = units.get(fact_id), units.get(head)
        if unit is None or head_unit is None or unit.key != head_unit.key:
            score.stray.append(f"{fact_id} 离开了它接续的 {head}: {texts[fact_id][:40]}")


def load_cases(directory: Path = REALSET) -> list[tuple[str, dict, dict]]:
    from drafting.shell.services import load_case

    labels = yaml.safe_load((directory / "labels.yaml").read_text(encoding="utf-8")) or {}
    return [(p.stem, load_case(p), labels.get(p.stem) or {}) for p in sorted((directory / "cases").glob("*.yaml"))]


def draft_case(case: dict, index):
    from drafting.engine import draft_report
    from drafting.shell.services import meta_from_case

    own = Path(case.get("report_file", "")).stem  # leave-one-out when the index holds the report itself
    return draft_report(meta_from_case(case), "\n".join(case["facts"]), index=index,
                        exclude_docs=tuple(case.get("exclude_docs", [])) + ((own,) if own else ()))


def run(index, directory: Path = REALSET) -> list[CaseScore]:
    import time

    scores = []
    for name, case, labels in load_cases(directory):
        started = time.perf_counter()
        draft = draft_case(case, index)
        score = score_case(name, case, labels, draft)
        score.seconds = round(time.perf_counter() - started, 3)
        scores.append(score)
    return scores


def overall(scores: list[CaseScore]) -> dict:
    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 1.0

    total = sum(s.facts for s in scores)
    skeleton_known = [s for s in scores if s.real_skeleton in ("statutory", "themed")]
    return {
        "cases": len(scores), "facts": total,
        "role_accuracy": ratio(sum(s.roles_right for s in scores), total),
        "placement": ratio(sum(s.placed_right for s in scores), sum(s.placed for s in scores)),
        "placement_scored": sum(s.placed for s in scores), "unscored": sum(s.unscored for s in scores),
        "cohesion": ratio(sum(s.cohesion_kept for s in scores), sum(s.cohesion_pairs for s in scores)),
        "separation": ratio(sum(s.separation_kept for s in scores), sum(s.separation_pairs for s in scores)),
        "dropped": sum(len(s.dropped) for s in scores),
        "stray": sum(len(s.stray) for s in scores),
        "skeleton_match": f"{sum(s.real_skeleton == s.draft_skeleton for s in skeleton_known)}/{len(skeleton_known)}",
        "max_seconds": max((s.seconds for s in scores), default=0.0),
    }


def print_report(scores: list[CaseScore]) -> None:
    for s in scores:
        print(f"{s.case:<40} 角色 {s.roles_right}/{s.facts}  归位 {s.placed_right}/{s.placed}  "
              f"聚合 {s.cohesion_kept}/{s.cohesion_pairs}  分开 {s.separation_kept}/{s.separation_pairs}  "
              f"骨架 {s.real_skeleton}→{s.draft_skeleton}  {s.seconds:.2f}s")
        for line in s.misses + [f"{f} 未写入草稿" for f in s.dropped] + s.stray:
            print(f"    ✗ {line}")
    print(json.dumps(overall(scores), ensure_ascii=False, indent=2))


def main() -> None:
    from retrieval.index import ReportIndex

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realset", default=str(REALSET))
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = ReportIndex(Path(tmp))
        index.index_corpus(Path(args.corpus))
        scores = run(index, Path(args.realset))
    if args.json:
        print(json.dumps({"overall": overall(scores), "cases": [asdict(s) for s in scores]},
                         ensure_ascii=False, indent=2))
    else:
        print_report(scores)


if __name__ == "__main__":
    main()
