"""What a reviewer fails and the checks used to pass (issue 22): each blind spot planted in a draft
fails its check, and the composer, given the paste that caused it, no longer writes it."""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.meta import build_meta
from drafting.domain.types import Draft, strip_markers
from drafting.engine import draft_report
from drafting.review import run_checks
from drafting.write.pipeline import context_for


def _failed(draft: Draft, seed_index) -> dict[str, list[str]]:
    results = run_checks(draft, context_for(draft, seed_index).guard)
    return {r.name: [f.message for f in r.findings] for r in results if not r.passed}


def _planted(draft: Draft, role: str, sentence: str) -> Draft:
    """The draft with one sentence added at the end of its first section of `role`."""
    section = next(s for s in draft.sections if s.role == role)
    sections = [replace(s, text=s.text + sentence) if s is section else s for s in draft.sections]
    return replace(draft, sections=sections)


def _text(draft: Draft, role: str | None = None) -> str:
    return "\n".join(strip_markers(s.text) for s in draft.sections if role is None or s.role == role)


def test_a_placeholder_in_the_title_and_the_signature_fails(seed_index):
    meta = build_meta("××区妇女联合会", 2024, "fazhi", when="2025-01-20", cc="XX办公室")
    draft = draft_report(meta, "开展普法宣传20场次", index=seed_index)
    assert "××" in draft.meta.title, "the title carries the name as given"
    found = _failed(draft, seed_index)["leftovers"]
    assert "单位全称里有占位内容（××），请改为实际名称" in found  # 标题 and 落款: one problem, said once
    assert "抄送里有占位内容（XX），请改为实际名称" in found
    titled = replace(draft, meta=replace(draft.meta, title="xx县妇联2022年度法治政府建设工作情况报告"))
    assert any(m.startswith("标题里有占位内容（xx）") for m in _failed(titled, seed_index)["leftovers"])


def test_a_2016_report_gets_no_wording_of_the_nineteenth_congress(seed_index):
    meta = build_meta("青川县妇女联合会", 2016, "zongjie", when="2017-01-20", today=None)
    draft = draft_report(meta, "开展“巾帼建功”活动10场次\n帮助妇女创业就业120人\n开展家庭教育讲座8场", index=seed_index)
    text = _text(draft)
    assert "新时代" not in text and "高质量发展" not in text, "stock and headings follow the writing date"
    assert "time_wording" not in _failed(draft, seed_index)
    planted = _planted(draft, "measures", "服务发展大局，建功新时代，在推动高质量发展中建功立业。")
    messages = " ".join(_failed(planted, seed_index)["time_wording"])
    assert "新时代" in messages and "高质量发展" in messages


def test_a_self_name_glued_to_a_fact_that_names_itself_fails_and_is_not_written(seed_index):
    meta = build_meta("中山市妇女联合会", 2023, "zongjie", when="2024-01-20")
    draft = draft_report(meta, "中山市妇联获评全省妇联系统“优秀”等次\n开展家庭教育讲座8场\n为困境儿童发放助学金5万元",
                         index=seed_index)
    assert "市妇联中山市妇联" not in _text(draft)
    assert "broken" not in _failed(draft, seed_index)
    planted = _planted(draft, "measures", "市妇联中山市妇联获评全省妇联系统“优秀”等次。")
    assert any("本单位名称重复" in m for m in _failed(planted, seed_index)["broken"])


def test_an_honour_of_another_body_is_not_credited_to_the_organisation(seed_index):
    meta = build_meta("广州市番禺区妇女联合会", 2023, "zongjie", when="2024-01-20")
    facts = "2023年3月新江镇新乐村巾帼种植专业合作社荣获全国巾帼文明岗\n获评全省维权先进集体\n开展家庭教育讲座8场"
    draft = draft_report(meta, facts, index=seed_index)
    text = _text(draft)
    assert "区妇联2023年3月新江镇" not in text, "the cooperative's honour stays the cooperative's"
    assert "区妇联获评全省维权先进集体" in text, "the organisation's own honour says whose it is"
    assert "broken" not in _failed(draft, seed_index)
    planted = _planted(draft, "measures", "区妇联2017年3月新江镇新乐村巾帼种植专业合作社荣获全国巾帼文明岗。")
    assert any("获奖主体" in m and "新江镇新乐村" in m for m in _failed(planted, seed_index)["broken"])


def test_a_duty_the_facts_state_is_said_once(seed_index):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    facts = "党组书记、主席履行法治建设第一责任人职责，带头讲授法治专题党课2次\n开展普法宣传20场次"
    draft = draft_report(meta, facts, index=seed_index)
    duty = _text(draft, "first_responsible")
    assert duty.count("第一责任人职责") == 1, duty
    assert "broken" not in _failed(draft, seed_index)
    planted = _planted(draft, "first_responsible",
                       "党组书记、主席认真履行推进法治建设第一责任人职责，履行法治建设第一责任人职责，带头述法。")
    assert any("说了两遍" in m for m in _failed(planted, seed_index)["broken"])


def test_a_pastes_numbering_punctuation_and_corner_quotes_are_gone_and_fail_when_left(seed_index):
    meta = build_meta("德州市司法局", 2023, "pufa", when="2024-01-20")
    facts = ("5、12338热线接听来电56个\n二是11、2024年计划开展培训3期\n①德州市住建局印发专门通知分解普法任务\n"
             "开办新媒体培训班,发动各村(社区)30余名群众参与培训\n开展「法律进万家」活动12场")
    draft = draft_report(meta, facts, index=seed_index)
    text = _text(draft)
    assert "12338热线接听来电56个" in text and "开展培训3期" in _text(draft, "plans")
    assert "11、" not in text and "①" not in text and "5、" not in text
    assert "培训班，发动各村（社区）30余名" in text and "“法律进万家”" in text
    assert "form" not in _failed(draft, seed_index)
    for planted, what in (("二是12、2026年计划开展培训。", "编号“12、”"), ("①德州市住建局印发专门通知。", "编号“①”"),
                          ("开办新媒体培训班,发动群众参与。", "半角标点"), ("开展「法律进万家」活动。", "直角引号")):
        found = _failed(_planted(draft, "measures", planted), seed_index)["form"]
        assert len(found) == 1 and what in found[0], (planted, found)


def test_a_work_summary_suggests_nothing_of_law_when_its_work_is_other(seed_index):
    federation = draft_report(build_meta("青川县妇女联合会", 2024, "zongjie", when="2025-01-20"),
                              "举办家庭教育讲座12场\n组织执委开展业务培训3期\n为困境儿童发放助学金11.6万元\n"
                              "新建巾帼创业就业基地3个", index=seed_index)
    street = draft_report(build_meta("安吉县昌硕街道办事处", 2022, "zongjie", when="2023-01-20", level="街道",
                                     body="街道办事处"),
                          "全年完成财政收入12.8亿元\n成功招引亿元以上项目3个\n完成老旧小区改造2个", index=seed_index)
    for draft in (federation, street):
        suggested = _text(draft, "shortcomings") + _text(draft, "plans")
        assert not any(word in suggested for word in ("普法", "法治", "执法", "法律法规")), suggested
    assert "经济发展" in _text(street, "shortcomings") + _text(street, "plans"), "the street's own work areas"


def test_a_half_year_pasted_as_annual_is_a_question_not_a_switch():
    from drafting.plan.start import new_draft

    meta = build_meta("青川县妇女联合会", 2024, "zongjie", when="2024-07-10")
    facts = "1月15日召开执委会议\n3月8日开展“三八”维权周宣传12场次\n4月10日举办家庭教育讲座\n5月20日开展评选活动"
    draft = new_draft(meta, facts)
    assert draft.meta.period == "annual"
    assert any("都在1—6月" in n and "改为上半年" in n for n in draft.meta.notices)


def test_one_fact_of_both_halves_keeps_an_annual_report_and_next_years_plan(seed_index):
    meta = build_meta("东城镇妇女联合会", 2023, "zongjie", when="2024-01-20")
    facts = "举办家庭教育讲座上半年2期，下半年2期\n开展“最美家庭”评选，推选最美家庭10户\n2024年计划开展“美丽庭院”创建"
    draft = draft_report(meta, facts, index=seed_index)
    assert draft.meta.period == "annual" and "上半年" not in draft.meta.title
    plans = _text(draft, "plans")
    assert "下半年" not in plans and "开展“美丽庭院”创建" in plans
    half = draft_report(build_meta("东城镇妇女联合会", 2023, "zongjie", when="2023-07-10", period="half"),
                        "上半年开展家庭教育讲座2期\n2024年计划开展“美丽庭院”创建", index=seed_index)
    assert "2024年计划开展“美丽庭院”创建" in _text(half, "plans"), "next year's plan is never this year's second half"


def test_two_plenums_the_paste_ran_together_are_asked_about_beside_the_sentence(seed_index):
    """党的十九届六中二十届一中全会精神: the paste lost its 、; the draft keeps the user's words and asks
    beside the sentence (the sixth reading's 011), and says nothing of a list written right."""
    from drafting.domain.meta import build_meta
    from drafting.engine import draft_report

    meta = build_meta("坡子街街道办事处", 2022, "fazhi", when="2023-01-10")
    glued = draft_report(meta, "认真传达学习贯彻党的二十大精神、党的十九届六中二十届一中全会精神", index=seed_index)
    assert any("缺少顿号" in w for w in glued.warnings)
    right = draft_report(meta, "认真传达学习贯彻党的十九届六中全会、二十届一中全会精神", index=seed_index)
    assert not any("缺少顿号" in w for w in right.warnings)
