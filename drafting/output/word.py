"""Word export in official-document format (GB/T 9704-2012), and reading an edited file back.

A4; margins 37/35/28/26 mm; 22 lines of 28 characters; title 2号 方正小标宋简体 centred; body
3号 仿宋_GB2312 with a two-character first-line indent; `一、` 黑体, `（一）` 楷体_GB2312, `1.`
bold 仿宋; page numbers `— 1 —` in 4号 宋体, odd pages right, even pages left. Source markers
are not printed: the sources travel as Word comments (or, as a setting, an appendix), and so does
every open problem — a comment at its sentence (or its section's heading), and a first comment on
the title saying how many there are. A long title breaks between words (drafting.output.title);
headings and the title are kept with the next paragraph, so none is left at the foot of a page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from drafting.domain.types import Draft
from drafting.review.base import CheckResult
from lexicon.numbering import NUMBERED_SENTENCE, SUBHEAD_SENTENCE
from retrieval.text import sentences

from .comments import Placed, source_note
from .render import BLANK_DATE, Line, report_lines, section_heading
from .title import title_lines, width

TITLE_FONT, BODY_FONT, HEI, KAI, SONG = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
SIZE_2, SIZE_3, SIZE_4 = Pt(22), Pt(16), Pt(14)
LINE_PITCH = Pt(28.95)  # (297 − 37 − 35) mm / 22 lines
CHAR_PITCH_PT = (210 - 28 - 26) / 25.4 * 72 / 28  # 156 mm / 28 characters


def set_font(run, name: str, size, bold: bool = False) -> None:
    """Name the font for Chinese (w:eastAsia) as well as Latin text; no theme font overrides it."""
    run.font.name = name
    run.font.size = size
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _paragraph(doc, align=None, indent: bool = True):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = True
    if indent:
        fmt.first_line_indent = SIZE_3 * 2
        ind = p._p.get_or_add_pPr().get_or_add_ind()
        ind.set(qn("w:firstLineChars"), "200")
    if align is not None:
        p.alignment = align
    return p


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    # A line grid of 22 lines; the 28-character width comes from character spacing (a char
    # grid is drawn too wide by LibreOffice when the fonts are substituted).
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH.pt * 20)))
    style = doc.styles["Normal"]
    style.font.name, style.font.size = BODY_FONT, SIZE_3
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), BODY_FONT)
    # 28 characters a line: 156 mm holds 28 characters of 3号 when each is drawn 0.25 pt tighter.
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(round((CHAR_PITCH_PT - SIZE_3.pt) * 20) - 1))
    rpr.append(spacing)
    # Word measures the character grid from the document's default font size: make it 3号.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        el = rpr_default.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr_default.append(el)
        el.set(qn("w:val"), str(int(SIZE_3.pt * 2)))
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(footer, align) -> None:
    """— 1 — in 4号 宋体: a PAGE field between two em dashes, with a one-character margin."""
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = SIZE_4
    else:
        fmt.left_indent = SIZE_4
    set_font(p.add_run("— "), SONG, SIZE_4)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = p.add_run()
        set_font(run, SONG, SIZE_4)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
    set_font(p.add_run(" —"), SONG, SIZE_4)


def _body_paragraph(doc, text: str):
    """A body paragraph, one run a sentence (so a comment can sit on one); a leading （一）… or
    1.… heading keeps its own font, and a paragraph that is only that heading keeps with the next."""
    p = _paragraph(doc)
    for pattern, font, bold in ((SUBHEAD_SENTENCE, KAI, False), (NUMBERED_SENTENCE, BODY_FONT, True)):
        m = pattern.match(text)
        if m:
            set_font(p.add_run(m.group(1)), font, SIZE_3, bold)
            text = text[m.end():]
            p.paragraph_format.keep_with_next = not text.strip()
            break
    for sentence in sentences(text):
        set_font(p.add_run(sentence), BODY_FONT, SIZE_3)
    return p


def write_docx(draft: Draft, path: Path, sources: str = "comments", results: list[CheckResult] | None = None) -> Path:
    """Write the draft as a .docx from the report's lines; sources as Word 'comments' or an
    'appendix' (附：来源说明); open problems (section flags, the check results passed in, 通用表述
    to confirm) always as comments."""
    doc = Document()
    _page_setup(doc)
    placed = Placed()
    for line in report_lines(draft, markers=False, results=results):
        placed.add(line, _write_line(doc, line, draft.meta))
    for line, runs in placed.comments(draft, sources == "comments"):
        doc.add_comment(runs, text=line, author="reportdraft", initials="RD")
    if sources == "appendix":
        _appendix(doc, draft)
    path = Path(path)
    doc.save(path)
    return path


def _signature(doc, line: Line, date: str) -> list:
    """落款: the date four characters from the right, the name centred over it, the two kept together
    and with the end of the body: the 落款 never stands alone on a page."""
    if line.kind == "signature":
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
        for _ in range(2):
            _paragraph(doc, indent=False).paragraph_format.keep_with_next = True
    p = _paragraph(doc, WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    p.paragraph_format.keep_with_next = line.kind == "signature"
    centred = 4 + (width(date) - width(line.text)) / 2
    p.paragraph_format.right_indent = Emu(int(SIZE_3 * (max(0.0, centred) if line.kind == "signature" else 4)))
    set_font(p.add_run(line.text), BODY_FONT, SIZE_3)
    return []


def _write_line(doc, line: Line, meta) -> list:
    """One report line in its official format; returns the runs written (for comment anchors)."""
    if line.kind in ("summary", "note"):
        return []  # problems travel as comments, never in the body
    if line.kind == "header":
        p = _paragraph(doc, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        set_font(p.add_run(line.text), BODY_FONT, SIZE_3)
        _paragraph(doc, indent=False)
        return []
    if line.kind == "title":
        p = _paragraph(doc, WD_ALIGN_PARAGRAPH.CENTER, indent=False)
        p.paragraph_format.line_spacing = Pt(35)
        p.paragraph_format.keep_with_next = True
        runs = []
        for n, text in enumerate(title_lines(line.text, meta.org)):
            if n:
                runs[-1].add_break()  # an explicit line break between words, never inside one
            runs.append(p.add_run(text))
            set_font(runs[-1], TITLE_FONT, SIZE_2)
        _paragraph(doc, indent=False).paragraph_format.keep_with_next = True
        return runs
    if line.kind == "addressee":
        set_font(_paragraph(doc, indent=False).add_run(line.text), BODY_FONT, SIZE_3)
        return []
    if line.kind == "heading1":
        p = _paragraph(doc)
        p.paragraph_format.keep_with_next = True
        run = p.add_run(line.text)
        set_font(run, HEI, SIZE_3)
        return [run]
    if line.kind in ("body", "heading2"):
        return _body_paragraph(doc, line.text).runs
    if line.kind in ("signature", "date"):
        return _signature(doc, line, meta.date or BLANK_DATE)
    if line.kind == "cc":
        _paragraph(doc, indent=False)
    set_font(_paragraph(doc, indent=False).add_run(line.text), BODY_FONT, SIZE_4)  # cc, printer
    return []


def _appendix(doc, draft: Draft) -> None:
    doc.add_section(WD_SECTION.NEW_PAGE)
    p = _paragraph(doc, indent=False)
    set_font(p.add_run("附：来源说明"), HEI, SIZE_3)
    for section in draft.sections:
        label = section_heading(draft, section.id) or "导语"
        for line in [label] + source_note(draft, section).split("\n"):
            set_font(_paragraph(doc).add_run(line), BODY_FONT, SIZE_3)
