"""A Draft as text: the whole report in reading order, with or without 【F3】 markers."""

from __future__ import annotations

from .compose import cn_ordinal
from .model import Draft, strip_markers


def section_heading(draft: Draft, section_id: str) -> str:
    """一、heading — numbered by position among the body sections."""
    for n, section in enumerate(draft.body_sections(), 1):
        if section.id == section_id:
            return f"{cn_ordinal(n)}、{section.heading}"
    return ""


def report_lines(draft: Draft, markers: bool = True) -> list[tuple[str, str]]:
    """(kind, text) lines: title, addressee, preamble, heading, body, signature, date, cc."""
    m = draft.meta
    keep = (lambda t: t) if markers else strip_markers
    lines: list[tuple[str, str]] = [("title", m.title)]
    if m.addressee:
        lines.append(("addressee", m.addressee))
    for section in draft.sections:
        if section.role == "preamble":
            lines += [("body", keep(p)) for p in section.text.split("\n") if p.strip()]
            continue
        lines.append(("heading1", section_heading(draft, section.id)))
        for paragraph in section.text.split("\n"):
            if paragraph.strip():
                kind = "heading2" if paragraph.startswith("（") and paragraph.find("）") <= 4 else "body"
                lines.append((kind, keep(paragraph)))
    lines += [("signature", m.org), ("date", m.date)]
    return lines


def to_markdown(draft: Draft, markers: bool = True) -> str:
    out = []
    for kind, text in report_lines(draft, markers):
        if kind == "title":
            out.append(f"# {text}\n")
        elif kind == "heading1":
            out.append(f"\n## {text}\n")
        elif kind in ("signature", "date"):
            out.append(f"{text}  ")
        else:
            out.append(text + "\n")
    return "\n".join(out).strip() + "\n"


def to_text(draft: Draft, markers: bool = True) -> str:
    return "\n".join(text for _, text in report_lines(draft, markers)) + "\n"
