"""The Word file's page and named styles, as GB/T 9704-2012 sets them.

Every paragraph of the export has a named paragraph style carrying its fonts and sizes, so the
navigation pane of Word and WPS lists the headings and other tools read the structure from styles:

  正文 (Word's Normal, which Chinese Word and WPS call 正文)  3号 仿宋_GB2312, justified, indented two
        characters, on the 22-line grid (5.2.2, 5.2.3, 7.3.3)
  标题 (Word's Title, shown as 标题)  2号 方正小标宋简体, centred (7.3.1)
  一级标题 黑体 · 二级标题 楷体_GB2312 · 三级标题 仿宋_GB2312 bold, outline levels 1–3 (7.3.3);
        a paragraph that opens with its （一） or 1. sentence and goes on carries that sentence in
        the character style 二级标题（段内） or 三级标题（段内）
  主送机关 flush left (7.3.2) · 落款 and 成文日期 (7.3.5.1) · 版头 (7.2.5, 7.2.6) · 版记 4号 (7.4)

Fonts are named for East Asian text (w:eastAsia) as well as Latin, and no theme font is left
anywhere (python-docx's template has them, and a theme font overrides a named one). A4; margins
37/35/28/26 mm; 28 characters a line; page numbers `— 1 —` in 4号 宋体, odd pages right, even left.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt

TITLE_FONT, BODY_FONT, HEI, KAI, SONG = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
SIZE_2, SIZE_3, SIZE_4, SIZE_5 = Pt(22), Pt(16), Pt(14), Pt(10.5)
LINE_PITCH = Pt(28.95)  # (297 − 37 − 35) mm / 22 lines
TEXT_WIDTH = Mm(210 - 28 - 26)
LINE_CHARS = 28
CHAR_PITCH = Emu(TEXT_WIDTH // LINE_CHARS)  # 156 mm / 28 characters of 3号
JUSTIFY, CENTER, RIGHT, LEFT = (WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)
THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
THICK, THIN = 8, 6  # 版记 rules in eighths of a point: 0.35 mm and 0.25 mm (7.4.1)


@dataclass(frozen=True)
class Look:
    """One named style: what Word and WPS show, its id in the file, and what it carries."""

    name: str
    style_id: str
    font: str = BODY_FONT
    size: Length = SIZE_3
    bold: bool = False
    align: WD_ALIGN_PARAGRAPH | None = None
    indent: float = 0
    """First-line indent in characters of the style's size (negative: hanging)."""
    outline: int | None = None
    """Outline level as Word counts it: 0 is level 1 of the navigation pane."""
    keep_with_next: bool = False
    line: Length = LINE_PITCH
    """Exact line spacing: the body's 22-line grid unless said otherwise."""
    character: bool = False


BODY = Look("Normal", "Normal", align=JUSTIFY, indent=2)
TITLE = Look("Title", "Title", TITLE_FONT, SIZE_2, align=CENTER, keep_with_next=True, line=Pt(33))
HEADING1 = Look("一级标题", "RDHeading1", HEI, align=JUSTIFY, indent=2, outline=0, keep_with_next=True)
HEADING2 = Look("二级标题", "RDHeading2", KAI, align=JUSTIFY, indent=2, outline=1, keep_with_next=True)
HEADING3 = Look("三级标题", "RDHeading3", bold=True, align=JUSTIFY, indent=2, outline=2, keep_with_next=True)
RUN_IN2 = Look("二级标题（段内）", "RDRunIn2", KAI, character=True)
RUN_IN3 = Look("三级标题（段内）", "RDRunIn3", bold=True, character=True)
ADDRESSEE = Look("主送机关", "RDAddressee", align=LEFT)
SIGNATURE = Look("落款", "RDSignature", align=CENTER, keep_with_next=True)
DATE = Look("成文日期", "RDDate", align=RIGHT)
HEADER = Look("版头", "RDHeader", align=JUSTIFY, indent=1)
RECORD = Look("版记", "RDRecord", size=SIZE_4, align=JUSTIFY, indent=-3, keep_with_next=True)
RULE = Look("版记线", "RDRule", size=Pt(2), keep_with_next=True, line=Pt(2))
COMMENT = Look("annotation text", "CommentText", size=SIZE_5, align=LEFT)
LOOKS = (BODY, TITLE, HEADING1, HEADING2, HEADING3, RUN_IN2, RUN_IN3, ADDRESSEE, SIGNATURE, DATE,
         HEADER, RECORD, RULE, COMMENT)


def chars(n: float, size: Length = SIZE_3) -> Emu:
    """A width of n characters of the given size (3号 characters sit on the 28-a-line pitch)."""
    return Emu(int(n * (CHAR_PITCH if size == SIZE_3 else size)))


def set_fonts(rpr, name: str) -> None:
    """Name the font for Latin and East Asian text alike, with no theme font overriding it."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for attr in THEME_FONTS:
        fonts.attrib.pop(qn(attr), None)


def paragraph(doc, look: Look, text: str = ""):
    """A paragraph in a named style. Its alignment and indent are written on the paragraph too:
    readers built on python-docx (the gongwen checker among them) see only a paragraph's own."""
    p = doc.add_paragraph(style=doc.styles[look.name])
    if look.align is not None:
        p.alignment = look.align
    if look.indent > 0:
        _indent(p.paragraph_format, look.indent, look.size)
    if text:
        p.add_run(text)
    return p


def setup(doc) -> None:
    """A4 page, the 22-line grid, every named style, and the page numbers."""
    _page(doc.sections[0])
    _defaults(doc)
    for fonts in doc.styles.element.iter(qn("w:rFonts")):  # the template's other styles: no theme font
        for attr in THEME_FONTS:
            fonts.attrib.pop(qn(attr), None)
    for look in LOOKS:
        _style(doc, look)
    footer = doc.styles["Footer"]
    footer.paragraph_format.first_line_indent = 0
    footer.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "0")
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(doc.sections[0].footer, RIGHT)
    _page_number(doc.sections[0].even_page_footer, LEFT)


def _page(section) -> None:
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


def _defaults(doc) -> None:
    """The document defaults under every style: 仿宋_GB2312 3号 (Word measures the character grid
    from the default size), no space after paragraphs, no theme font."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, BODY_FONT)
    for tag in ("w:sz", "w:szCs"):
        put(rpr, tag, val=int(SIZE_3.pt * 2))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for attr in ("w:after", "w:line", "w:lineRule"):
        spacing.attrib.pop(qn(attr), None)


def _style(doc, look: Look):
    """Create (or, for Word's own Normal, Title and annotation text, clear and redo) one style."""
    kind = WD_STYLE_TYPE.CHARACTER if look.character else WD_STYLE_TYPE.PARAGRAPH
    try:
        style = doc.styles[look.name]
    except KeyError:
        style = doc.styles.add_style(look.name, kind)
        style.style_id = look.style_id
    for tag in ("w:pPr", "w:rPr", "w:link"):
        for old in style.element.findall(qn(tag)):
            style.element.remove(old)
    if look.character:
        style.base_style = doc.styles["Default Paragraph Font"]
    elif look is not BODY and look.indent >= 0:
        style.base_style = doc.styles["Normal"]  # a hanging indent inherits nothing: Word would mix it with 正文's
    style.hidden, style.quick_style = False, True
    _character(style, look)
    if not look.character:
        _paragraph_format(style, look)
    return style


def _character(style, look: Look) -> None:
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, look.font)
    style.font.size = look.size
    if look.bold:
        style.font.bold = True
    if look is BODY:
        # 28 characters a line: 156 mm holds 28 characters of 3号 when each is drawn a little tighter.
        put(rpr, "w:spacing", val=round((CHAR_PITCH.pt - SIZE_3.pt) * 20) - 1)


def _paragraph_format(style, look: Look) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = look.line
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = True
    fmt.alignment = look.align
    fmt.keep_with_next = look.keep_with_next or None
    _indent(fmt, look.indent, look.size)
    if look.outline is not None:
        put(style.element.get_or_add_pPr(), "w:outlineLvl", val=look.outline)
    if look is RULE:
        put(style.element.get_or_add_pPr(), "w:snapToGrid", val=0)  # two points high, not a grid line
    if look is HEADER:
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH - chars(1), WD_TAB_ALIGNMENT.RIGHT)  # 签发人 右空一字
    if look in (SIGNATURE, DATE):
        # No extra space between Chinese and figures, so the date is as wide as counted and the
        # name stands centred over it.
        for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
            put(style.element.get_or_add_pPr(), tag, val=0)
    if look is DATE:
        fmt.right_indent = chars(4)  # 成文日期 右空四字 (7.3.5.1)
    if look is RECORD:
        fmt.keep_together = True
        # 抄送 wraps under the first character after its colon (7.4.2); 印发日期 右空一字 (7.4.3).
        fmt.left_indent, fmt.right_indent = chars(4, SIZE_4), chars(1, SIZE_4)
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH - chars(1, SIZE_4), WD_TAB_ALIGNMENT.RIGHT)


def _indent(fmt, n: float, size: Length) -> None:
    """First-line indent of n characters (negative: hanging), in points for every reader and in
    characters for Word; the body's two characters are never inherited."""
    fmt.first_line_indent = chars(n, size)
    ind = fmt._element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars" if n >= 0 else "w:hangingChars"), str(int(abs(n) * 100)))


def rule(doc, size: int, keep_with_next: bool = True):
    """A 版记 rule as wide as the text block (7.4.1): the bottom border of a two-point paragraph."""
    p = paragraph(doc, RULE)
    p.paragraph_format.keep_with_next = keep_with_next
    borders = put(p._p.get_or_add_pPr(), "w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", size), ("w:space", 0), ("w:color", "000000")):
        bottom.set(qn(attr), str(value))
    borders.append(bottom)
    return p


def _page_number(footer, align) -> None:
    """— 1 — in 4号 宋体: a PAGE field between two em dashes, with a one-character margin (7.5)."""
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    if align == RIGHT:
        fmt.right_indent = SIZE_4
    else:
        fmt.left_indent = SIZE_4
    runs = [p.add_run("— "), p.add_run(), p.add_run(), p.add_run(), p.add_run(" —")]
    for run in runs:
        run.font.size = SIZE_4
        set_fonts(run._r.get_or_add_rPr(), SONG)
    for run, kind in ((runs[1], "begin"), (runs[3], "end")):
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run._r.append(fld)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = "PAGE"
    runs[2]._r.append(instr)


def put(parent, tag: str, **attributes):
    """The child `tag` of a w:pPr or w:rPr, added in schema order when missing (Word refuses
    elements out of order), with these w: attributes set."""
    order = _PPR_ORDER if parent.tag == qn("w:pPr") else _RPR_ORDER
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert_element_before(child, *order[order.index(tag) + 1:])
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), str(value))
    return child


_PPR_ORDER = tuple(f"w:{t}" for t in (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
    "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split())
_RPR_ORDER = tuple(f"w:{t}" for t in (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath").split())
