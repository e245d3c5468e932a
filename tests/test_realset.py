"""The real-report yardstick (evals/realset): drafts of facts taken out of real reports, scored
against where the real drafter put each fact. The floor here rises as placement improves."""

from __future__ import annotations

from drafting.domain.types import Draft, DraftMeta, Section
from evals.realset import REALSET, areas, fact_units, overall, run, score_case


def _draft(*sections: Section) -> Draft:
    return Draft(DraftMeta(org="某县妇女联合会", year=2023, report_type="fazhi"), [], list(sections))


def test_a_fact_is_found_in_the_subsection_its_marker_sits_in():
    draft = _draft(Section("s1", "measures", "主要举措和成效",
                           "导语【F1】。\n（一）加强学法用法。学习民法典【F2】；旁听庭审【F3】。\n（二）普法宣传。发放资料【F4】。"))
    units = fact_units(draft)
    assert units["F1"].sub == 0 and units["F1"].first
    assert units["F2"].key == units["F3"].key == ("s1", 1)
    assert units["F2"].first and not units["F3"].first
    assert units["F4"].sub == 2 and units["F4"].title == "普法宣传"


def test_framing_said_after_its_work_in_one_sentence_is_no_item_but_one_on_its_own_is():
    draft = _draft(Section("s1", "measures", "主要举措和成效",
                           "（一）加强学法。组织学习【F1】，鼓励她们学以致用【F2】；努力开创新局面【F3】。"))
    case = {"report_type": "fazhi", "facts": ["组织学习", "鼓励她们学以致用", "努力开创新局面"],
            "expected_placement": {f"F{n}": {"heading": "一、加强学法", "role": "measures"} for n in (1, 2, 3)}}
    score = score_case("x", case, {"guiding": ["F2", "F3"]}, draft)
    assert [s.split()[0] for s in score.stray] == ["F3"]


def test_the_scorer_counts_cohesion_separation_drops_and_strays():
    case = {"report_type": "fazhi", "facts": ["学习民法典", "旁听庭审", "发放资料", "始终将学法作为基础工作来抓"],
            "expected_placement": {
                "F1": {"heading": "一、加强学法", "role": "measures"},
                "F2": {"heading": "一、加强学法", "role": "measures"},
                "F3": {"heading": "二、深化普法宣传", "role": "measures"},
                "F4": {"heading": "一、加强学法", "role": "measures"}}}
    draft = _draft(Section("s1", "measures", "加强学法用法", "学习民法典【F1】。"),
                   Section("s2", "measures", "深化普法宣传", "旁听庭审【F2】；发放资料【F3】。"))
    score = score_case("x", case, {"guiding": ["F4"], "dependent": {"F2": "F1"}}, draft)
    assert score.roles_right == 3  # F4 is nowhere: its role is "none"
    assert score.dropped == []  # a guiding statement may be left out
    # one sub-area: F1-F2 (split), F1-F4 and F2-F4 (F4 absent) — none kept together
    assert (score.cohesion_kept, score.cohesion_pairs) == (0, 3)
    # different headings: F1-F3 apart (kept), F2-F3 together, F3-F4 (F4 absent)
    assert (score.separation_kept, score.separation_pairs) == (1, 3)
    # work areas: F1 学法→学法 and F3 普法→普法 right; F2 学法→普法 and the absent F4 wrong
    assert (score.placed_right, score.placed) == (2, 4)
    assert any("F2 离开" in s for s in score.stray)
    assert score.real_skeleton == "themed" and score.draft_skeleton == "themed"


def test_work_areas_come_from_the_eval_table_not_the_placer():
    assert areas("（一）持续强化习近平法治思想宣传贯彻") == {"publicity", "study"}
    assert areas("多方联动") == set()


def test_real_reports_floor(seed_index):
    """Measured on evals/realset with the five seeds as the corpus; see docs/BENCHMARKS.md. Every
    target of issue 27 is met (role ≥ 95 %, placement ≥ 85 %, cohesion and separation ≥ 75 %, none
    dropped, no guiding or dependent statement as an item); the floor holds what is, above them, so
    that no change goes back."""
    figures = overall(run(seed_index))
    assert figures["facts"] == 158
    assert figures["role_accuracy"] >= 0.96
    assert figures["placement"] >= 0.89
    assert figures["cohesion"] >= 0.90 and figures["separation"] >= 0.79
    assert figures["dropped"] == 0 and figures["stray"] == 0


def test_held_out_reports_floor(seed_index):
    """The 14 reports collected after the rules were written (evals/heldout)."""
    figures = overall(run(seed_index, REALSET.parent / "heldout"))
    assert figures["facts"] == 142
    assert figures["role_accuracy"] >= 0.88 and figures["placement"] >= 0.74
    assert figures["cohesion"] >= 0.67 and figures["separation"] >= 0.91 and figures["dropped"] == 0
    assert figures["stray"] == 0
