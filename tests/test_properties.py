"""Property tests: arbitrary text never crashes the parsers, and cleaning never changes a figure."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.domain.facts import parse_facts
from drafting.errors import InputError
from lexicon.figures import extract_figures
from retrieval.clean import clean_text
from retrieval.structure import parse_report

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PIECES = st.sampled_from(list("，。；：、（）()【】《》“”\"' \n"
                              "\t-•·*#0123456789０１２３４５６７８９.．%％万亿余多超近约")
                         + ["一、", "（一）", "(二)", "1.", "（1）", "**", "## ", "一是", "〔2021〕", "12338", "3·8"])
MIXED = st.lists(st.one_of(PIECES, CJK, st.characters()), max_size=300).map("".join)


@FAST
@given(MIXED)
def test_the_fact_parser_never_crashes(text):
    try:
        facts = parse_facts(text)
    except InputError:
        return
    assert facts and all(f.id == f"F{i}" for i, f in enumerate(facts, 1))


@FAST
@given(st.text(max_size=500))
def test_figure_extraction_never_crashes_on_any_unicode(text):
    for fig in extract_figures(text):
        assert fig.text and fig.unit


@FAST
@given(MIXED)
def test_cleaning_and_heading_parsing_never_crash(text):
    report = parse_report(clean_text(text))
    assert isinstance(report.sections, list)


def test_huge_and_nested_inputs_are_handled():
    nested = "（" * 5000 + "一" + "）" * 5000
    assert isinstance(parse_report(clean_text(nested * 3)).sections, list)
    huge = ("全年开展普法宣传28场次，发放资料8万余册。\n" * 20000)
    assert len(extract_figures(huge[:200000])) > 1000


QUALIFIERS = st.sampled_from(["", "超", "近", "约", "逾", "累计", "共计"])
SUFFIX = st.sampled_from(["", "余", "多"])
UNITS = st.sampled_from(["次", "场次", "人次", "名", "件", "册", "份", "个", "元", "%"])


@st.composite
def figure_sentences(draw):
    number = str(draw(st.integers(min_value=1, max_value=99999)))
    if draw(st.booleans()):
        number = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    mult = draw(st.sampled_from(["", "万"]))
    unit = draw(UNITS)
    suffix = "" if unit == "%" else draw(SUFFIX)
    figure = f"{draw(QUALIFIERS)}{number}{mult}{suffix}{unit}"
    spaced = figure.replace(number, f" {number} ") if draw(st.booleans()) else figure
    lead = draw(st.lists(CJK, min_size=2, max_size=8).map("".join))
    return f"{lead}{spaced}，{draw(st.sampled_from(['效果明显', '覆盖全县', '', '得到好评']))}。", figure


@FAST
@given(figure_sentences(), st.sampled_from(["", "## ", "**", "   "]), st.booleans())
def test_cleaning_never_alters_a_figure(pair, markup, wrap):
    sentence, _ = pair
    before = [f.key for f in extract_figures(sentence)]
    raw = markup + sentence
    # A hard line break from PDF extraction, anywhere in a paragraph. (A Markdown heading ends
    # at its line by definition, so "## " with a break inside is not a case converters produce.)
    if wrap and len(sentence) > 20 and markup != "## ":
        raw = raw[:18] + "\n\n" + raw[18:]
    after = [f.key for p in clean_text("一、工作情况\n" + raw) for f in extract_figures(p.text)]
    assert after == before


# -- terse and odd facts through the outline and the offline draft (issue 25) --------------------
TERSE = ["其他7条", "线索7条", "共7条", "新增2家", "5人", "7条", "其它5项"]
TERSE_PIECES = st.sampled_from(["其他", "其它", "线索", "共", "新增", "另", "约", "余", "多", "、", "，", "。", " ",
                                "：", "条", "家", "人", "项", "件", "场", "次", "%", "万", "（", "）", "《", "》", "“",
                                "”", "0", "1", "2", "5", "7", "12", "８", "二", "十", "XX", "××", "普法", "宣传",
                                "妇联", "调解"])
TERSE_FACTS = st.lists(st.lists(TERSE_PIECES, min_size=1, max_size=6).map("".join),
                       min_size=1, max_size=5).map("\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.sampled_from(TERSE), TERSE_FACTS))
def test_short_and_odd_facts_outline_and_draft_offline_without_crashing(seed_index, facts):
    """Terse facts ("5人", "其他7条") used to divide by a zero vote in placement: now every fact is
    placed or asked about, and the offline draft carries each figure that was given."""
    from drafting.domain.meta import build_meta
    from drafting.plan.start import new_draft
    from drafting.write.pipeline import write_draft

    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    try:
        draft = new_draft(meta, facts, seed_index)
    except InputError:
        return  # refused with a message (nothing but punctuation, say): not a crash
    placed = {f for s in draft.sections for f in s.fact_ids}
    assert all(f.id in placed or f.kind == "fragment" or f.derived for f in draft.facts) or draft.warnings
    written = write_draft(draft, index=seed_index)
    text = "\n".join(s.text for s in written.sections)
    for fact in draft.facts:
        if fact.id in placed:
            assert f"【{fact.id}】" in text or not fact.figures, (fact.text, text)
