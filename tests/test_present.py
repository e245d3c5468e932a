"""What the app shows, read from hand-built drafts without starting Gradio: every section a card
(however many), the fields the draft carries (fact kinds and notes, placement reasons, flags, 通用表述,
the model's attempt), 字数, copies without markers, refusals as messages, the saved-drafts list."""

from __future__ import annotations

from drafting.domain.findings import Finding, Severity
from drafting.domain.last_year import Derived
from drafting.domain.types import Draft, DraftMeta, Fact, Section, Source
from drafting.output.draft_list import DraftRow
from drafting.review import CheckResult
from drafting.shell import cards as C
from drafting.shell import present as P
from drafting.shell import saved_view
from drafting.shell import session as S
from drafting.shell.form import Form


def draft(sections: int = 3, **meta) -> Draft:
    """A draft with a preamble and `sections` body sections, F1 in the first, plus the new fields."""
    m = DraftMeta(org="青川县妇女联合会", year=2024, report_type="fazhi",
                  title="青川县妇女联合会2024年度法治政府建设工作情况报告",
                  date="2025年1月20日", addressee="县委、县政府：", short_name="县妇联", level="县", body="妇联",
                  leader_title="党组书记、主席", notices=["成文日期未填写：用今天，请核对。"], **meta)
    facts = [Fact("F1", "开展普法宣传28场次", kind="activity"),
             Fact("F2", "普法宣传工作", kind="fragment", note="缺少做了什么，请补充")]
    body = [Section(f"s{i}", "measures", f"第{i}项工作", f"第{i}部分正文。", []) for i in range(1, sections + 1)]
    body[0] = Section("s1", "measures", "深化普法宣传", "全年开展普法宣传28场次【F1】。广大妇女法治意识明显增强。",
                      ["F1", "F2"], placement={"F1": "与《古县…》“（二）普法宣传”中的句子相近"},
                      sources=[Source("d1", "古县报告", "普法宣传", "c1", "范例"),
                               Source("d1", "古县报告", "普法宣传", "c2", "范例")],
                      flags=[Finding("model_fallback", "大模型未能完成本部分，已改用离线起草，请核对。",
                                     Severity.WARNING)],
                      stock=["广大妇女法治意识明显增强。"],
                      attempt="全年开展普法宣传28场次【F1】，覆盖全县。")
    return Draft(m, facts, [Section("s0", "preamble", "", "导语正文。"), *body], id="d-1")


def test_every_section_is_a_card_even_the_eleventh():
    cards = C.section_cards(draft(sections=11))
    assert len(cards) == 12 and cards[-1].title == "十一、第11项工作"
    assert cards[0].title == "导语（开头）"


def test_a_card_shows_what_the_draft_carries():
    card = C.section_cards(draft())[1]
    assert card.words == len("全年开展普法宣传28场次。广大妇女法治意识明显增强。"), "字数 without the 【F1】 marker"
    assert "**F1** 开展普法宣传28场次" in card.info, "facts by their text, not a bare id"
    assert "⚠ 大模型未能完成本部分" in card.info, "the section's flags"
    assert "通用表述（请确认属实）" in card.info and "广大妇女法治意识明显增强。" in card.info
    assert card.info.count("《古县报告》· 普法宣传") == 1, "an example passage is listed once"
    assert card.has_attempt, "the model's attempt can be switched to"


def test_a_section_without_facts_or_mostly_stock_wording_is_marked():
    d = draft()
    assert C.section_cards(d)[2].warning == P.NO_FACTS
    stock = Section("s9", "measures", "其他", "一句。两句。", ["F1"], stock=["一句。", "两句。"])
    assert C.basis_warning(stock) == P.STOCK_HEAVY
    assert C.basis_warning(d.sections[0]) == "", "the preamble is never marked"


def test_the_outline_table_shows_kind_note_and_reason_and_drops_empty_columns():
    table = P.outline_table(draft())
    assert table["headers"] == ["编号", "事实", "类型", "所属部分", "为何放在这里", "提示"]
    assert table["data"][0] == ["F1", "开展普法宣传28场次", "工作举措/成效", "一、深化普法宣传",
                                "与《古县…》“（二）普法宣传”中的句子相近", ""]
    assert table["data"][1][2:] == ["不完整（请补充）", "一、深化普法宣传", "", "缺少做了什么，请补充"]
    plain = draft()
    plain.facts = [Fact("F1", "开展普法宣传28场次")]
    plain.sections[1].placement = {}
    assert P.outline_table(plain)["headers"] == ["编号", "事实", "所属部分"]


def test_move_choices_name_facts_by_text_and_sections_by_heading():
    d = draft()
    assert P.fact_choices(d)[0] == ("F1 开展普法宣传28场次", "F1")
    assert P.section_choices(d)[0] == ("一、深化普法宣传", "s1")
    assert all(not label.startswith("s") for label, _ in P.section_choices(d))


def test_the_profile_and_the_tools_decisions_show_before_drafting():
    text = P.profile_markdown(draft(period="half"))
    assert "级别：县" in text and "负责人：党组书记、主席" in text
    assert "上半年" in text and "2025年1月20日" in text
    assert "⚠ 成文日期未填写" in text


def test_reopening_restores_the_whole_form():
    d = draft(period="half")
    d.facts.append(Fact("D1", "较上年增加7场次", derived=Derived("7 = 35 − 28", "F1", "", "", "", 0)))
    values = Form.of(d).to_dict()
    assert values == {"org": "青川县妇女联合会", "short": "县妇联", "year": 2024, "kind": "fazhi",
                      "addressee": "县委、县政府：", "date": "2025-01-20", "period": "half",
                      "facts": "开展普法宣传28场次\n普法宣传工作", "level": "县", "body": "妇联",
                      "leader": "党组书记、主席",
                      "doc_number": "", "signer": "", "cc": "", "printer": "", "shape": "",
                      "origins": {}}


def test_copy_text_keeps_markers_and_the_app_strips_them():
    text = C.full_text(draft())
    assert "28场次【F1】" in text and text.startswith("青川县妇女联合会2024年度")
    assert C.totals(draft()).startswith("全文 ")


def test_the_banner_speaks_plainly_with_the_detail_behind():
    plain, detail = P.backend_banner(False, "deepseek-chat")
    assert plain.startswith("未连接大模型，当前为离线起草") and "OPENAI" not in plain
    assert "OPENAI_BASE_URL" in detail
    assert "已损坏" in P.backend_banner(True, "m", "草稿数据库已损坏")[0]


def test_notes_say_what_happened_honestly():
    assert C.save_note("").startswith("⚠ 已保存，但本部分现在是空的")
    assert C.save_note("正文") == "已保存修改。"
    assert "只换用其他范例句式和语序" in C.regen_note(False, "", "甲", "乙")
    assert "修改要求需要大模型" in C.regen_note(False, "更简练", "甲", "乙")
    assert "内容未变" in C.regen_note(False, "", "甲", "甲")
    assert C.regen_note(True, "更简练", "甲", "乙") == "已按修改要求重新生成。"


def test_checks_point_to_their_section_and_a_click_finds_it():
    d = draft()
    invented = Finding("figure_accuracy", "数字无出处：60人", section_id="s2", sentence="另培训60人。")
    results = [CheckResult("figures", "数字准确", [invented]),
               CheckResult("form", "公文格式")]
    rows, targets, findings, summary = P.check_view(d, results)
    assert rows[0] == ["数字准确", "未通过", "数字无出处：60人", "二、第2项工作"]
    assert rows[1][1] == "通过" and targets == ["s2", ""]
    assert "1 / 2 项通过" in summary and "点击" in summary
    assert S.check_target(targets, [0, 2]) == "s2" and S.check_target(targets, [1, 0]) == ""
    card = C.section_cards(d, {"findings": findings})[2]
    assert card.failing and "<mark>另培训60人。</mark>" in card.info


def test_report_text_is_escaped_not_rendered():
    d = draft()
    d.facts[0].text = "开展<script>alert(1)</script>普法宣传28场次"
    info = C.section_cards(d)[1].info
    assert "<script>" not in info and "&lt;script&gt;" in info


def test_the_saved_list_names_pages_and_previews():
    rows = [DraftRow("a", "青川县妇女联合会", "pufa", 2024, "t", 0.0, name="给县委的终稿")]
    assert saved_view.saved_rows(rows)[0][:4] == ["给县委的终稿", "青川县妇女联合会", "2024",
                                                  "“谁执法谁普法”普法责任制履职报告"]
    assert saved_view.page_label(20, 5, 25) == "第 21–25 份，共 25 份"
    assert "没有找到" in saved_view.page_label(0, 0, 0, "剑阁")
    preview = saved_view.preview(draft(), "给县委的终稿")
    assert "给县委的终稿" in preview and "一、深化普法宣传" in preview and "【F1】" not in preview


def test_a_problem_both_flagged_and_found_by_the_checks_is_shown_once():
    d = draft()
    flagged = d.sections[1]
    flagged.flags = [Finding("figure_accuracy", "数字无出处：60人（事实里没有这个数字）", blocking=True,
                             section_id=flagged.id, sentence="另培训骨干60人。")]
    info = C.card_info(d, flagged, [("数字准确", "数字无出处：60人（事实里没有这个数字）", "另培训骨干60人。")])
    assert info.count("数字无出处：60人") == 1
