"""The Word file's pages break as an office would break them: a long title splits between words
into a trapezoid, and no heading is left alone at the foot of a page. Rendered by LibreOffice."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from itertools import accumulate

import docx
import pytest

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.output.title import title_lines, width
from drafting.output.word import write_docx
from retrieval.text import tokens

ORG = "四川省广元市青川县妇女联合会"
FACTS = "全年开展普法宣传28场次，发放宣传资料8万余册\n开展会前学法16次\n受理妇女儿童信访案件43件，办结率100%\n基层普法力量不足"
FILLER = "县妇联坚持把普法宣传与妇联业务工作同谋划、同部署、同推进，"
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）][^。]*$)")
PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$")


@pytest.mark.parametrize("title, lines", [
    ("青川县妇女联合会2024年度法治政府建设工作情况报告", ["青川县妇女联合会2024年度", "法治政府建设工作情况报告"]),
    ("中卫市沙坡头区妇女联合会“谁执法谁普法”普法责任制履职报告", ["中卫市沙坡头区妇女联合会", "“谁执法谁普法”普法责任制履职报告"]),
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


def _draft(padding: int):
    """A draft whose first section is padded so that a heading falls near a page's foot."""
    meta = build_meta(ORG, 2024, "fazhi", when="2025-01-20")
    draft = draft_report(meta, FACTS)
    first = draft.body_sections()[0]
    padded = replace(first, text=first.text + ("\n" + (FILLER * padding).rstrip("，") + "。" if padding else ""))
    return replace(draft, sections=[padded if s.id == first.id else s for s in draft.sections])


def _pages(pdf) -> list[list[str]]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[line for line in page.splitlines() if line.strip() and not PAGE_NUMBER.match(line)]
            for page in text.split("\f") if page.strip()]


def _stranded(pages: list[list[str]]) -> list[str]:
    """Headings that are the last line of a page (the last page's end is the 落款, never a heading)."""
    return [page[-1].strip() for page in pages[:-1] if page and HEADING.match(page[-1])]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
                    reason="needs libreoffice-writer and poppler-utils (CI installs them)")
def test_rendered_pages_keep_headings_with_their_text_and_break_the_title_between_words(tmp_path):
    paddings = range(10)
    kept = [write_docx(_draft(padding), tmp_path / f"pad{padding}.docx") for padding in paddings]
    controls = []  # the same layouts with keep-with-next removed: proof that some put a heading at a page's foot
    for path in kept:
        control = docx.Document(str(path))
        for paragraph in control.paragraphs:
            paragraph.paragraph_format.keep_with_next = None
        controls.append(tmp_path / f"control-{path.name}")
        control.save(str(controls[-1]))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, kept + controls)], check=True, capture_output=True, timeout=300)
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
