"""Who writes and when: the organisation profile, the period, the writing date and script — the first
things a reader in the office sees, each drafted right and each caught by a check when wrong."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from drafting.domain.meta import build_meta, settle
from drafting.domain.profile import profile_for
from drafting.domain.timeline import anachronisms, congress_phrase, guiding_phrase
from drafting.domain.types import Fact
from drafting.engine import draft_report
from drafting.review import run_checks
from lexicon.figures import extract_figures
from lexicon.script import normalise_script


@pytest.mark.parametrize("name, addressee, self_name, rule, leader", [
    ("四川省妇女联合会", "省委、省政府：", "省妇联", "全面依法治省", "党组书记、主席"),
    ("宁夏回族自治区妇女联合会", "自治区党委、政府：", "自治区妇联", "全面依法治区", "党组书记、主席"),
    ("广元市妇女联合会", "市委、市政府：", "市妇联", "全面依法治市", "党组书记、主席"),
    ("凉山彝族自治州妇女联合会", "州委、州政府：", "州妇联", "全面依法治州", "党组书记、主席"),
    ("锡林郭勒盟妇女联合会", "盟委、行政公署：", "盟妇联", "全面依法治盟", "党组书记、主席"),
    ("青川县妇女联合会", "县委、县政府：", "县妇联", "全面依法治县", "党组书记、主席"),
    ("重庆市潼南区妇女联合会", "区委、区政府：", "区妇联", "全面依法治区", "党组书记、主席"),
    ("科尔沁右翼前旗妇女联合会", "旗委、旗政府：", "旗妇联", "全面依法治旗", "党组书记、主席"),
    ("龙潭镇妇女联合会", "镇党委、镇政府：", "镇妇联", "法治建设", "主席"),
    ("东城街道妇联", "街道党工委、办事处：", "街道妇联", "法治建设", "主席"),
    ("青川县司法局", "县委、县政府，市司法局：", "县司法局", "全面依法治县", "党组书记、局长"),
    ("广元市市场监督管理局", "市委、市政府，省市场监管局：", "市市场监管局", "全面依法治市", "党组书记、局长"),
])
def test_the_full_name_decides_level_addressee_self_name_and_title(name, addressee, self_name, rule, leader):
    profile = profile_for(name)
    assert (profile.addressee, profile.self_name, profile.words.rule_of_law, profile.leader_title) == \
        (addressee, self_name, rule, leader)
    assert profile.federation == ("妇" in name)


def test_a_name_nobody_can_place_gets_county_wording_and_a_notice_not_a_crash():
    meta = build_meta("某某单位", 2024, "fazhi", when="2025-01-20")
    settled = settle(meta, [Fact("F1", "开展普法宣传5场次")])
    assert settled.addressee == "县委、县政府：" and settled.level == "", "county wording, but no level claimed"
    assert any("无法从" in n for n in settled.notices)
    assert any("占位" in n for n in settled.notices), "某某 is a placeholder"


def test_the_user_corrects_any_field_of_the_profile():
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", "我会", "县委全面依法治县委员会办公室",
                      when="2025-01-20", leader_title="主席")
    assert meta.short_name == "我会" and meta.leader_title == "主席"
    assert meta.addressee == "县委全面依法治县委员会办公室："


def test_a_department_is_drafted_without_any_federation_wording(seed_index):
    facts = "办理法律援助案件326件\n党组书记、局长带头述法1次\n基层法律服务力量薄弱"
    draft = draft_report(build_meta("青川县司法局", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    own = "".join(s.text for s in draft.sections).replace("办理法律援助案件326件", "")
    for word in ("妇联", "妇女", "巾帼", "妇儿", "主席"):
        assert word not in own, word
    assert any("不是妇联" in n for n in draft.meta.notices)
    assert next(r for r in run_checks(draft) if r.name == "organisation").passed


@pytest.mark.parametrize("when, cited, not_cited", [
    (date(2022, 7, 8), "十九届四中、五中、六中全会", "二十大"),
    (date(2022, 10, 22), "党的二十大", "二十届"),
    (date(2023, 1, 18), "党的二十大精神", "二中"),
    (date(2024, 7, 5), "二十届二中全会", "三中"),
    (date(2024, 7, 18), "二十届二中、三中全会", "四中"),
    (date(2020, 7, 15), "十九届二中、三中、四中全会", "五中"),
])
def test_political_wording_is_what_was_true_on_the_writing_date_to_the_day(when, cited, not_cited):
    assert cited in congress_phrase(when) and not_cited not in congress_phrase(when)


def test_xi_rule_of_law_thought_only_from_november_2020():
    assert "习近平法治思想" not in guiding_phrase(date(2020, 11, 1))
    assert "习近平法治思想" in guiding_phrase(date(2020, 11, 20))
    assert [a.phrase for a in anachronisms("深入学习习近平法治思想", date(2020, 7, 1))] == ["习近平法治思想"]


def test_facts_that_speak_of_the_first_half_make_a_half_year_report_and_say_so():
    meta = build_meta("青川县妇女联合会", 2024, "zongjie", when="2024-07-05")
    settled = settle(meta, [Fact("F1", "上半年开展讲座10场"), Fact("F2", "下半年将开展评选")])
    assert settled.period == "half" and "上半年工作总结及下半年工作谋划" in settled.title
    assert any("半年工作总结" in n for n in settled.notices)
    chosen = settle(build_meta("青川县妇女联合会", 2024, "zongjie", when="2025-01-10", period="annual"),
                    [Fact("F1", "上半年开展讲座10场")])
    assert chosen.period == "annual", "the user's choice wins"


@pytest.mark.parametrize("year, period, today, expected", [
    (2024, "annual", date(2025, 1, 20), "2025年1月20日"),   # an annual report in the next year: today
    (2022, "annual", date(2025, 1, 20), ""),                # two years on: left for the signer
    (2024, "half", date(2024, 7, 3), "2024年7月3日"),       # a half-year report in July: today
    (2024, "half", date(2024, 3, 3), ""),                   # before the half year ends: never
])
def test_the_writing_date_is_today_only_when_today_is_plausible(year, period, today, expected):
    settled = settle(build_meta("青川县妇女联合会", year, "zongjie", period=period, today=today), [], today=today)
    assert settled.date == expected
    if not expected:
        assert any("留空" in n for n in settled.notices)


@pytest.mark.parametrize("year, kind, period, today, expected", [
    (2025, "fazhi", "annual", date(2026, 12, 6), ""),              # the day seen: December of the next year
    (2025, "fazhi", "annual", date(2026, 2, 10), "2026年2月10日"),  # the first months of the next year
    (2025, "fazhi", "annual", date(2026, 4, 30), "2026年4月30日"),
    (2025, "fazhi", "annual", date(2026, 5, 6), ""),               # after April: the signer knows the date
    (2025, "fazhi", "annual", date(2025, 12, 20), ""),             # before the year is over
    (2025, "pufa", "annual", date(2025, 11, 20), "2025年11月20日"),  # a 普法履职报告 in the year's 述职 season
    (2025, "zongjie", "half", date(2025, 6, 25), "2025年6月25日"),   # late June: the half-year report
    (2025, "zongjie", "half", date(2025, 7, 31), "2025年7月31日"),
    (2025, "zongjie", "half", date(2025, 9, 1), ""),
])
def test_a_report_without_a_date_gets_today_only_in_its_usual_writing_months(year, kind, period, today, expected):
    settled = settle(build_meta("清河县妇女联合会", year, kind, period=period, today=today), [], today=today)
    assert settled.date == expected
    if not expected:
        notice = next(n for n in settled.notices if "留空（年 月 日）" in n)
        assert f"今天（{today.year}年{today.month}月{today.day}日）不在" in notice, "the notice says why"


def test_traditional_script_and_pinyin_are_normalised_and_every_figure_keeps_its_value():
    text, notes = normalise_script("全年開展普法宣傳28場次，發放宣傳資料8萬餘冊，婦聯（fù lián）組織超10萬人次參與")
    assert text == "全年开展普法宣传28场次，发放宣传资料8万余册，妇联组织超10万人次参与"
    assert [(f.value, f.unit, f.qualifier) for f in extract_figures(text)] == [
        (28, "场次", ""), (80000, "册", "余"), (100000, "人次", "超")]
    assert len(notes) == 2


def test_each_who_and_when_check_fails_on_its_planted_defect(seed_index):
    facts = "开展普法宣传28场次\n党组书记、主席带头讲授党课1次\n基层力量不足"
    draft = draft_report(build_meta("四川省妇女联合会", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    assert all(r.passed for r in run_checks(draft) if r.name in ("organisation", "period", "script"))

    def failed(d):
        return {r.name for r in run_checks(d) if not r.passed}

    body = next(s for s in draft.sections if s.role == "measures")
    wrong_level = replace(draft, meta=replace(draft.meta, addressee="市委、市政府："))
    assert "organisation" in failed(wrong_level)
    city_words = replace(draft, sections=[replace(s, text=s.text + "认真落实全面依法治市各项部署。") if s is body else s
                                          for s in draft.sections])
    assert "organisation" in failed(city_words)
    traditional = replace(draft, sections=[replace(s, text=s.text + "婦聯積極參與。") if s is body else s
                                           for s in draft.sections])
    assert "script" in failed(traditional)
    too_early = replace(draft, meta=replace(draft.meta, date="2024年3月1日"))
    assert "period" in failed(too_early)
    cited_early = replace(draft, meta=replace(draft.meta, date="2024年3月1日"),
                          sections=[replace(s, text=s.text + "学习贯彻二十届三中全会精神。") if s is body else s
                                    for s in draft.sections])
    assert "time_wording" in failed(cited_early)


def test_a_short_name_in_the_signature_and_a_whole_year_in_a_half_year_report_are_asked_about():
    meta = build_meta("市妇联", 2023, "zongjie", when="2023-07-10", period="half")
    facts = [Fact("F1", "全年在新领域新建妇联组织35个")]
    settled = settle(meta, facts)
    assert any("单位全称" in n for n in settled.notices)
    assert "全年" in facts[0].note and any("统计期间" in n for n in settled.notices)
    early = settle(build_meta("青川县妇女联合会", 2024, "pufa", when="2024-12-10"), [])
    assert any("早于报告期结束" in n for n in early.notices)
