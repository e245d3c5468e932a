"""Word export in official-document format (GB/T 9704-2012).

The report's lines (drafting.output.render) become paragraphs in named styles (word_styles): 版头
when given, title, 主送机关, headings, body, 落款, and 版记 when given. Source markers are not printed:
the sources travel as Word comments (or, as a setting, an appendix), and so does every open problem
— a comment at its sentence (or its section's heading), and a first comment on the title saying how
many there are. A long title breaks between words (drafting.output.title). Headings and the title
keep with the next paragraph, the 落款 with the end of the body, and the 版记 stays whole, so none is
left alone at the foot of a page. The file carries its draft's id (word_props).
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION

from drafting.domain.types import Draft
from drafting.review.base import CheckResult
from lexicon.numbering import ARABIC_ITEM, NUMBERED_SENTENCE, SUB, SUBHEAD_SENTENCE
from retrieval.text import sentences

from .comments import Placed, source_note
from .render import APPENDIX, BLANK_DATE, Line, report_lines, section_heading
from .title import title_lines, width
from .word_props import stamp
from .word_styles import (
    ADDRESSEE,
    BODY,
    DATE,
    HEADER,
    HEADING1,
    HEADING2,
    HEADING3,
    KAI,
    LINE_CHARS,
    RECORD,
    RUN_IN2,
    RUN_IN3,
    SIGNATURE,
    THICK,
    THIN,
    TITLE,
    chars,
    paragraph,
    rule,
    set_fonts,
    setup,
)

HEADING_LEVELS = ((SUB, SUBHEAD_SENTENCE, HEADING2, RUN_IN2), (ARABIC_ITEM, NUMBERED_SENTENCE, HEADING3, RUN_IN3))
"""（一） and 1. paragraphs: how one opens, its heading sentence, its style alone and run in."""
SENTENCE_INSIDE = re.compile(r"[。；！？]")


def write_docx(draft: Draft, path: Path, sources: str = "comments", results: list[CheckResult] | None = None) -> Path:
    """Write the draft as a .docx from the report's lines; sources as Word 'comments' or an
    'appendix' (附：来源说明); open problems (section flags, the check results passed in, 通用表述
    to confirm) always as comments."""
    doc = Document()
    setup(doc)
    stamp(doc, draft)
    placed = Placed()
    for line in report_lines(draft, markers=False, results=results):
        placed.add(line, WRITERS[line.kind](doc, line, draft.meta))
    for line, runs in placed.comments(draft, sources == "comments"):
        doc.add_comment(runs, text=line, author="reportdraft", initials="RD")
    if sources == "appendix":
        _appendix(doc, draft)
    path = Path(path)
    doc.save(path)
    return path


def _blank(doc, keep_with_next: bool = False) -> None:
    doc.add_paragraph().paragraph_format.keep_with_next = keep_with_next or None


def _header(doc, line: Line, meta) -> list:
    """版头 of a report to a higher office (上行文, 7.2.5–7.2.6): 发文字号 one character from the left
    and 签发人 one from the right, on one line, the name in 楷体; the title two lines below."""
    p = paragraph(doc, HEADER, meta.doc_number)
    if meta.signer:
        p.add_run("\t签发人：")
        set_fonts(p.add_run(meta.signer)._r.get_or_add_rPr(), KAI)
    _blank(doc)
    _blank(doc)
    return []


def _title(doc, line: Line, meta) -> list:
    p = paragraph(doc, TITLE)
    runs = []
    for n, text in enumerate(title_lines(line.text, meta.org)):
        if n:
            runs[-1].add_break()  # an explicit line break between words, never inside one
        runs.append(p.add_run(text))
    _blank(doc, keep_with_next=True)  # 标题下空一行 (7.3.2)
    return runs


def _body(doc, line: Line, meta) -> list:
    """A body paragraph, one run a sentence (so a comment can sit on one). A paragraph that is only
    a （一） or 1. heading takes that heading's style; one that opens with its heading sentence and
    goes on carries that sentence in the heading's character style."""
    text = line.text
    for opening, heading_sentence, heading, run_in in HEADING_LEVELS:
        if not opening.match(text):
            continue
        m = heading_sentence.match(text)
        if not (text[m.end():].strip() if m else SENTENCE_INSIDE.search(text[:-1])):
            return paragraph(doc, heading, text).runs
        p = paragraph(doc, BODY)
        if m:
            p.add_run(m.group(1), style=run_in.name)
            text = text[m.end():]
        break
    else:
        p = paragraph(doc, BODY)
    for sentence in sentences(text):
        p.add_run(sentence)
    return p.runs


def _signature(doc, line: Line, meta) -> list:
    """落款 of a sealed document from one organisation (7.3.5.1): two blank lines for the seal, kept
    with the end of the body; the name centred over the 成文日期, which stands four characters from
    the right. A name too long for that is as near centred as the line allows (flush right)."""
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    _blank(doc, keep_with_next=True)
    _blank(doc, keep_with_next=True)
    axis = 4 + width(meta.date or BLANK_DATE) / 2  # the date's centre, in characters from the right
    p = paragraph(doc, SIGNATURE, line.text)
    p.paragraph_format.left_indent = chars(max(0.0, min(LINE_CHARS - 2 * axis, LINE_CHARS - width(line.text))))
    return []


def _record(doc, line: Line, meta) -> list:
    """版记 (7.4): 抄送 and 印发机关/印发日期 in 4号 between rules as wide as the text block — thick
    above the first line and below the last, thin between — kept together on one page."""
    first = line.kind == "cc" or not meta.cc
    last = line.kind == "printer" or not meta.printer
    if first:
        _blank(doc)
    rule(doc, THICK if first else THIN)
    paragraph(doc, RECORD, line.text if line.kind == "cc" else f"{meta.printer}\t{meta.date or BLANK_DATE}印发")
    if last:
        rule(doc, THICK, keep_with_next=False)
    return []


def _in_style(look, anchors: bool = False):
    def write(doc, line: Line, meta) -> list:
        runs = paragraph(doc, look, line.text).runs
        return runs if anchors else []
    return write


def _nothing(doc, line: Line, meta) -> list:
    return []  # problems travel as comments, never in the body


WRITERS = {
    "summary": _nothing, "note": _nothing, "header": _header, "title": _title,
    "addressee": _in_style(ADDRESSEE), "heading1": _in_style(HEADING1, anchors=True),
    "heading2": _body, "body": _body, "signature": _signature, "date": _in_style(DATE),
    "cc": _record, "printer": _record,
}
"""How each kind of report line is written; each returns the runs a comment may sit on."""


def _appendix(doc, draft: Draft) -> None:
    doc.add_section(WD_SECTION.NEW_PAGE)
    paragraph(doc, HEADING1, APPENDIX)
    for section in draft.sections:
        label = section_heading(draft, section.id) or "导语"
        for line in [label] + source_note(draft, section).split("\n"):
            paragraph(doc, BODY, line)
