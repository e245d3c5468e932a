"""The Word file as other tools read it: named paragraph styles that carry the fonts (so the
navigation pane of Word and WPS lists the headings), the 落款 laid out as GB/T 9704 7.3.5.1 says,
版头 and 版记 when given, the draft's id in the file, and facts found again when it comes back."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from drafting.engine import draft_report
from drafting.output.title import width
from drafting.output.word import write_docx
from drafting.output.word_merge import merge_docx
from drafting.output.word_props import read_draft_id
from drafting.output.word_styles import CHAR_PITCH, LINE_CHARS
from drafting.shell.services import load_case, meta_from_case
from drafting.write.pipeline import recheck

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "evals" / "cases" / "placement_county_fazhi.yaml"
BLOCKS = {"doc_number": "青妇〔2025〕3号", "signer": "王丽", "cc": "县委依法治县办",
          "printer": "青川县妇女联合会办公室"}


@pytest.fixture(scope="module")
def county(seed_index):
    """A county federation's 2024 report from the facts its staff pasted (19 facts, subsections)."""
    case = load_case(CASE)
    return draft_report(meta_from_case(case), "\n".join(case["facts"]), index=seed_index)


def _text(draft) -> str:
    return "\n".join(s.text for s in draft.sections)


def _paragraphs(path: Path):
    return [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def _outline(style) -> str | None:
    level = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    return None if level is None else level.get(qn("w:val"))


def _east_asian(style) -> str:
    return style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia"))


def test_every_paragraph_has_a_named_style_that_carries_its_fonts(county, tmp_path):
    paragraphs = _paragraphs(write_docx(county, tmp_path / "r.docx"))
    by_style = {}
    for p in paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert set(by_style) == {"Title", "主送机关", "Normal", "一级标题", "落款", "成文日期"}
    assert all(t.startswith(("一、", "二、", "三、", "四、", "五、", "六、")) for t in by_style["一级标题"])
    assert len(by_style["一级标题"]) == len(county.body_sections())
    styles = docx.Document(str(tmp_path / "r.docx")).styles
    fonts = {name: (_east_asian(styles[name]), styles[name].font.size.pt)
             for name in ("Title", "Normal", "一级标题", "二级标题", "三级标题", "主送机关", "落款", "成文日期",
                          "版记")}
    assert fonts == {"Title": ("方正小标宋简体", 22), "Normal": ("仿宋_GB2312", 16), "一级标题": ("黑体", 16),
                     "二级标题": ("楷体_GB2312", 16), "三级标题": ("仿宋_GB2312", 16), "主送机关": ("仿宋_GB2312", 16),
                     "落款": ("仿宋_GB2312", 16), "成文日期": ("仿宋_GB2312", 16), "版记": ("仿宋_GB2312", 14)}
    assert styles["三级标题"].font.bold
    # the navigation pane of Word and WPS lists 一级/二级/三级标题 as levels 1–3
    levels = [_outline(styles[n]) for n in ("一级标题", "二级标题", "三级标题", "Normal", "Title")]
    assert levels == ["0", "1", "2", None, None]
    with zipfile.ZipFile(tmp_path / "r.docx") as zf:
        xml = zf.read("word/styles.xml").decode() + zf.read("word/document.xml").decode()
    assert not re.search(r"w:(ascii|hAnsi|eastAsia|cs)(T|t)heme=", xml), "a theme font would override the named one"
    body_runs = [r for p in paragraphs if p.style.name != "Title" for r in p.runs]
    assert all(r._r.rPr is None or r._r.rPr.rFonts is None for r in body_runs), "runs leave the fonts to the styles"


def test_body_is_justified_and_a_run_in_subheading_keeps_its_kai_sentence(county, tmp_path):
    paragraphs = _paragraphs(write_docx(county, tmp_path / "r.docx"))
    body = [p for p in paragraphs if p.style.name == "Normal"]
    assert body and all(p.alignment == 3 and p.paragraph_format.first_line_indent for p in body), "两端对齐, 首行缩进"
    run_in = next(p for p in body if p.text.startswith("（一）"))
    head = run_in.runs[0]
    assert head.style.name == "二级标题（段内）" and _east_asian(head.style) == "楷体_GB2312"
    assert head.text.endswith("。") and run_in.text[len(head.text):].strip(), "the subheading sentence, then the text"


def test_a_paragraph_that_is_only_a_subheading_takes_the_heading_style(county, tmp_path):
    first = county.body_sections()[0]
    split = re.sub(r"(（一）[^。]*)。", r"\1\n", first.text, count=1)  # “（一）加强学法用法，提升法治素养” alone
    draft = replace(county, sections=[replace(s, text=split) if s.id == first.id else s for s in county.sections])
    alone = next(p for p in _paragraphs(write_docx(draft, tmp_path / "s.docx")) if p.text.startswith("（一）"))
    assert alone.style.name == "二级标题" and "。" not in alone.text


def test_the_name_is_centred_over_the_date_four_characters_from_the_right(county, tmp_path):
    *_, name, date = _paragraphs(write_docx(county, tmp_path / "r.docx"))
    assert (name.style.name, date.style.name) == ("落款", "成文日期")
    assert name.alignment == 1 and date.alignment == 2  # centred; right
    assert round(date.style.paragraph_format.right_indent / CHAR_PITCH) == 4, "成文日期 右空四字"
    left = name.paragraph_format.left_indent / CHAR_PITCH
    name_centre = (left + LINE_CHARS) / 2
    date_centre = LINE_CHARS - 4 - width(date.text) / 2
    assert abs(name_centre - date_centre) < 0.01
    assert width(name.text) <= 2 * (LINE_CHARS - name_centre), "the name fits on its line"


def test_header_and_record_blocks_in_official_form(county, tmp_path):
    draft = replace(county, meta=replace(county.meta, **BLOCKS))
    document = docx.Document(str(write_docx(draft, tmp_path / "b.docx")))
    texts = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert texts[0] == ("版头", "青妇〔2025〕3号\t签发人：王丽")
    signer = document.paragraphs[0].runs[-1]
    assert signer.text == "王丽" and signer._r.rPr.rFonts.get(qn("w:eastAsia")) == "楷体_GB2312"  # 7.2.6
    assert texts[-2:] == [("版记", "抄送：县委依法治县办。"), ("版记", "青川县妇女联合会办公室\t2025年1月20日印发")]
    record = [p for p in document.paragraphs if p.style.name in ("版记", "版记线")]
    rules = [p._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}").get(qn("w:sz"))
             for p in record if p.style.name == "版记线"]
    assert rules == ["8", "6", "8"], "thick above, thin between, thick below (7.4.1)"
    kept = [p.style.paragraph_format.keep_with_next if p.paragraph_format.keep_with_next is None
            else p.paragraph_format.keep_with_next for p in record]
    assert all(kept[:-1]) and not kept[-1], "the 版记 stays whole"


def test_the_file_carries_its_draft_id(county, tmp_path):
    path = write_docx(county, tmp_path / "r.docx")
    assert county.id and read_draft_id(path) == county.id
    props = docx.Document(str(path)).core_properties
    assert (props.title, props.author) == (county.meta.title, county.meta.org)
    assert props.created.year >= 2025 and "python-docx" not in (props.author + props.comments)
    with zipfile.ZipFile(path) as zf:
        assert not any(n.startswith("docProps/thumbnail") for n in zf.namelist())
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    assert read_draft_id(plain) == ""


def _edit(path: Path, changes: dict[str, str]) -> Path:
    """What an editor does in Word: change words inside the runs (the file's markers are long gone)."""
    document = docx.Document(str(path))
    for old, new in changes.items():
        run = next(r for p in document.paragraphs for r in p.runs if old in r.text)
        run.text = run.text.replace(old, new)
    document.save(str(path))
    return path


def test_facts_whose_markers_word_lost_are_found_again_by_their_words(county, seed_index, tmp_path):
    assert all(f"【{f}】" in _text(county) for f in ("F3", "F4", "F19"))
    path = _edit(write_docx(county, tmp_path / "r.docx"), {
        "成立以主席为组长的": "成立了以主席为组长的",      # F3 (no figures), lightly edited
        "健全工作机制，压实法治责任": "健全工作机制，压实责任",  # an edit elsewhere in F3's and F4's subsection
        "开展会前学法11次": "开展会前学法12次",          # F1's figure changed: caught, never re-marked
        "县妇联获评全省维护妇女儿童权益工作先进集体。": "",  # F19 deleted: still missing
    })
    merged, changes = merge_docx(county, path)
    text = _text(merged)
    assert "成立了以主席为组长的普法工作领导小组【F3】" in text
    assert "与业务工作同部署同考核【F4】" in text
    assert "会前学法12次；" in text and "F19" not in text
    flags = " ".join(f.message for s in recheck(merged, seed_index).sections for f in s.flags)
    assert "F3" not in flags and "F4" not in flags, flags
    assert "F19" in flags and "12次" in flags


def test_a_file_with_its_sources_as_an_appendix_reads_back_unchanged(county, tmp_path):
    path = write_docx(county, tmp_path / "a.docx", sources="appendix")
    merged, changes = merge_docx(county, path)
    assert changes == [] and merged == county
