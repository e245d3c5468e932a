"""The vocabulary floor: one table for each part of the language of 公文, read the same way by the
importer below and the drafting above."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from drafting.domain.classify import FactKind, classify
from drafting.domain.meta import build_meta
from drafting.domain.profile import profile_for
from drafting.domain.types import Fact
from drafting.plan.plans import plan_items
from drafting.write.offline import LEADER, PLAN_LEAD
from lexicon.cues import LEADER_TITLES, PLAN_AHEAD, heading_role, paragraph_role, title_kind
from lexicon.levels import LEVELS, level_of
from lexicon.roles import Kind, Role
from retrieval.metadata import places_of, short_name_of


@pytest.mark.parametrize("region, short_name", [
    ("四川省达州市万源市", "市妇联"),
    ("重庆市潼南区", "区妇联"),
    ("宁夏回族自治区", "自治区妇联"),
    ("内蒙古自治区锡林郭勒盟", "盟妇联"),
    ("西藏自治区阿里地区", "地区妇联"),
    ("青川县龙潭镇", "镇妇联"),
    ("东城街道", "街道妇联"),
    ("某某单位", "妇联"),
])
def test_an_imported_report_gets_the_self_name_the_profile_would_give_it(region, short_name):
    assert short_name_of(region) == short_name
    if level_of(region):
        assert profile_for(region + "妇女联合会").self_name == short_name


def test_every_level_is_read_from_the_same_suffixes_by_the_importer_and_the_profile():
    for level in LEVELS.values():
        for suffix in level.suffixes:
            assert level_of("青川" + suffix) == level.key
            assert profile_for("青川" + suffix + "妇女联合会").level == level.key
    assert places_of("宁夏回族自治区中卫市沙坡头区") == ["宁夏", "中卫", "沙坡头"]


def test_a_name_that_is_only_a_level_is_placed_at_that_level():
    for key in LEVELS:
        assert level_of(key) == key
        assert profile_for(key + "妇联").placed


def test_a_plan_is_a_plan_to_the_importer_and_to_the_fact_reader():
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    for lead in PLAN_AHEAD:
        assert heading_role(f"{lead}重点") == Role.PLANS
        assert paragraph_role(Role.SHORTCOMINGS, f"{lead}，将加强普法队伍建设。") == Role.PLANS
        assert classify(Fact("F1", f"{lead}开展普法宣传进村入户活动"), meta) == FactKind.PLAN
        assert PLAN_LEAD.sub("", f"{lead}，将开展普法宣传") == "开展普法宣传"
        last_year = SimpleNamespace(role=Role.PLANS, text=f"一是{lead}，将加强偏远地区普法宣传。")
        assert plan_items([last_year]) == ["加强偏远地区普法宣传"]
    assert paragraph_role(Role.MEASURES, "下一步，将加强普法队伍建设。") == Role.MEASURES


def test_the_head_of_the_organisation_is_named_alike_by_the_classifier_and_the_composer():
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    for title in LEADER_TITLES:
        assert classify(Fact("F1", f"{title}带头学法，讲授法治课2次"), meta) == FactKind.DUTY
        assert LEADER.match(f"{title}，带头学法").end() == len(title) + 1
    assert LEADER.match("党组书记、主席带头述法").group(0) == "党组书记、主席"


def test_the_kind_of_an_imported_report_is_read_from_its_title():
    assert title_kind("沙坡头区妇联“谁执法谁普法”普法责任制履职报告") == Kind.PUFA
    assert title_kind("古县妇女联合会2021年度法治政府建设情况报告") == Kind.FAZHI
    assert title_kind("某某市妇联2023年工作总结及2024年工作计划") == Kind.ZONGJIE
    assert title_kind("关于开展三八节活动的通知") is None
    assert heading_role("存在的不足和原因") == Role.SHORTCOMINGS
    assert heading_role("主要负责人履行推进法治建设第一责任人职责情况") == Role.FIRST_RESPONSIBLE
    assert heading_role("强化组织领导") == Role.MEASURES
