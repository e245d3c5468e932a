"""A report pasted as Markdown or plain text, read back into a Draft that the checks can run on.

The reading is the one the index uses for earlier reports (retrieval: clean → parse_report →
detect_metadata): title, 主送, preamble, the 一、 sections with their roles, the 落款 date. The
Markdown this tool writes reads back as it was drafted; its "> 待核实" notes are left out."""

from __future__ import annotations

import re

from drafting.domain.facts import parse_facts
from drafting.domain.meta import build_meta
from drafting.domain.types import MARKER_RE, Draft, Section
from drafting.errors import InputError
from lexicon.roles import Role
from retrieval.clean import clean_text
from retrieval.metadata import detect_metadata
from retrieval.structure import parse_report

HEADING_MARK = re.compile(r"^#{1,6}\s+")


def plain_lines(text: str) -> str:
    """Markdown to the lines of the report: heading marks and quoted notes (> …) removed."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    return "\n".join(HEADING_MARK.sub("", line).rstrip() for line in lines)


def draft_from_text(text: str, facts_text: str = "", org: str = "", year: int | None = None,
                    kind: str = "") -> Draft:
    """The report in `text` as a Draft; org, year and kind are read from its title unless given.
    `facts_text` (one fact per line) numbers the facts F1, F2 … that its 【F】 markers refer to."""
    plain = plain_lines(text)
    parsed = parse_report(clean_text(plain))
    found = detect_metadata(parsed, plain)
    org, year, kind = org or found.org, year or found.year, kind or found.report_type
    missing = [name for name, value in (("单位全称（org）", org), ("年份（year）", year), ("报告类型（kind）", kind))
               if not value]
    if missing:
        raise InputError(f"从标题读不出{'、'.join(missing)}：请在调用时给出。")
    meta = build_meta(org, year, kind, addressee=parsed.addressee, when=found.date)
    meta.title = parsed.title or meta.title
    sections = [Section(id="s0", role=Role.PREAMBLE, heading="", text="\n".join(parsed.preamble))]
    sections += [Section(id=f"s{n}", role=part.role, heading=part.heading, text=part.text,
                         fact_ids=list(dict.fromkeys(MARKER_RE.findall(part.text))))
                 for n, part in enumerate(parsed.sections, start=1)]
    return Draft(meta=meta, facts=parse_facts(facts_text) if facts_text.strip() else [], sections=sections,
                 id="pasted")
