"""The vocabulary floor: one table for each part of the language of 公文, read the same way by the
importer below and the drafting above."""

from __future__ import annotations

import pytest

from drafting.domain.profile import profile_for
from lexicon.levels import LEVELS, level_of
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
