"""What a chat model adds around a section never reaches the report: prefaces, repeated headings,
Markdown and closing chatter are removed; prompt lines echoed back are caught and repaired; figures
it rewrote are put back as the user wrote them; a section it cannot get right is shown as the
offline text, flagged, with its attempt kept."""

from __future__ import annotations

import re

import pytest

from drafting.domain.facts import parse_facts
from drafting.domain.findings import Finding, Severity
from drafting.domain.meta import build_meta
from drafting.domain.types import Draft, Section
from drafting.review import CHECKS, run_checks
from drafting.review.hygiene import hygiene
from drafting.write.figure_repair import repair_figures
from drafting.write.tidy import tidy
from drafting.write.validate import check_section, refresh_flags
from evals.fixtures.fake_model import ModelServer

from .conftest import qingchuan
from .test_llm import _draft, _writer

BODY = "一是全年开展普法宣传28场次【F1】；二是开展会前学法16次【F2】。"
HEADING = "深入开展普法宣传，营造浓厚法治氛围"


# -- tidy: removed deterministically before any check ----------------------------------------
@pytest.mark.parametrize("answer", [
    f"好的，以下是“{HEADING}”的正文：\n{BODY}",
    f"好的。\n\n{BODY}",
    f"以下是本部分正文：\n{BODY}",
    f"当然，这是修改后的正文：\n{BODY}",
    f"根据您提供的事实，本部分正文如下：\n{BODY}",
])
def test_a_chat_preface_is_removed(answer):
    assert tidy(answer, HEADING) == BODY


@pytest.mark.parametrize("repeated", [f"一、{HEADING}", HEADING, f"## {HEADING}", f"**一、{HEADING}**",
                                      f"# 一、{HEADING}：", f"（一）{HEADING}"])
def test_the_sections_own_heading_is_not_repeated_in_its_text(repeated):
    assert tidy(f"{repeated}\n{BODY}", HEADING) == BODY


def test_preface_and_heading_together_leave_only_the_body():
    assert tidy(f"好的，以下是正文：\n\n一、{HEADING}\n\n{BODY}", HEADING) == BODY


@pytest.mark.parametrize("closing", ["希望对您有帮助！", "如需调整，请告诉我。",
                                     "以上是本部分正文，如有需要我可以再修改。",
                                     "希望以上内容有所帮助。如需调整请告诉我。"])
def test_closing_chatter_is_removed_on_its_own_line_or_after_the_last_sentence(closing):
    assert tidy(f"{BODY}\n\n{closing}", HEADING) == BODY
    assert tidy(f"{BODY}{closing}", HEADING) == BODY


def test_markdown_headings_list_markers_and_bold_are_removed():
    answer = ("### 普法宣传\n- **普法宣传**：全年开展普法宣传28场次【F1】\n* 开展会前学法16次【F2】。\n"
              "1. 受理信访案件43件【F3】\n---\n```")
    assert tidy(answer, HEADING) == ("普法宣传\n普法宣传：全年开展普法宣传28场次【F1】。\n开展会前学法16次【F2】。\n"
                                     "受理信访案件43件【F3】。")


@pytest.mark.parametrize("official", [
    "当然，工作中还存在一些不足。一是普法力量不足。",
    "好家风建设扎实推进，开展活动12场次【F1】。",
    "1.加强组织领导。成立工作领导小组。\n2.强化队伍建设。组建普法志愿者队伍。",
    "（一）强化组织领导。召开专题会议研究部署。",
    "全年开展**场次普法宣传。",  # a masked value stays for the leftovers check to name
    "困难妇女希望得到更多帮助。",
    "打造“妇联邀您来学法”专栏，推送文章90余篇【F1】。",  # 您 in a name the user gave
])
def test_official_prose_is_left_as_it_is(official):
    assert tidy(official, HEADING) == official


# -- hygiene: what tidy cannot safely remove is found --------------------------------------
def _draft_with(text: str) -> Draft:
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    return Draft(meta=meta, facts=parse_facts("全年开展普法宣传28场次\n开展会前学法16次"),
                 sections=[Section("s1", "measures", HEADING, text, ["F1", "F2"])])


@pytest.mark.parametrize("planted, what", [
    ("请写出本部分正文。", "提示词原文"),
    ("本部分事实：全年开展普法宣传。", "提示词原文"),
    ("本部分标题：深入开展普法宣传。", "提示词原文"),
    ("【范例1】县妇联高度重视普法工作。", "提示词原文"),
    ("依据F4、F5、F6开展工作。", "裸露的事实编号"),
    ("好的，下面继续。", "对话用语"),
    ("如需调整请告诉我。", "对话用语"),
    ("县妇联**高度重视**普法工作。", "Markdown 标记"),
])
def test_prompt_echo_chat_and_markdown_in_a_sentence_are_found_with_the_sentence(planted, what):
    result = hygiene(_draft_with(BODY + planted))
    assert not result.passed
    finding = result.findings[0]
    assert what in finding.message and finding.section_id == "s1" and finding.sentence == planted


@pytest.mark.parametrize("line", ["## 普法宣传", "- 开展普法宣传。", "1. 开展普法宣传。", "> 开展普法宣传。"])
def test_a_markdown_mark_at_a_line_start_is_found(line):
    result = hygiene(_draft_with(f"{BODY}\n{line}"))
    assert not result.passed and "Markdown" in result.findings[0].message


def test_chat_words_inside_the_users_own_facts_are_not_residue():
    meta = build_meta("银川市妇女联合会", 2023, "pufa", when="2024-01-20")
    draft = Draft(meta=meta, facts=parse_facts("在微信公众平台打造“妇联邀您来学法”专栏"),
                  sections=[Section("s1", "measures", HEADING, "打造“妇联邀您来学法”专栏【F1】。", ["F1"])])
    assert hygiene(draft).passed


def test_clean_official_prose_passes_and_the_check_is_registered():
    clean = f"{BODY}\n1.加强组织领导。成立领导小组。\n（一）强化宣传。开展活动【F1】。"
    assert hygiene(_draft_with(clean)).passed
    assert hygiene in CHECKS


def _writer_view(seed_index):
    """What the writer checks against: the draft's context and a section holding F1 and F2."""
    from drafting.plan.start import new_draft
    from drafting.write.pipeline import context_for

    draft = new_draft(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"),
                      "全年开展普法宣传28场次\n开展会前学法16次", seed_index)
    return context_for(draft, seed_index), Section("s1", "measures", HEADING, BODY, ["F1", "F2"])


def test_scaffold_is_a_blocking_problem_for_the_writer(seed_index):
    ctx, section = _writer_view(seed_index)
    problems = check_section(BODY + "请写出本部分正文。", section, ctx)
    assert [(p.check, p.blocking) for p in problems] == [("hygiene", True)]
    assert problems[0].section_id == section.id and problems[0].sentence == "请写出本部分正文。"


# -- figures rewritten into equal ones are put back ------------------------------------------
FACTS = parse_facts("发放宣传资料8万余册\n开展会前学法16次\n投入经费19.06万元\n建成两个阵地\n"
                    "辐射超10万人次\n讲授党课1次")
REWRITES = [  # (the model wrote, the user's text)
    ("8万多册", "8万余册"),        # 余 → 多
    ("80000余册", "8万余册"),      # 万 multiplied out
    ("190600元", "19.06万元"),     # 万元 written out as 元
    ("19.06万", "19.06万元"),      # 万元 written as 万
    ("十六次", "16次"),            # an Arabic figure in Chinese numerals
    ("１６次", "16次"),            # full-width digits
    ("16 次", "16次"),             # a space inside
    ("2个", "两个"),               # a Chinese figure in Arabic numerals
    ("一次", "1次"),              # 1 in Chinese (the parser reads 一次 as no figure)
    ("超100000人次", "超10万人次"),
]


@pytest.mark.parametrize("written, original", REWRITES)
def test_a_rewritten_figure_is_put_back_as_the_user_wrote_it(written, original):
    text, rewrites = repair_figures(f"全年{written}【F1】，成效明显。", FACTS)
    assert text == f"全年{original}【F1】，成效明显。"
    assert [(r.written, r.original) for r in rewrites] == [(written, original)]


@pytest.mark.parametrize("changed", ["8万册", "9万余册", "10万人次", "17次", "19.06万人次"])
def test_a_figure_that_changed_its_value_or_qualifier_is_not_guessed_at(changed):
    assert repair_figures(f"全年{changed}【F1】。", FACTS) == (f"全年{changed}【F1】。", [])


def test_two_user_figures_that_read_the_same_are_ambiguous_and_left_alone():
    facts = parse_facts("发放资料8万余册\n赠送图书8万多册")
    assert repair_figures("共80000余册。", facts) == ("共80000余册。", [])


# -- the writer, against a model that slips ---------------------------------------------------
SLIPS = "preface+heading+markdown+chatter+rewrite+scaffold"
FACT_FIGURES = ["28场次", "8万余册", "16次", "43件", "100%", "1次"]


def _verbatim(draft) -> None:
    text = "\n".join(s.text for s in draft.sections)
    for figure in FACT_FIGURES:
        assert figure in text, figure
    assert not re.search(r"[０-９]|八万|八千|十六次|80000", text)


def test_slips_in_the_first_answer_and_a_clean_repair_give_a_clean_draft(seed_index, tmp_path):
    with ModelServer([SLIPS, "good"] * 6) as server:  # per section: a slipping answer, a clean repair
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1"))
    assert all(r.passed for r in run_checks(draft)), [f.message for r in run_checks(draft) for f in r.findings]
    assert not any(s.flags or s.attempt for s in draft.sections)
    _verbatim(draft)
    assert any("本部分事实：F" in r["messages"][-1]["content"] and "没有通过核对" in r["messages"][-1]["content"]
               for r in server.model.requests), "the scaffold echo went back for repair"
    assert draft.tokens.figures_restored > 0


@pytest.mark.parametrize("slips", ["preface+heading+markdown+chatter+rewrite", "rewrite"])
def test_slips_tidy_and_figure_repair_can_fix_need_no_model_call(seed_index, tmp_path, slips):
    with ModelServer([slips] * 100) as server:
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1"))
    assert not any("没有通过核对" in r["messages"][-1]["content"] for r in server.model.requests)
    assert all(r.passed for r in run_checks(draft))
    _verbatim(draft)


@pytest.mark.parametrize("slips", [SLIPS, "foreign"])  # "invent": tests/test_llm.py
def test_a_model_that_never_fixes_its_slips_never_has_its_text_shown(seed_index, tmp_path, slips):
    with ModelServer([slips] * 100) as server:
        draft = _draft(seed_index, _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1"))
    assert all(r.passed for r in run_checks(draft)), [f.message for r in run_checks(draft) for f in r.findings]
    body = [s for s in draft.sections if s.role != "preamble"]
    assert body and all(s.flags[0].message.startswith("显示的是离线起草稿") for s in body)
    assert all(s.flags[0].check == "model_rejected" and s.flags[0].severity is Severity.WARNING for s in body)
    assert all(s.attempt and s.attempt != s.text for s in body), "the model's attempt is kept as a version"
    assert draft.tokens.rejected == len(body)


def test_re_running_the_checks_after_an_edit_clears_what_was_fixed(seed_index):
    from dataclasses import replace

    ctx, section = _writer_view(seed_index)
    stale = Finding("stale_figure", "F2 的“16次”与上年报告相同，请核实", Severity.WARNING, section_id=section.id)
    wrong = replace(section, text=BODY + "另培训骨干60人。", flags=[stale])
    flagged = refresh_flags(refresh_flags(wrong, ctx), ctx)
    invented = [f for f in flagged.flags if "无出处" in f.message]
    assert [(f.message, f.sentence) for f in invented] == [("数字无出处：60人（事实里没有这个数字）",
                                                             "另培训骨干60人。")]
    first = invented[0]
    assert (first.check, first.severity, first.blocking) == ("figure_accuracy", Severity.ERROR, True)
    fixed = refresh_flags(replace(flagged, text=BODY), ctx)
    assert fixed.flags == [stale], "only warnings about how the section came to be stay"


def test_an_edit_that_fixes_a_problem_clears_its_flag_and_one_that_makes_it_adds_it(tmp_path, seed_index):
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    draft = bench.outline(qingchuan("全年开展普法宣传28场次"))
    draft = next(e.draft for e in bench.write(draft) if e.kind == "finished")
    section = next(s for s in draft.sections if "F1" in s.fact_ids)
    broken = bench.edit(draft, section.id, section.text + "另培训骨干60人。")
    assert any("60人" in f.message for f in broken.section(section.id).flags)
    again = bench.edit(broken, section.id, section.text + "另培训骨干60人。")
    again_flags = again.section(section.id).flags
    assert sum("数字无出处：60人" in f.message for f in again_flags) == 1, "recomputed, not accumulated"
    fixed = bench.edit(again, section.id, section.text)
    assert fixed.section(section.id).flags == [] and bench.store.load(draft.id).section(section.id).flags == []


def test_a_later_good_answer_replaces_the_offline_text_and_drops_the_kept_attempt(seed_index, tmp_path):
    from drafting.write.pipeline import regenerate_section

    with ModelServer(["foreign"] * 3) as server:  # one section: answer and two repairs, all wrong
        writer = _writer(tmp_path, server.url, REPORTDRAFT_CONCURRENCY="1")
        draft = _draft(seed_index, writer)
        target = next(s for s in draft.sections if s.attempt)
        again = regenerate_section(draft, target.id, writer, seed_index).section(target.id)
    assert "古县" in target.attempt and "古县" not in target.text
    assert again.attempt == "" and not again.flags and "古县" not in again.text
