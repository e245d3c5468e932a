"""The checks are tested themselves: each planted defect fails its check, a clean draft passes."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.review import findings_by_section, run_checks
from drafting.shell.cli import main
from drafting.write.pipeline import context_for

FACTS = """全年开展普法宣传28场次，发放宣传资料8万余册
开展会前学法16次
受理信访案件43件，办结率100%
基层普法力量不足"""


@pytest.fixture
def clean(seed_index):
    meta = build_meta("万源市妇女联合会", 2023, "fazhi", when="2024-01-20")
    return draft_report(meta, FACTS, index=seed_index)


def _failed(draft, seed_index):
    results = run_checks(draft, context_for(draft, seed_index).guard)
    return {r.name: r for r in results if not r.passed}


def _edit(draft, role, old, new):
    section = next(s for s in draft.sections if s.role == role and old in s.text)
    sections = [replace(s, text=s.text.replace(old, new)) if s is section else s for s in draft.sections]
    return replace(draft, sections=sections), section.id


def test_a_clean_draft_passes_every_check(clean, seed_index):
    assert _failed(clean, seed_index) == {}


def test_a_dropped_qualifier_is_an_altered_figure(clean, seed_index):
    bad, section_id = _edit(clean, "measures", "8万余册", "8万册")
    failed = _failed(bad, seed_index)
    finding = failed["figure_accuracy"].findings[0]
    assert "8万册" in finding.message and "8万余册" in finding.message
    assert finding.section_id == section_id and "8万册" in finding.sentence
    assert failed["figure_accuracy"].metrics["recall"] < 1


def test_an_invented_figure_is_caught(clean, seed_index):
    bad, _ = _edit(clean, "measures", "28场次【F1】", "28场次【F1】，培训骨干60人")
    assert "60人" in _failed(bad, seed_index)["figure_accuracy"].findings[0].message


def test_nineteenth_congress_in_a_2023_report_is_caught(clean, seed_index):
    bad = replace(clean, sections=[replace(s, text=s.text.replace("党的二十大", "党的十九大"))
                                   if s.role == "preamble" else s for s in clean.sections])
    assert "十九大" in _failed(bad, seed_index)["time_wording"].findings[0].message


def test_a_plenum_not_yet_held_and_a_law_not_yet_adopted_are_caught(seed_index):
    meta = build_meta("青川县妇女联合会", 2019, "fazhi", when="2020-01-20")
    draft = draft_report(meta, "宣传《家庭教育促进法》5场次", index=seed_index)
    draft.sections[0].text += "学习贯彻十九届六中全会精神和习近平法治思想。"
    messages = " ".join(f.message for f in _failed(draft, seed_index)["time_wording"].findings)
    assert "家庭教育促进法" in messages and "六中全会" in messages and "习近平法治思想" in messages


def test_another_countys_name_in_a_wanyuan_draft_is_caught(clean, seed_index):
    bad, _ = _edit(clean, "measures", "开展会前学法", "学习古县经验，开展会前学法")
    assert "古县" in _failed(bad, seed_index)["foreign_particulars"].findings[0].message


def test_a_missing_first_responsible_section_names_the_rule(clean, seed_index):
    bad = replace(clean, sections=[s for s in clean.sections if s.role != "first_responsible"])
    message = _failed(bad, seed_index)["required_sections"].findings[0].message
    assert "第一责任人" in message and "法治政府建设与责任落实督察工作规定" in message


def test_headings_one_three_without_two_are_caught(clean, seed_index):
    body = clean.body_sections()
    sections = [replace(s, heading="一、" + s.heading) if s is body[0] else
                replace(s, heading="三、" + s.heading) if s is body[1] else s for s in clean.sections]
    assert "序号不连续" in _failed(replace(clean, sections=sections), seed_index)["form"].findings[0].message
    gap, _ = _edit(clean, "measures", "开展会前学法", "开展会前学法")
    section = gap.body_sections()[0]
    gapped = replace(gap, sections=[replace(s, text="（一）学法。\n（三）普法。") if s is section else s
                                    for s in gap.sections])
    assert any("（一）" in f.message for f in _failed(gapped, seed_index)["form"].findings)


def test_masks_empty_sections_and_bad_markers_are_caught(clean, seed_index):
    bad, _ = _edit(clean, "measures", "16次【F2】", "*次【F2】，资料XX份")
    assert _failed(bad, seed_index)["leftovers"]
    empty = replace(clean, sections=[replace(s, text="") if s.role == "plans" else s for s in clean.sections])
    assert "空的" in _failed(empty, seed_index)["leftovers"].findings[0].message
    unmarked, _ = _edit(clean, "measures", "28场次【F1】", "28场次")
    assert "没有来源标记" in " ".join(f.message for f in _failed(unmarked, seed_index)["markers"].findings)
    wrong, _ = _edit(clean, "measures", "28场次【F1】", "28场次【F9】")
    assert "F9" in _failed(wrong, seed_index)["markers"].findings[0].message


def test_results_group_by_section_for_the_interface(clean, seed_index):
    bad, section_id = _edit(clean, "measures", "8万余册", "8万册")
    grouped = findings_by_section(run_checks(bad, context_for(bad, seed_index).guard))
    assert section_id in grouped and grouped[section_id][0][0] == "数字准确"


def test_cli_eval_prints_a_table_and_exits_nonzero_on_failure(clean, data_dir, tmp_path, capsys):
    good = tmp_path / "good.json"
    good.write_text(clean.to_json(), encoding="utf-8")
    assert main(["eval", str(good)]) == 0
    bad_draft, _ = _edit(clean, "measures", "8万余册", "8万册")
    bad = tmp_path / "bad.json"
    bad.write_text(bad_draft.to_json(), encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", str(bad), "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"]: r["passed"] for r in rows}["figure_accuracy"] is False


def test_the_case_set_passes_on_the_offline_backend(data_dir, capsys):
    assert main(["eval", "--cases", "evals/cases", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["cases"] >= 13
    assert report["summary"]["precision"] == 1.0 and report["summary"]["recall"] == 1.0


def test_comparing_with_the_llm_backend_needs_a_model_and_says_so(data_dir, capsys):
    assert main(["eval", "--cases", "evals/cases", "--backend", "offline", "--backend", "llm"]) == 2
    assert "OPENAI_BASE_URL" in capsys.readouterr().err
