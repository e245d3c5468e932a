"""Staff paste bullets; every figure is found exactly as written, identifiers are left alone."""

from __future__ import annotations

import pytest

from drafting.domain.facts import fact_warnings, parse_facts
from drafting.errors import InputError
from lexicon.figures import extract_figures


@pytest.mark.parametrize("text, figures", [
    ("开展会前学法 16 次", [("16 次", 16, "次", "")]),
    ("发放宣传资料8万余册", [("8万余册", 80000, "册", "余")]),
    ("辐射人群超10万人次", [("超10万人次", 100000, "人次", "超")]),
    ("为近200名基层妇女工作者授课", [("近200名", 200, "名", "近")]),
    ("办结率100%", [("100%", 100, "%", "")]),
    ("发放助学金19.06 万元", [("19.06 万元", 190600, "元", "")]),
    ("在31个乡镇，298个村社建设妇女之家", [("31个", 31, "个", ""), ("298个", 298, "个", "")]),
    ("参加人数１６０人以上", [("１６０人以上", 160, "人", "以上")]),
    ("开展三次培训，建立两个站点", [("三次", 3, "次", ""), ("两个", 2, "个", "")]),
    ("累计覆盖 2400 余人次", [("2400 余人次", 2400, "人次", "余")]),
])
def test_figures_keep_number_unit_and_qualifier(text, figures):
    assert [(f.text, f.value, f.unit, f.qualifier) for f in extract_figures(text)] == figures


@pytest.mark.parametrize("text", [
    "畅通12338妇女维权公益服务热线", "利用11·25反家暴日、3·8维权周、12·4宪法日", "《规划（2021-2025 年）》",
    "潼妇〔2021〕4 号", "学习十九届五中全会和党的二十大精神", "两癌筛查", "三八红旗手", "一把手负总责",
    "一是加强学习", "第三次妇女社会地位调查", "坚决做到两个维护", "1月18日上午", "2023年度",
])
def test_identifiers_are_not_figures(text):
    assert extract_figures(text) == []


def test_bullets_of_every_kind_become_facts_in_order():
    facts = parse_facts("- 第一条\n• 第二条\n· 第三条\n1. 第四条\n2、第五条\n（3）第六条\n普通一行\n\n   \n")
    assert [f.id for f in facts] == ["F1", "F2", "F3", "F4", "F5", "F6", "F7"]
    assert [f.text for f in facts] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "普通一行"]


def test_a_long_line_stays_one_fact():
    line = "开展普法宣传" + "，深入村社区宣讲" * 60 + "，共28场次"
    facts = parse_facts(line)
    assert len(facts) == 1 and facts[0].figures[0].text == "28场次"


def test_conflicting_figures_and_masked_values_are_warned_about():
    text = "全年开展普法宣传28场次\n开展普法宣传活动30场次\n为*名困境儿童送去关爱\n受理信访XX件"
    warnings = fact_warnings(parse_facts(text), text)
    assert any("F1 与 F2" in w and "28场次" in w and "30场次" in w for w in warnings)
    assert any(w.startswith("F3 有未填写的占位内容") for w in warnings)
    assert any(w.startswith("F4 有未填写的占位内容") for w in warnings)


@pytest.mark.parametrize("text, message", [
    ("", "没有可用的事实"), ("\n\n   \n", "没有可用的事实"), ("😀😀\n🎉", "没有文字"),
    ("很长" * 60_000, "粘贴内容过长"), ("开展" + "普法" * 5000, "第 1 条事实过长"),
    ("\x00\x01binary" * 50, "不是文字"),
])
def test_bad_pastes_get_a_clear_message(text, message):
    with pytest.raises(InputError, match=message):
        parse_facts(text)
