"""Two things a reviewer's mechanical pass found left in real drafts: a half-width hyphen in a span
of time (evals/realset 002 "5月15日-5月28日期间", evals/heldout 114 "今年1-11月") and a lone X
an anonymised text stands in for a name, year or number (evals/realset 004), which no notice named."""

from __future__ import annotations

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.review.form import leftovers
from lexicon.figures import masked_values
from lexicon.punctuation import full_width, half_width_marks


def test_a_span_of_time_is_joined_with_the_dash_of_official_prose():
    assert full_width("5月15日-5月28日期间,联合镇卫生院开展义诊") == "5月15日—5月28日期间，联合镇卫生院开展义诊"
    assert full_width("今年1-11月,街道实现财政总收入18.35亿元") == "今年1—11月，街道实现财政总收入18.35亿元"
    assert full_width("贯彻《2021-2025年妇女发展规划》") == "贯彻《2021—2025年妇女发展规划》"
    # a telephone number and a code keep their hyphens
    assert full_width("热线0851-1234567,COVID-19疫苗") == "热线0851-1234567，COVID-19疫苗"
    assert half_width_marks("今年1-11月") == ["-"] and half_width_marks("今年1—11月") == []


def test_a_lone_x_beside_chinese_words_is_a_placeholder():
    assert masked_values("新开铺街道桥头社区书记、妇联主席X获评全国抗击新冠肺炎疫情先进个人") == ["X"]
    assert masked_values("蒋苒等X位优秀女性、区疾控中心等X个单位荣获X市三八红旗手") == ["X", "X", "X"]
    assert masked_values("李丽家庭荣获“X年全国抗疫最美家庭”") == ["X"]
    assert masked_values("开展X光检查、5G+X应用，接种COVID-19疫苗") == []


def test_a_draft_with_an_x_for_a_name_is_not_ready_to_sign(seed_index):
    meta = build_meta("天心区妇女联合会", 2020, "zongjie", when="2021-01-15")
    draft = draft_report(meta, "新开铺街道桥头社区书记、妇联主席X获评全国抗击新冠肺炎疫情先进个人\n开展普法宣传28场次",
                         index=seed_index)
    assert "占位内容" in draft.fact("F1").note
    assert any("（X）" in f.message for f in leftovers(draft).findings)


def test_an_annual_reports_this_year_is_its_year_and_a_half_years_stays(seed_index):
    """今年1—11月 in a 2022 annual report signed in 2023 reads as 2023 to the signer: the draft writes
    2022年1—11月 (the sixth reading's 114); a half-year report is written in its own year and keeps it."""
    facts = "今年1-11月,街道实现财政总收入18.35亿元,同比增长28.69%\n街道领导带队敲门招商57次,新引进企业42家"
    annual = draft_report(build_meta("白杨街道办事处", 2022, "zongjie", when="2023-01-10"), facts, index=seed_index)
    text = "\n".join(s.text for s in annual.sections)
    assert "2022年1—11月" in text and "今年1" not in text
    from drafting.review.accuracy import figure_accuracy
    assert figure_accuracy(annual).passed, "the year written for 今年 is the report's, no figure of its own"
    half = draft_report(build_meta("白杨街道办事处", 2022, "zongjie", when="2022-07-10", period="half"),
                        facts, index=seed_index)
    assert "今年1—11月" in "\n".join(s.text for s in half.sections)
