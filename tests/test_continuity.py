"""Last year's report as the starting point: plans closed, figures compared, own wording allowed,
stale figures flagged — and no earlier report means drafting as usual."""

from __future__ import annotations

import pytest

from drafting.domain.meta import build_meta
from drafting.output.render import to_text
from drafting.plan.continuity import accept_comparisons
from drafting.review import run_checks
from drafting.shell.cli import main
from drafting.write.pipeline import context_for, new_draft, write_draft

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
    assert info["found"] and info["doc"] == SEEDS["wanyuan"] and info["year"] == 2023
    done = [row for row in info["plans"] if row["status"] == "done"]
    assert any("偏远地区普法宣传" in row["item"] and row["fact_ids"] == ["F3"] for row in done)
    assert any(row["status"] == "not_mentioned" for row in info["plans"]), "unmatched plans are a question"


def test_comparisons_are_computed_with_formula_and_both_sources(wanyuan_2024):
    offers = {o["fact_id"] + o["subject"]: o for o in wanyuan_2024.previous["comparisons"]}
    talks = offers["F1普法宣传"]
    assert talks["text"] == "较上年增加7场次，同比增长25%"
    assert talks["formula"] == "35 − 28 = 7；7 ÷ 28 = 25.0%"
    assert "28场次" in talks["last_sentence"] and talks["chunk_id"].startswith(SEEDS["wanyuan"])
    petitions = offers["F4妇女儿童信访案件"]
    assert petitions["text"] == "较上年减少13件，同比下降30%"
    assert all(o["figure"] != "9万余册" for o in offers.values()), "approximations are not subtracted"


def test_an_accepted_comparison_is_in_the_draft_marked_derived_and_passes_the_checks(wanyuan_2024, seed_index):
    index = next(i for i, o in enumerate(wanyuan_2024.previous["comparisons"]) if o["fact_id"] == "F1")
    draft = write_draft(accept_comparisons(wanyuan_2024, [index]), index=seed_index)
    text = to_text(draft)
    assert "普法宣传较上年增加7场次【D1】，同比增长25%【D1】" in text
    derived = draft.fact("D1").derived
    assert derived["formula"].startswith("35 − 28") and derived["from"] == "F1"
    assert all(r.passed for r in run_checks(draft, context_for(draft, seed_index).guard))


def test_a_comparison_not_accepted_stays_out(wanyuan_2024, seed_index):
    draft = write_draft(wanyuan_2024, index=seed_index)
    assert "较上年" not in to_text(draft)


def test_the_draft_answers_last_years_plan_that_was_done(wanyuan_2024, seed_index):
    text = to_text(write_draft(wanyuan_2024, index=seed_index))
    assert "落实上年度“加强偏远地区普法宣传”的安排，加强偏远地区普法宣传，开展送法进山村活动12场次【F3】" in text


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
    assert "F2 的“16次”与上年报告相同，请核实" in section.flags


def test_no_earlier_report_says_so_and_drafts_as_usual(seed_index):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    draft = new_draft(meta, FACTS_2024, seed_index)
    assert draft.previous == {"found": False, "message": "索引中没有青川县妇女联合会往年的同类报告：按常规起草。"}
    written = write_draft(draft, index=seed_index)
    assert "较上年" not in to_text(written) and "落实上年度" not in to_text(written)


def test_cli_shows_the_plan_table_and_takes_comparisons(data_dir, tmp_path, capsys):
    facts = tmp_path / "facts.txt"
    facts.write_text(FACTS_2024, encoding="utf-8")
    args = ["draft", "--facts", str(facts), "--type", "fazhi", "--org", "万源市妇女联合会", "--year", "2024",
            "--md", str(tmp_path / "d.md"), "--accept-comparisons", "all"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "上年工作计划落实情况" in err and "已落实（F3）" in err and "未提及（请确认）" in err
    assert "[1] F1 普法宣传较上年增加7场次" in err
    assert "较上年增加7场次【D1】" in (tmp_path / "d.md").read_text(encoding="utf-8")
