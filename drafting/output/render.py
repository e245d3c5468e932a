"""One renderer: a Draft as the lines of a report in reading order — 版头, title, 主送, preamble,
headings, body, 落款, 版记. Markdown, plain text and the Word file are all written from these lines,
so what one shows the others show too."""

from __future__ import annotations

from dataclasses import dataclass

from drafting.domain.types import Draft, strip_markers
from retrieval.patterns import SUB, ordinal

BLANK_DATE = "年  月  日"
"""The 成文日期 left for the signer when the tool could not know it."""


@dataclass(frozen=True)
class Line:
    """One line of the report: what it is, its text, and the section it belongs to ('' for none)."""

    kind: str
    """header, title, addressee, heading1, heading2, body, signature, date, cc, printer."""
    text: str
    section_id: str = ""


def section_heading(draft: Draft, section_id: str) -> str:
    """一、heading — numbered by position among the body sections."""
    for n, section in enumerate(draft.body_sections(), 1):
        if section.id == section_id:
            return f"{ordinal(n)}、{section.heading}"
    return ""


def report_lines(draft: Draft, markers: bool = True) -> list[Line]:
    """The whole report, line by line."""
    m = draft.meta
    keep = (lambda t: t) if markers else strip_markers
    lines: list[Line] = []
    if m.doc_number or m.signer:
        lines.append(Line("header", m.doc_number + ("    签发人：" + m.signer if m.signer else "")))
    lines.append(Line("title", m.title))
    if m.addressee:
        lines.append(Line("addressee", m.addressee))
    for section in draft.sections:
        if section.role != "preamble":
            lines.append(Line("heading1", section_heading(draft, section.id), section.id))
        for paragraph in section.text.split("\n"):
            if paragraph.strip():
                kind = "heading2" if SUB.match(paragraph.strip()) else "body"
                lines.append(Line(kind, keep(paragraph.strip()), section.id))
    lines += [Line("signature", m.org), Line("date", m.date or BLANK_DATE)]
    if m.cc:
        lines.append(Line("cc", f"抄送：{m.cc}"))
    if m.printer:
        lines.append(Line("printer", f"{m.printer}    {m.date or BLANK_DATE}印发"))
    return lines


def to_markdown(draft: Draft, markers: bool = True) -> str:
    out = []
    for line in report_lines(draft, markers):
        if line.kind == "title":
            out.append(f"# {line.text}\n")
        elif line.kind == "heading1":
            out.append(f"\n## {line.text}\n")
        elif line.kind in ("signature", "date", "header"):
            out.append(f"{line.text}  ")
        elif line.kind in ("cc", "printer"):
            out.append(f"\n---\n{line.text}  " if line.kind == "cc" or not draft.meta.cc else f"{line.text}  ")
        else:
            out.append(line.text + "\n")
    return "\n".join(out).strip() + "\n"


def to_text(draft: Draft, markers: bool = True) -> str:
    return "\n".join(line.text for line in report_lines(draft, markers)) + "\n"
