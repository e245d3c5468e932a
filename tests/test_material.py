"""From the year's 工作信息 to candidate facts (issue 24): what a drafter gets from a paste of news
items, from hostile files, from a round-up that repeats the months, and what cannot happen — a
candidate whose figure is not, to the character, the figure its source holds at that place."""

from __future__ import annotations

import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.domain.material import Candidate, FigureNotInSource, Item, Span
from drafting.domain.meta import build_meta
from drafting.plan.material import gather, read_material
from drafting.plan.material.extract import extract
from drafting.plan.material.split import split_items
from lexicon.figures import figure_spans

ORG = "岚溪县妇女联合会"
NEWS = """县妇联开展“三八”维权周普法宣传活动
发布时间：2024-03-08

2024年3月8日上午，岚溪县妇联联合县法院在城关镇人民广场开展“三八”维权周普法宣传活动。活动现场，工作人员发放宣传资料1200余份，解答法律咨询80余人次。此次活动进一步增强了广大妇女的维权意识。

县妇联举办家庭教育讲座

4月以来，县妇联联合县教育局走进12所中小学，举办家庭教育讲座18场，覆盖家长超4500人次。家长们纷纷表示很有帮助。下一步，县妇联将继续开展家庭教育进校园活动。
"""


def _item(text: str) -> Item:
    return split_items(text, "测试.txt", 2024)[0]


def _meta(period: str = "annual"):
    return build_meta(ORG, 2024, "fazhi", period=period)


def test_a_news_item_becomes_a_fact_in_the_drafters_style():
    items = split_items(NEWS, "工作信息.txt", 2024)
    assert [i.title for i in items] == ["县妇联开展“三八”维权周普法宣传活动", "县妇联举办家庭教育讲座"]
    first, second = (extract(i)[0] for i in items)
    assert first.text == ("3月8日，联合县法院在城关镇人民广场开展“三八”维权周普法宣传活动，"
                          "工作人员发放宣传资料1200余份，解答法律咨询80余人次")
    assert first.when == "3月8日" and first.date.isoformat() == "2024-03-08"
    assert [f.text for f in first.figures] == ["1200余份", "80余人次"]
    assert second.text == "4月以来，联合县教育局走进12所中小学，举办家庭教育讲座18场，覆盖家长超4500人次"
    assert "表示" not in second.text and "下一步" not in second.text, "praise and plans are not facts"


def test_items_pasted_one_after_another_without_titles_are_told_apart():
    paste = ("3月12日，县妇联聘请律师2名担任常年法律顾问。\n\n5月，县妇联开展“民法典进农家”宣传活动20余场。\n"
             "活动中发放资料3000余份。\n\n县妇联微信公众号推送普法文章46篇。")
    items = split_items(paste, "粘贴", 2024)
    assert len(items) == 3
    assert "3000余份" in items[1].text, "a paragraph that goes on with the story stays with it"
    assert [c.text for i in items for c in extract(i)] == [
        "3月12日，聘请律师2名担任常年法律顾问", "5月，开展“民法典进农家”宣传活动20余场，发放资料3000余份",
        "微信公众号推送普法文章46篇"]


def test_a_cut_qualifier_or_a_cut_number_cannot_make_a_candidate():
    item = _item("6月，县妇联开展宣传活动，覆盖群众超10万人次，发放资料1200余份。")
    at = item.text.index("10万人次")
    with pytest.raises(FigureNotInSource, match="超10万人次"):
        Candidate(clauses=((Span(item, at, at + len("10万人次")),),))
    at = item.text.index("200余份")
    with pytest.raises(FigureNotInSource):
        Candidate(clauses=((Span(item, at, at + len("200余份")),),))
    whole = item.text.index("超10万人次")
    assert Candidate(clauses=((Span(item, whole, whole + 6),),)).text == "超10万人次"


def test_two_spans_cannot_join_into_a_figure_the_source_does_not_hold():
    item = _item("县妇联发放资料12册，开展讲座00余场次。")
    twelve = item.text.index("12")
    zeros = item.text.index("00余场次")
    with pytest.raises(FigureNotInSource):  # "12" + "00余场次" would read 1200余场次
        Candidate(clauses=((Span(item, twelve, twelve + 2), Span(item, zeros, zeros + 5)),))


SOURCES = st.lists(st.sampled_from([
    "县妇联开展宣传活动", "发放资料1200余份", "覆盖群众超10万人次", "举办讲座18场", "培训骨干近200名",
    "化解率96.97%", "慰问金共计18.6万元", "开展三次", "第3次", "12338热线", "3·8维权周", "接待来访43人次"]),
    min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(SOURCES, st.data())
def test_property_every_figure_of_any_candidate_is_its_sources_figure_at_that_place(pieces, data):
    item = _item("，".join(pieces) + "。")
    n = len(item.text)
    spans = []
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, n - 1))
        spans.append(Span(item, start, data.draw(st.integers(start + 1, n))))
    split = data.draw(st.integers(1, len(spans)))
    clauses = tuple(c for c in (tuple(spans[:split]), tuple(spans[split:])) if c)
    try:
        candidate = Candidate(clauses=clauses)
    except FigureNotInSource:
        return
    source_figures = {start: fig.text for start, _, fig in figure_spans(item.text)}
    offset = 0
    starts = []
    for k, clause in enumerate(clauses):
        offset += 1 if k else 0
        for span in clause:
            starts.append((offset, span))
            offset += span.end - span.start
    for start, end, fig in figure_spans(candidate.text):
        at, span = next((a, s) for a, s in starts if a <= start and end <= a + s.end - s.start)
        assert source_figures.get(span.start + start - at) == fig.text


def test_a_month_repeated_in_the_half_year_round_up_is_one_candidate_with_both_sources(tmp_path):
    (tmp_path / "三月.txt").write_text(NEWS.split("县妇联举办")[0], encoding="utf-8")
    (tmp_path / "综述.txt").write_text(
        "县妇联2024年上半年工作综述\n\n现将上半年主要工作综述如下。\n一是广泛开展普法宣传。3月8日，联合县法院开展“三八”"
        "维权周普法宣传活动，发放宣传资料1200余份；上半年共开展普法宣传活动56场次。\n二是维护权益。接听热线来电156个。\n",
        encoding="utf-8")
    material = gather(read_material(sorted(tmp_path.iterdir()), year=2024), _meta())
    holders = [c for c in material.candidates if "1200余份" in c.text]
    assert len(holders) == 1
    assert {o.file for o in holders[0].origins} == {"三月.txt", "综述.txt"}
    assert any(c.text == "上半年，共开展普法宣传活动56场次" for c in material.candidates), \
        "the round-up's own figures stay"
    assert any(c.text == "上半年，接听热线来电156个" for c in material.candidates)


def test_one_figure_in_two_different_events_is_two_candidates():
    text = ("11月25日，县妇联开展反家暴宣传活动，发放反家暴宣传手册600余份。\n\n"
            "12月4日，县妇联参加宪法宣传周活动，发放宪法读本及宣传资料600余份。")
    from drafting.plan.material.dedupe import merge_duplicates

    candidates = [c for item in split_items(text, "x.txt", 2024) for c in extract(item)]
    merged, count = merge_duplicates(candidates)
    assert count == 0 and len(merged) == 2


def test_items_outside_the_period_are_set_aside_with_a_note(tmp_path):
    (tmp_path / "a.txt").write_text("2023年12月4日，县妇联发放宣传资料500余份。\n\n"
                                    "9月10日，县妇联举办培训班，培训60人。\n\n"
                                    "县妇联上半年工作综述\n发布时间：2024-07-05\n\n上半年，县妇联开展普法宣传56场次。",
                                    encoding="utf-8")
    material = gather(read_material([tmp_path / "a.txt"], year=2024), _meta("half"))
    assert [s.reason for s in material.set_aside] == ["日期为2023年12月4日，不在报告期（2024年）内",
                                                      "日期为2024年9月10日，不在报告期（2024年上半年）内"]
    assert [c.text for c in material.candidates] == ["上半年，开展普法宣传56场次"]


def test_traditional_script_is_converted_and_the_figures_kept(tmp_path):
    (tmp_path / "繁.txt").write_text("10月以來，縣婦聯舉辦講座15場，惠及農村婦女1300餘人。", encoding="utf-8")
    material = gather(read_material([tmp_path / "繁.txt"], year=2024), _meta())
    assert material.candidates[0].text == "10月以来，举办讲座15场，惠及农村妇女1300余人"
    assert any("繁体" in note for note in material.notes)


def test_hostile_files_are_skipped_with_one_line_and_the_rest_is_read(tmp_path):
    bomb = tmp_path / "信息.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    (tmp_path / "扫描件.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 32)
    (tmp_path / "好.txt").write_text("3月12日，县妇联聘请律师2名担任常年法律顾问。", encoding="utf-8")
    reading = read_material(sorted(tmp_path.iterdir()), year=2024)
    assert [name for name, _ in reading.skipped] == ["信息.docx", "扫描件.pdf"]
    assert all("\n" not in reason and reason for _, reason in reading.skipped)
    assert [i.text for i in reading.items] == ["3月12日，县妇联聘请律师2名担任常年法律顾问。"]


def test_a_word_file_of_several_items_is_read_through_the_importer(tmp_path):
    import docx

    document = docx.Document()
    for line in ("县妇联新建家庭教育指导服务站", "今年，县妇联在全县新建家庭教育指导服务站14个，服务家庭2300余户。",
                 "县妇联开展春蕾助学", "7月22日，县妇联为68名女大学生发放助学金共计20.4万元。"):
        document.add_paragraph(line)
    document.save(str(tmp_path / "信息.docx"))
    material = gather(read_material([tmp_path / "信息.docx"], year=2024), _meta())
    assert [c.text for c in material.candidates] == ["7月22日，为68名女大学生发放助学金共计20.4万元",
                                                     "今年，在全县新建家庭教育指导服务站14个，服务家庭2300余户"]
    assert material.candidates[0].origin.title == "县妇联开展春蕾助学"


def test_a_narrow_pdf_column_and_a_column_label_still_make_one_dated_candidate():
    items = split_items("镇妇联召开执委会议\n\n3月15日，镇妇联召开\n第二届执委会第三次会议，全镇\n"
                        "执委28人参加会议。\n\n"
                        "【妇联动态】4月2日上午，镇妇联举办培训会，执委共58人参加培训。", "x.txt", 2025)
    assert [c.text for i in items for c in extract(i)] == [
        "3月15日，召开第二届执委会第三次会议，全镇执委28人参加会议", "4月2日，举办培训会，执委共58人参加培训"]


def test_a_round_up_gives_up_a_repeated_sentence_whole_not_just_its_figures(tmp_path):
    (tmp_path / "a.txt").write_text("5月，镇妇联组建“巾帼网格员”志愿服务队，吸纳妇女骨干46人，排查化解矛盾17起。",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("上半年工作总结\n\n上半年，镇妇联扎实开展各项工作。\n"
                                    "（一）维护权益。组建“巾帼网格员”志愿服务队，"
                                    "吸纳妇女骨干46人，排查化解矛盾17起；接待来访妇女9人次。\n", encoding="utf-8")
    material = gather(read_material(sorted(tmp_path.iterdir()), year=2025),
                      build_meta("石门镇妇女联合会", 2025, "zongjie"))
    assert [c.text for c in material.candidates] == [
        "5月，组建“巾帼网格员”志愿服务队，吸纳妇女骨干46人，排查化解矛盾17起", "上半年，接待来访妇女9人次"]


def test_a_whole_paste_given_twice_gives_each_event_once(tmp_path):
    text = ("3月12日，县妇联聘请律师2名担任常年法律顾问。\n\n6月，县妇联协助受暴妇女申请人身安全保护令。\n\n"
            "上半年工作综述\n\n一是维护权益。接听热线来电156个，协助申请人身安全保护令5份。\n")
    (tmp_path / "一.txt").write_text(text, encoding="utf-8")
    (tmp_path / "二.txt").write_text(text, encoding="utf-8")
    material = gather(read_material(sorted(tmp_path.iterdir()), year=2024), _meta())
    assert [c.text for c in material.candidates] == [
        "3月12日，聘请律师2名担任常年法律顾问", "6月，协助受暴妇女申请人身安全保护令",
        "接听热线来电156个，协助申请人身安全保护令5份"]  # 上半年 only in the title: not a span of the text
    assert all({o.file for o in c.origins} == {"一.txt", "二.txt"} for c in material.candidates)
