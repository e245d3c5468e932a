"""The Word file's pages break as an office would break them: a long title splits between words
into a trapezoid, no heading is left alone at the foot of a page, and the 版记 stays whole on the
last page. Rendered by LibreOffice, which also re-saves the file as an editor would: the draft's id,
the styles and the text come back."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from itertools import accumulate

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.output.title import title_lines, width
from drafting.output.word import write_docx
from drafting.output.word_merge import merge_docx
from drafting.output.word_props import read_draft_id
from retrieval.text import tokens

ORG = "四川省广元市青川县妇女联合会"
FACTS = ("全年开展普法宣传28场次，发放宣传资料8万余册\n开展会前学法16次\n"
         "受理妇女儿童信访案件43件，办结率100%\n基层普法力量不足")
FILLER = "县妇联坚持把普法宣传与妇联业务工作同谋划、同部署、同推进，"
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）][^。]*$)")
PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")


@pytest.mark.parametrize("title, lines", [
    ("青川县妇女联合会2024年度法治政府建设工作情况报告", ["青川县妇女联合会2024年度", "法治政府建设工作情况报告"]),
    ("中卫市沙坡头区妇女联合会“谁执法谁普法”普法责任制履职报告",
     ["中卫市沙坡头区妇女联合会", "“谁执法谁普法”普法责任制履职报告"]),
    ("市妇联2024年上半年工作总结及下半年工作谋划", ["市妇联2024年上半年", "工作总结及下半年工作谋划"]),
    ("青川县妇联2024年度普法报告", ["青川县妇联2024年度普法报告"]),
])
def test_a_long_title_breaks_between_words(title, lines):
    org = re.match(r".+?(?:妇女联合会|妇联)", title).group(0)
    assert title_lines(title, org) == lines


def test_a_very_long_title_takes_three_lines_in_a_trapezoid_or_diamond():
    title = "新疆维吾尔自治区巴音郭楞蒙古自治州和静县妇女联合会2024年度法治政府建设工作情况报告"
    lines = title_lines(title, "新疆维吾尔自治区巴音郭楞蒙古自治州和静县妇女联合会")
    widths = [width(line) for line in lines]
    assert "".join(lines) == title and len(lines) == 3 and max(widths) <= 20
    assert not widths[1] < min(widths[0], widths[2]), "no hourglass"
    assert _on_word_boundaries(title, lines)


def _on_word_boundaries(title: str, lines: list[str]) -> bool:
    ends = set(accumulate(len(t) for t in tokens(title)))
    return all(cut in ends for cut in accumulate(len(line) for line in lines[:-1]))


BLOCKS = {"doc_number": "青妇〔2025〕3号", "signer": "王丽", "cc": "县委依法治县办",
          "printer": "青川县妇女联合会办公室"}
NEEDS_LIBREOFFICE = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                                       reason="needs libreoffice-writer and poppler-utils (CI installs them)")


def _draft(padding: int, where: int = 0, **meta_fields):
    """A draft whose body section `where` is padded so that what follows falls near a page's foot."""
    meta = build_meta(ORG, 2024, "fazhi", when="2025-01-20", **meta_fields)
    draft = draft_report(meta, FACTS)
    section = draft.body_sections()[where]
    padded = replace(section, text=section.text + ("\n" + (FILLER * padding).rstrip("，") + "。" if padding else ""))
    return replace(draft, sections=[padded if s.id == section.id else s for s in draft.sections])


def _render(paths: list, tmp_path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, paths)], check=True, capture_output=True, timeout=600)


def _controls(kept: list, tmp_path) -> list:
    """The same files with every keep-with-next and keep-together removed, from paragraphs and
    styles alike: proof that without them the layouts do break badly."""
    controls = []
    for path in kept:
        control = docx.Document(str(path))
        for fmt in [p.paragraph_format for p in control.paragraphs] + [
                s.paragraph_format for s in control.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]:
            fmt.keep_with_next = fmt.keep_together = None
        controls.append(tmp_path / f"control-{path.name}")
        control.save(str(controls[-1]))
    return controls


def _pages(pdf) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[line for line in page.splitlines() if line.strip() and not PAGE_NUMBER.match(line)]
            for page in text.split("\f") if page.strip()]


def _stranded(pages: list[list[str]]) -> list[str]:
    """Headings that are the last line of a page (the last page's end is the 落款, never a heading)."""
    return [page[-1].strip() for page in pages[:-1] if page and HEADING.match(page[-1])]


@pytest.mark.slow
@NEEDS_LIBREOFFICE
def test_rendered_pages_keep_headings_with_their_text_and_break_the_title_between_words(tmp_path):
    paddings = range(10)
    kept = [write_docx(_draft(padding), tmp_path / f"pad{padding}.docx") for padding in paddings]
    controls = _controls(kept, tmp_path)
    _render(kept + controls, tmp_path)
    assert any(_stranded(_pages(c.with_suffix(".pdf"))) for c in controls), "some control strands a heading"
    title = _draft(0).meta.title
    for path in kept:
        pages = _pages(path.with_suffix(".pdf"))
        assert len(pages) >= 2 and not _stranded(pages), (path.name, _stranded(pages))
        assert len(pages[-1]) > 2, (path.name, "the 落款 never stands alone on a page")
        printed = [line.replace(" ", "") for line in pages[0][:2]]
        assert printed == title_lines(title, ORG) and _on_word_boundaries(title, printed)
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "3", "-png", str(kept[0].with_suffix(".pdf")),
                    str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def _record_pages(pdf) -> list[int]:
    """The pages (1-based) the 版记's two lines are printed on."""
    pages = _pages(pdf)
    return [n for n, page in enumerate(pages, 1) for line in page
            if line.strip().startswith("抄送：") or line.strip().endswith("印发")]


@pytest.mark.slow
@NEEDS_LIBREOFFICE
def test_the_record_block_stays_whole_on_the_last_page(tmp_path):
    """Printed, 抄送 once landed on page 3 and 印发 alone on page 4: the 版记 is kept together."""
    paddings = range(22)  # the 版记 moves about a line each step: through a whole page
    last = len(_draft(0).body_sections()) - 1
    kept = [write_docx(_draft(p, last, **BLOCKS), tmp_path / f"rec{p}.docx") for p in paddings]
    controls = _controls(kept, tmp_path)
    _render(kept + controls, tmp_path)
    assert any(len(set(_record_pages(c.with_suffix(".pdf")))) == 2 for c in controls), "some control splits the 版记"
    for path in kept:
        pdf = path.with_suffix(".pdf")
        on = _record_pages(pdf)
        assert len(on) == 2 and len(set(on)) == 1 and on[0] == len(_pages(pdf)), (path.name, on)


@pytest.mark.slow
@NEEDS_LIBREOFFICE
def test_a_file_saved_again_by_another_editor_keeps_its_id_styles_and_text(tmp_path):
    draft = _draft(0, **BLOCKS)
    path = write_docx(draft, tmp_path / "mine.docx")
    out = tmp_path / "resaved"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=300)
    resaved = out / "mine.docx"
    assert read_draft_id(resaved) == draft.id
    styles = {p.style.name for p in docx.Document(str(resaved)).paragraphs if p.text.strip()}
    assert {"版头", "Title", "主送机关", "一级标题", "Normal", "落款", "成文日期", "版记"} <= styles
    merged, changes = merge_docx(draft, resaved)
    assert changes == [] and merged == draft, "nothing changed, every fact found again"
