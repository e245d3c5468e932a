"""The draft leaves as a Word file in official-document format, and comes back after editing."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.output.render import to_markdown
from drafting.output.store import DraftStore
from drafting.output.word import write_docx
from drafting.output.word_merge import merge_docx
from drafting.review import run_checks

ROOT = Path(__file__).resolve().parent.parent
FACTS = "全年开展普法宣传28场次，发放宣传资料8万余册\n开展会前学法16次\n受理信访案件43件，办结率100%\n基层普法力量不足"


@pytest.fixture
def draft(seed_index):
    # The themed shape: its edits land in two sections, which the read-back must tell apart.
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20", shape="themed")
    return draft_report(meta, FACTS, index=seed_index)


def _east_asian(paragraph, run: int = 0) -> str:
    """The East Asian font a run is drawn in: its own, its character style's, or its paragraph style's."""
    r = paragraph.runs[run]
    styles = [r.style] if r.style is not None and r.style.name != "Default Paragraph Font" else []
    style = paragraph.style
    while style is not None:
        styles.append(style)
        style = style.base_style
    for element in [r._r] + [s.element for s in styles]:
        fonts = element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    return ""


def test_page_margins_fonts_and_no_markers(draft, tmp_path):
    path = write_docx(draft, tmp_path / "report.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [37, 35, 28, 26]
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    title = paragraphs[0]
    assert title.text.split("\n") == ["青川县妇女联合会2024年度", "法治政府建设工作情况报告"], "broken between words"
    assert _east_asian(title) == "方正小标宋简体"
    assert title.style.name == "Title" and title.style.font.size.pt == 22 and title.alignment == 1
    heading1 = next(p for p in paragraphs if p.text.startswith("一、"))
    assert _east_asian(heading1) == "黑体"
    body = next(p for p in paragraphs if p.text.startswith("一是") or "县妇联" in p.text[:4])
    assert _east_asian(body) == "仿宋_GB2312" and body.style.font.size.pt == 16
    assert all("【F" not in p.text for p in document.paragraphs)
    assert paragraphs[-1].text == "2025年1月20日" and paragraphs[-2].text == "青川县妇女联合会"
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 22 lines a page


def test_subsection_headings_are_kai_and_page_numbers_alternate(seed_index, tmp_path):
    facts = "\n".join(["开展会前学法16次", "制定普法责任清单1份", "开展普法宣传28场次", "推送普法文章30余篇",
                       "受理信访案件43件"])
    meta = build_meta("青川县妇女联合会", 2024, "pufa", when="2025-01-20")
    path = write_docx(draft_report(meta, facts, index=seed_index), tmp_path / "pufa.docx")
    document = docx.Document(str(path))
    sub = next(p for p in document.paragraphs if p.text.startswith("（一）"))
    assert _east_asian(sub) == "楷体_GB2312"
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = document.sections[0].footer.paragraphs[0], document.sections[0].even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0  # right, left
    assert "PAGE" in odd._p.xml and odd.text.startswith("— ") and odd.text.endswith(" —")


def test_sources_travel_as_comments_or_an_appendix(draft, tmp_path):
    path = write_docx(draft, tmp_path / "c.docx")
    with zipfile.ZipFile(path) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert "事实：F1" in comments and "范例：《" in comments
    appendix = docx.Document(str(write_docx(draft, tmp_path / "a.docx", sources="appendix")))
    texts = [p.text for p in appendix.paragraphs]
    assert "附：来源说明" in texts and any(t.startswith("事实：F1") for t in texts)


def test_markdown_with_and_without_markers(draft):
    assert "【F1】" in to_markdown(draft)
    assert "【F" not in to_markdown(draft, markers=False)


def _edit_docx(path: Path, old: str, new: str) -> Path:
    document = docx.Document(str(path))
    for p in document.paragraphs:
        if old in p.text:
            for run in p.runs:
                run.text = run.text.replace(old, new)
    document.save(path)
    return path


def test_an_edited_docx_comes_back_as_a_new_version_and_an_edited_figure_is_caught(draft, tmp_path):
    store = DraftStore(tmp_path / "drafts.sqlite3")
    store.save(draft, "draft")
    path = _edit_docx(write_docx(draft, tmp_path / "r.docx"), "8万余册", "9万册")
    _edit_docx(path, "开展会前学法", "坚持开展会前学法")
    merged, changes = merge_docx(draft, path)
    assert len(changes) == 2 and all(c.diff for c in changes)
    failed = {r.name: r for r in run_checks(merged) if not r.passed}
    assert "9万册" in failed["figure_accuracy"].findings[0].message
    assert "坚持开展会前学法16次【F2】" in "".join(s.text for s in merged.sections), "markers are put back"
    store.save(merged, "docx")
    changed = next(c.section_id for c in changes if "9万册" in "".join(c.diff))
    assert [v[3] for v in store.versions(draft.id, changed)] == ["draft", "docx"]
    unchanged, no_changes = merge_docx(draft, write_docx(draft, tmp_path / "same.docx"))
    assert no_changes == [] and unchanged == draft


def test_the_cli_reads_an_edited_docx_back_as_the_app_does(data_dir, tmp_path, capsys):
    from drafting.domain.types import Draft
    from drafting.shell.cli import main

    facts, made, word = tmp_path / "facts.txt", tmp_path / "d.json", tmp_path / "d.docx"
    facts.write_text(FACTS, encoding="utf-8")
    assert main(["draft", "--facts", str(facts), "--type", "fazhi", "--org", "青川县妇女联合会", "--year", "2024",
                 "--date", "2025-01-20", "--out", str(made), "--docx", str(word)]) == 0
    _edit_docx(word, "8万余册", "9万册")
    assert main(["merge", str(made), str(word)]) == 1, "the edited figure fails the checks"
    merged = Draft.from_json(made.read_text(encoding="utf-8"))
    edited = next(s for s in merged.sections if "9万册" in s.text)
    assert any("9万册" in f.message and f.check == "figure_accuracy" for f in edited.flags), \
        "the edited section's findings follow its new text, as after an edit in the app"
    stored = DraftStore(data_dir / "drafts.sqlite3")
    assert [v[3] for v in stored.versions(merged.id, edited.id)] == ["docx"]


def test_a_broken_docx_upload_gets_a_message(draft, tmp_path):
    from drafting.errors import InputError

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="Word"):
        merge_docx(draft, bad)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs libreoffice-writer (CI installs it)")
def test_libreoffice_renders_the_file_in_chinese(draft, tmp_path):
    path = write_docx(draft, tmp_path / "render.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "render.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert 2 <= pages <= 6
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert draft.meta.title[:8] in text.replace(" ", "")
    lines = [line.strip() for line in text.splitlines() if len(line.strip()) > 20]
    def width(line: str) -> float:  # a half-width digit takes half a character's room
        return sum(0.5 if ord(c) < 128 else 1 for c in line.replace(" ", ""))

    assert 27 <= max(width(line) for line in lines) <= 28, "28 characters a line"
    subprocess.run(["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_the_optional_header_and_footer_blocks_appear_when_given(seed_index, tmp_path):
    meta = build_meta("重庆市某区妇女联合会", 2021, "fazhi", "区妇联", when="2022-01-14",
                      doc_number="某妇〔2022〕3号", signer="王某某", cc="区委依法治区办",
                      printer="重庆市某区妇女联合会办公室")
    path = write_docx(draft_report(meta, "开展《民法典》宣讲20场次", index=seed_index), tmp_path / "h.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert texts[0] == "某妇〔2022〕3号\t签发人：王某某"
    assert texts[-2:] == ["抄送：区委依法治区办。", "重庆市某区妇女联合会办公室\t2022年1月14日印发"]
