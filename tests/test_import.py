"""Staff bring earlier reports in every shape: the importer cleans them into the same structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexicon.figures import extract_figures
from retrieval.clean import clean_text
from retrieval.errors import SkippedFile
from retrieval.ingest import import_file
from retrieval.metadata import detect_metadata
from retrieval.structure import parse_report

from .conftest import CORPUS, SEEDS

EXPECTED_SECTIONS = {
    "wanyuan": [("高度重视，加强组织领导", "measures"), ("秉轴持钧，推进重点工作", "measures"),
                ("加强履职，强化维权实效", "measures"), ("存在不足及下步工作打算", "shortcomings")],
    "guxian": [("贯彻落实依法治国方略的做法和经验", "measures"), ("第一责任人职责履行情况", "first_responsible"),
               ("存在的问题", "shortcomings"), ("下一步打算", "plans")],
    "tongnan": [("强化组织领导，确保法治建设顺利实施", "measures"), ("深化宣传教育，全力营造良好法治氛围", "measures"),
                ("深化关爱服务，依法维护妇女儿童合法权益", "measures")],
    "shapotou": [("“谁执法谁普法”普法责任制履职情况", "measures"), ("存在的不足", "shortcomings"),
                 ("下一步工作举措", "plans")],
    "city": [("做好做优做实妇女儿童事业“三个势”", "measures"), ("做实三大工程，推动妇女儿童事业赢胜势", "measures"),
             ("工作亮点", "highlights"), ("2023年下半年工作谋划", "plans")],
}
EXPECTED_META = {
    "wanyuan": dict(org="万源市妇女联合会", year=2023, report_type="fazhi", date="", short_name="市妇联"),
    "guxian": dict(org="古县妇女联合会", year=2021, report_type="fazhi", date="2022-01-14", short_name="县妇联"),
    "tongnan": dict(org="重庆市潼南区妇女联合会", year=2020, report_type="fazhi", date="2021-01-28",
                    short_name="区妇联", doc_number="潼妇〔2021〕4号"),
    "shapotou": dict(org="中卫市沙坡头区妇女联合会", year=2023, report_type="pufa", date="2023-11-21",
                     short_name="区妇联"),
    "city": dict(org="市妇联", year=2023, report_type="zongjie", date="", short_name="市妇联"),
}


def seed_path(name: str) -> Path:
    return CORPUS / f"{SEEDS[name]}.txt"


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_has_its_top_level_headings_in_order_with_roles(name):
    raw = seed_path(name).read_text(encoding="utf-8")
    report = parse_report(clean_text(raw))
    assert [(s.heading, s.role) for s in report.sections] == EXPECTED_SECTIONS[name]
    assert report.preamble, "the 导语 before the first heading is kept"


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_each_seed_metadata_is_detected_without_a_manifest(name):
    raw = seed_path(name).read_text(encoding="utf-8")
    meta = detect_metadata(parse_report(clean_text(raw)), raw)
    for key, value in EXPECTED_META[name].items():
        assert getattr(meta, key) == value, key


def test_web_page_navigation_and_footer_are_removed():
    paragraphs = [p.text for p in clean_text(seed_path("shapotou").read_text(encoding="utf-8"))]
    joined = "\n".join(paragraphs)
    for furniture in ("无障碍浏览", "扫一扫在手机打开当前页", "友情链接", "打印本页", "发表日期", "智能机器人"):
        assert furniture not in joined
    assert paragraphs[0] == "沙坡头区妇联“谁执法谁普法”普法责任制履职报告"


def test_pdf_hard_line_breaks_are_joined_and_headings_stay_alone():
    paragraphs = [p.text for p in clean_text(seed_path("tongnan").read_text(encoding="utf-8"))]
    assert any(p.startswith("2020年，在区委、区政府的正确领导下，在区全面依法治区办的精心指导下") for p in paragraphs)
    assert "一、强化组织领导，确保法治建设顺利实施" in paragraphs
    assert "区委：" in paragraphs


def test_stray_spaces_markdown_and_widths_are_cleaned_but_figures_are_not_changed():
    raw = "## **一、加强普法宣传**\n全年开展普法宣传 28 场次，发放资料 8 万余册，覆盖超１０万人次,办结率 100%。"
    before = [f.key for f in extract_figures(raw)]
    paragraphs = [p.text for p in clean_text(raw)]
    assert paragraphs[0] == "一、加强普法宣传"
    assert paragraphs[1] == "全年开展普法宣传28场次，发放资料8万余册，覆盖超10万人次，办结率100%。"
    assert [f.key for f in extract_figures(paragraphs[1])] == before


def test_a_figure_broken_across_a_pdf_line_is_joined_back():
    text = "\n".join(p.text for p in clean_text(seed_path("wanyuan").read_text(encoding="utf-8")))
    assert "辐射人群超2万人次" in text


def test_yi_shi_er_shi_paragraphs_stay_paragraphs():
    report = parse_report(clean_text(seed_path("guxian").read_text(encoding="utf-8")))
    problems = report.sections[2]
    assert [p[:2] for p in problems.paragraphs] == ["一是", "二是", "三是"]


def _docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in ["青川县妇女联合会", "2024年度法治政府建设工作情况报告", "县委：",
                 "2024年，县妇联坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下：",
                 "一、加强组织领导", "全年开展会前学法12次。", "二、存在的不足", "基层普法力量不足。",
                 "三、下一步工作打算", "持续开展普法宣传。", "青川县妇女联合会", "2025年1月10日"]:
        document.add_paragraph(line)
    document.save(path)
    return path


def _pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 14)
    y = 780
    for line in ["青川县妇女联合会2024年度法治政府建设工作情况报告",
                 "2024年，县妇联坚持依法治县，现将有关情况报告如下：",
                 "一、深化普法宣传", "全年开展普法宣传30场次，发放资料2万余份。",
                 "二、存在的问题", "普法覆盖面不够广。"]:
        c.drawString(60, y, line)
        y -= 30
    c.save()
    return path


def _html(path: Path) -> Path:
    path.write_text(
        "<html><head><script>alert('x')</script><style>p{}</style></head><body><nav>首页 新闻中心</nav>"
        "<h1>青川县妇联“谁执法谁普法”普法责任制履职报告</h1><p>2024年，县妇联认真落实普法责任制。现将履职情况报告如下：</p>"
        "<p>一、普法责任制履职情况</p><p>开展普法宣传15场次。</p><p>二、存在的不足</p><p>宣传形式单一。</p>"
        "<p>三、下一步工作举措</p><p>创新普法方式。</p><footer>友情链接</footer></body></html>", encoding="utf-8")
    return path


@pytest.mark.parametrize("make, kind", [(_docx, "fazhi"), (_pdf, "fazhi"), (_html, "pufa")])
def test_docx_pdf_and_html_go_through_the_same_path(tmp_path, make, kind):
    path = make(tmp_path / f"report.{make.__name__[1:]}")
    report = import_file(path)
    assert report.meta.report_type == kind
    assert report.meta.year == 2024
    assert report.parsed.sections and report.parsed.sections[0].role == "measures"
    assert any(s.role == "shortcomings" for s in report.parsed.sections)
    text = "\n".join(c.text for c in report.chunks)
    assert "alert" not in text and "首页" not in text and "友情链接" not in text


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "空文件"),
    ("binary.txt", b"\x00\x01\x02\x03" * 100, "二进制"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "损坏"),
    ("broken.pdf", b"%PDF-1.4\n garbage", "PDF"),
    ("notes.xlsx", b"whatever", "不支持"),
])
def test_bad_files_are_skipped_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SkippedFile, match=reason):
        import_file(path)


def test_a_pdf_without_a_text_layer_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(10, 10, 100, 100)
    c.save()
    with pytest.raises(SkippedFile, match="文字层"):
        import_file(path)


def test_a_file_over_the_size_limit_is_skipped(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("妇联" * 1000, encoding="utf-8")
    with pytest.raises(SkippedFile, match="过大"):
        import_file(path, max_bytes=1000)
