"""Last year's report as the starting point: plans closed, figures compared, own wording allowed,
stale figures flagged — and no earlier report means drafting as usual."""

from __future__ import annotations

import pytest

from drafting.domain.last_year import LastYear
from drafting.domain.meta import build_meta
from drafting.output.render import to_text
from drafting.plan.comparisons import accept_comparisons
from drafting.plan.continuity import previous_lines
from drafting.plan.start import new_draft
from drafting.review import run_checks
from drafting.shell.cli import main
from drafting.write.pipeline import context_for, write_draft

from .conftest import SEEDS

FACTS_2024 = """全年开展普法宣传35场次，发放宣传资料9万余册，辐射人群超12万人次
开展会前学法16次，年度学法考试优秀率达到100%
加强偏远地区普法宣传，开展送法进山村活动12场次
受理妇女儿童信访案件30件，办结率100%
依托“法治赶场”在乡镇集市开展普法宣传8场次"""


@pytest.fixture
def wanyuan_2024(seed_index):
    meta = build_meta("万源市妇女联合会", 2024, "fazhi", when="2025-01-20")
    return new_draft(meta, FACTS_2024, seed_index)


def test_last_years_report_is_found_and_its_plans_are_matched(wanyuan_2024):
    info = wanyuan_2024.previous
    assert info.found and info.doc == SEEDS["wanyuan"] and info.year == 2023
    done = [row for row in info.plans if row.status == "done"]
    remote = next(row for row in done if "偏远地区普法宣传" in row.item)
    assert remote.answers["F3"] == "加强偏远地区普法宣传", "a fact answers the clause naming its work"
    assert any(row.status == "not_mentioned" for row in info.plans), "unmatched plans are a question"


def test_comparisons_are_computed_with_formula_and_both_sources(wanyuan_2024):
    offers = {o.fact_id + o.subject: o for o in wanyuan_2024.previous.comparisons}
    talks = offers["F1普法宣传"]
    assert talks.text == "较上年增加7场次，同比增长25%"
    assert talks.formula == "35 − 28 = 7；7 ÷ 28 = 25.0%"
    assert "28场次" in talks.last_sentence and talks.chunk_id.startswith(SEEDS["wanyuan"])
    petitions = offers["F4妇女儿童信访案件"]
    assert petitions.text == "较上年减少13件，同比下降30.2%", "one decimal, as reports write it"
    assert all(o.figure != "9万余册" for o in offers.values()), "approximations are not subtracted"


def test_an_accepted_comparison_is_in_the_draft_marked_derived_and_passes_the_checks(wanyuan_2024, seed_index):
    index = next(i for i, o in enumerate(wanyuan_2024.previous.comparisons) if o.fact_id == "F1")
    draft = write_draft(accept_comparisons(wanyuan_2024, [index]), index=seed_index)
    text = to_text(draft)
    assert "普法宣传较上年增加7场次【D1】，同比增长25%【D1】" in text
    derived = draft.fact("D1").derived
    assert derived.formula.startswith("35 − 28") and derived.source == "F1"
    assert all(r.passed for r in run_checks(draft, context_for(draft, seed_index).guard))


def test_a_comparison_not_accepted_stays_out(wanyuan_2024, seed_index):
    draft = write_draft(wanyuan_2024, index=seed_index)
    assert "较上年" not in to_text(draft)


def test_the_draft_answers_last_years_plan_that_was_done(wanyuan_2024, seed_index):
    text = to_text(write_draft(wanyuan_2024, index=seed_index))
    assert "落实上年度工作安排，加强偏远地区普法宣传，开展送法进山村活动12场次【F3】" in text, "the plan's words once"


def test_own_names_are_allowed_and_everyone_elses_still_blocked(wanyuan_2024, seed_index):
    own = context_for(wanyuan_2024, seed_index).guard
    assert "法治赶场" not in own.particulars and "万源" not in own.particulars
    assert "暖心刘妈" in own.particulars and "古县" in own.particulars
    other = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    assert "法治赶场" in context_for(new_draft(other, "开展普法宣传5场次", seed_index), seed_index).guard.particulars


def test_a_figure_copied_from_last_year_is_flagged(wanyuan_2024, seed_index):
    assert any(w.startswith("F2 的“16次”与上年报告相同") for w in wanyuan_2024.warnings)
    draft = write_draft(wanyuan_2024, index=seed_index)
    section = next(s for s in draft.sections if "F2" in s.fact_ids)
    assert "F2 的“16次”与上年报告相同，请核实" in [f.message for f in section.flags]


def test_no_earlier_report_says_so_and_drafts_as_usual(seed_index):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    draft = new_draft(meta, FACTS_2024, seed_index)
    assert draft.previous == LastYear(found=False, message="索引中没有青川县妇女联合会往年的同类报告：按常规起草。")
    assert draft.to_dict()["previous"] == {"found": False, "message": draft.previous.message}
    written = write_draft(draft, index=seed_index)
    assert "较上年" not in to_text(written) and "落实上年度" not in to_text(written)


def test_cli_shows_the_plan_table_and_takes_comparisons(data_dir, tmp_path, capsys):
    facts = tmp_path / "facts.txt"
    facts.write_text(FACTS_2024, encoding="utf-8")
    args = ["draft", "--facts", str(facts), "--type", "fazhi", "--org", "万源市妇女联合会", "--year", "2024",
            "--md", str(tmp_path / "d.md"), "--accept-comparisons", "all"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "上年工作计划落实情况" in err and "已落实（F1、F3、F5）" in err and "未提及（请确认）" in err
    assert "[1] F1 普法宣传较上年增加7场次" in err
    assert "较上年增加7场次【D1】" in (tmp_path / "d.md").read_text(encoding="utf-8")


# -- a federation's own 2023 report with plans that carry figures, and its 2024 facts -------------
LAST_YEAR = {
    "measures": "2023年度，县妇联共开展普法宣传28场次。培训婚姻家庭纠纷调解员150名。建成婚姻家庭纠纷调解室5个。"
                "协助3名妇女申请人身安全保护令。",
    "plans": "2024年，县妇联将建成10个婚姻家庭纠纷调解室；计划培训婚姻家庭纠纷调解员200名；加强偏远地区普法宣传。",
}
FACTS_WITH_PLANS = """全年开展普法宣传35场次
培训婚姻家庭纠纷调解员180名
新建婚姻家庭纠纷调解室9个
协助5名妇女申请人身安全保护令
2025年计划培训婚姻家庭纠纷调解员250名"""


class LastYearOnly:
    """An index holding one report: the federation's own 2023 report (what continuity reads)."""

    def documents(self):
        from retrieval.passages import DocInfo

        return [DocInfo("own2023", "青川县妇女联合会2023年度法治政府建设工作情况报告", "青川县妇女联合会", "县妇联",
                        "四川省广元市青川县", 2023, "fazhi", "2024-01-20", [])]

    def passages(self, doc):
        from retrieval.passages import Passage

        return [Passage(f"own2023#{n}", "own2023", "", "青川县妇女联合会", 2023, "fazhi", role, "", text)
                for n, (role, text) in enumerate(LAST_YEAR.items())]


@pytest.fixture
def with_plans():
    from drafting.domain.classify import classify_all
    from drafting.domain.facts import parse_facts
    from drafting.domain.types import Draft
    from drafting.plan.continuity import attach_previous

    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    draft = Draft(meta=meta, facts=classify_all(parse_facts(FACTS_WITH_PLANS), meta), sections=[])
    return attach_previous(draft, LastYearOnly())


def _offers(draft, kind=""):
    return {o.fact_id: o for o in draft.previous.comparisons if o.kind == kind}


def test_a_plan_or_target_is_never_compared_with_an_actual(with_plans):
    offers = _offers(with_plans)
    assert "F5" not in offers, "next year's target (2025年计划培训…250名) is not compared with anything"
    assert offers["F2"].text == "较上年增加30名，同比增长20%", "180 against last year's actual 150, not its plan 200"
    assert offers["F3"].text == "较上年增加4个，同比增长80%", "9 against last year's 5 built, never 较上年减少1个"
    assert all("减少" not in o.text for o in offers.values())


def test_against_last_years_plan_the_tool_says_how_much_was_done(with_plans):
    progress = _offers(with_plans, "plan")
    assert progress["F3"].text == "完成年度计划的90%" and progress["F3"].formula == "9 ÷ 10 = 90.0%"
    assert progress["F2"].text == "完成年度计划的90%" and "F5" not in progress


def test_a_plan_met_in_part_is_partly_done_with_its_share(with_plans):
    plans = {row.item: row for row in with_plans.previous.plans}
    sites = plans["建成10个婚姻家庭纠纷调解室"]
    assert plans["培训婚姻家庭纠纷调解员200名"].status == "partial"
    assert sites.status == "partial" and sites.progress == "完成年度计划的90%" and "F3" in sites.fact_ids
    assert plans["加强偏远地区普法宣传"].status == "not_mentioned", "普法 in general does not answer 偏远地区"
    lines = previous_lines(with_plans)
    assert any("建成10个婚姻家庭纠纷调解室 —— 部分落实" in line and "9 ÷ 10 = 90.0%" in line for line in lines)


def test_comparison_subjects_read_as_chinese(with_plans):
    offers = _offers(with_plans)
    said = {fid: o.subject + o.text for fid, o in offers.items()}
    assert said["F4"] == "协助申请人身安全保护令的妇女较上年增加2名，同比增长66.7%"
    assert said["F1"] == "普法宣传较上年增加7场次，同比增长25%"
    assert said["F3"].startswith("婚姻家庭纠纷调解室较上年增加4个")


@pytest.mark.parametrize("text, figure, subject", [
    ("全年开展普法宣传35场次", "35场次", "普法宣传"),
    ("受理妇女儿童信访案件30件，办结率100%", "30件", "妇女儿童信访案件"),
    ("协助5名妇女申请人身安全保护令", "5名", "协助申请人身安全保护令的妇女"),
    ("建成2个妇女儿童维权站点", "2个", "妇女儿童维权站点"),
    ("资助229名女学生", "229名", "资助女学生"),
    ("县司法局设立婚姻家庭纠纷调解室13个", "13个", "婚姻家庭纠纷调解室"),           # who did it is not what is counted
    ("县妇联联合县司法局开展法律援助30件", "30件", "法律援助"),
    ("联合县法院、公安局协助申请人身安全保护令5份", "5份", "协助申请人身安全保护令"),
    ("12338妇女维权热线全年接听来电120个", "120个", "12338妇女维权热线接听来电"),
])
def test_the_subject_of_a_figure_is_a_phrase_not_a_fragment(text, figure, subject):
    from drafting.plan.subjects import subject_phrase

    start = text.index(figure)
    assert subject_phrase(text, start, start + len(figure)) == subject


@pytest.mark.parametrize("value, decimals, written", [(22.857, 1, "22.9%"), (25.0, 1, "25%"), (-30.23, 1, "30.2%"),
                                                      (66.667, 0, "67%"), (12.345, 2, "12.35%")])
def test_percentages_as_reports_write_them(value, decimals, written):
    from drafting.plan.targets import percent

    assert percent(value, decimals) == written


def test_plan_items_a_reader_would_tick_are_done_and_none_wrongly(seed_index):
    """The labelled set (evals/plan_matching.yaml): seeds' plans and hand-written facts."""
    from evals.plan_eval import rows, score

    figures = score(rows(seed_index))
    assert figures["wrongly_done"] == 0, figures
    assert figures["recall"] >= 0.95, figures
    assert figures["right"] >= 0.95 * figures["scored"], "status, share and evidence as the reader labelled them"
