"""From clean paragraphs to a report's parts: title, 主送, preamble, numbered sections with roles, 落款.

Top-level sections are the `一、` headings, each with the role its heading names (lexicon/cues.py);
`（一）`, `1.`, `（1）` stay inside their section.
Paragraphs with 一是…二是… stay paragraphs. Markdown levels are ignored: converters get them wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lexicon.cues import heading_role
from lexicon.numbering import TOP

from .clean import CLOSING_DATE, Paragraph

TITLE = re.compile(r"(报告|总结|谋划|计划|要点|情况)")
ORG_LINE = re.compile(r"^[\u4e00-\u9fa5*＊]{1,30}(妇女联合会|妇联)$")


@dataclass
class ReportSection:
    """One `一、` section: its number, heading (without the number), role and paragraphs."""

    number: str
    heading: str
    role: str
    """A Role's value (lexicon/cues.py gives it from the heading)."""
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class ParsedReport:
    """A report taken apart; every paragraph of the input lands in exactly one part."""

    title: str = ""
    header: list[str] = field(default_factory=list)
    addressee: str = ""
    preamble: list[str] = field(default_factory=list)
    sections: list[ReportSection] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)


def split_heading(rest: str) -> tuple[str, str]:
    """'切实提升…领导。2023年度…' → ('切实提升…领导', '2023年度…'): inline headings end at the first 。"""
    if "。" in rest:
        head, _, tail = rest.partition("。")
        if len(head) <= 40:
            return head, tail
    return rest.rstrip("。"), ""


def parse_report(paragraphs: list[Paragraph]) -> ParsedReport:
    """Split cleaned paragraphs into the parts of a report."""
    report = ParsedReport()
    texts = [p.text for p in paragraphs]
    i = _take_title(texts, report)
    if i < len(texts) and len(texts[i]) <= 25 and texts[i].endswith("：") and not TOP.match(texts[i]):
        report.addressee = texts[i]
        i += 1
    body, report.closing = _split_closing(texts[i:])
    for text in body:
        top = TOP.match(text)
        if top:
            heading, tail = split_heading(top.group(2))
            section = ReportSection(top.group(1), heading, heading_role(heading).value)
            if tail:
                section.paragraphs.append(tail)
            report.sections.append(section)
        elif report.sections:
            report.sections[-1].paragraphs.append(text)
        else:
            report.preamble.append(text)
    return report


def _take_title(texts: list[str], report: ParsedReport) -> int:
    for i, text in enumerate(texts[:6]):
        if TITLE.search(text) and "。" not in text and len(text) <= 80 and not TOP.match(text):
            report.header = texts[:i]
            org_line = next((h for h in report.header if ORG_LINE.match(h)), "")
            report.title = text if not org_line or text.startswith(org_line) else org_line + text
            return i + 1
    return 0


def _split_closing(texts: list[str]) -> tuple[list[str], list[str]]:
    """The 落款 (organisation, date) and 版记 (抄送, 印发) at the end of the report."""
    end = len(texts)
    while end > 0:
        text = texts[end - 1]
        is_closing = (
            (ORG_LINE.match(text) and len(text) <= 30)
            or (CLOSING_DATE.match(text) and len(text) <= 20)
            or re.match(r"^(抄送|印发|主送)", text)
            or (text.endswith("印") and len(text) <= 40 and re.search(r"\d{4}", text))
        )
        if not is_closing:
            break
        end -= 1
    return texts[:end], texts[end:]
