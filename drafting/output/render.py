"""One renderer: a Draft as the lines of a report in reading order — 版头, title, 主送, preamble,
headings, body, 落款, 版记 — and, with them, every open problem where it belongs: a note line after
each section's text (its flags, the check findings the caller passes, its 通用表述 to confirm) and a
summary line after the title; and where each fact taken from the year's 工作信息 was reported, as
a note at its sentence. Markdown, plain text and the Word file are all written from these
lines, so what one shows the others show too (plain text leaves the notes out; Markdown prints
them as "> 待核实：…" blocks; Word turns them into comments at their sentence)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.domain.types import Draft, Section, strip_markers
from drafting.review.base import CheckResult
from lexicon.numbering import SUB, ordinal
from lexicon.roles import Role
from retrieval.text import sentences

BLANK_DATE = "年  月  日"
"""The 成文日期 left for the signer when the tool could not know it."""
APPENDIX = "附：来源说明"
"""The heading of the Word file's sources, when they travel as an appendix rather than comments."""


@dataclass(frozen=True)
class Line:
    """One line of the report: what it is, its text, and the section it belongs to ('' for none)."""

    kind: str
    """header, title, summary, addressee, heading1, heading2, body, note, signature, date, cc, printer."""
    text: str
    section_id: str = ""
    anchor: str = ""
    """For a note: the sentence it concerns, as printed ('' when it concerns the whole section)."""
    label: str = ""
    """For a note or the summary: 待核实, or 通用表述，请核实 for a sentence the user should confirm."""


@dataclass(frozen=True)
class Note:
    """One open problem: what, in which section ('' for the whole draft), at which sentence."""

    label: str
    text: str
    section_id: str = ""
    sentence: str = ""


TO_CHECK, STOCK, ORIGIN = "待核实", "通用表述，请核实", "来源"


MOSTLY_STOCK = 0.5
"""A section whose 通用表述 make up at least this share of its text is flagged once, as a section."""


def open_notes(draft: Draft, results: list[CheckResult] | None = None) -> list[Note]:
    """Every open problem of the draft, once: the check findings passed in, what the tool decided
    about who and when, the facts' warnings, section flags (one the checks also found is given by
    the finding), facts' questions and the 通用表述 sentences the user should confirm. One problem
    is one note: a fact's doubt that a finding at its sentence already says is not said again, a
    notice about a fact is said at the fact's sentence rather than at the top too, and a section
    that is mostly 通用表述 is one note for the section."""
    findings = [f for r in results or [] for f in r.findings]
    found = {f.message for f in findings}
    ids = {s.id for s in draft.sections}
    notes = [Note(TO_CHECK, f.message, f.section_id if f.section_id in ids else "", f.sentence) for f in findings]
    flags = [flag.line for s in draft.sections for flag in s.flags]
    placed = {i for s in draft.sections for i in s.fact_ids}
    # who/when decided by the tool, and the facts' warnings no finding, section flag or fact's note carries
    notes += [Note(TO_CHECK, text) for text in draft.meta.notices + draft.warnings
              if not any(text.startswith(flag) for flag in flags) and text.rstrip("。") not in found
              and not _said_at_fact(text, draft, placed)]
    for section in draft.sections:
        for flag in section.flags:
            if flag.message not in found:
                sentence = flag.sentence or _sentence_named(section, flag.message)
                notes.append(Note(TO_CHECK, flag.message, section.id, sentence))
        for fact in (draft.fact(i) for i in section.fact_ids):
            if fact is not None and fact.note:
                sentence = _sentence_with(section, f"【{fact.id}】")
                note = _unsaid(fact.note, [f.message for f in findings if f.sentence == sentence])
                if note:
                    notes.append(Note(TO_CHECK, f"{fact.id}：{note}", section.id, sentence))
        notes += _stock_notes(section)
    return list(dict.fromkeys(notes))


def origin_notes(draft: Draft) -> list[Note]:
    """Where each fact taken from the year's 工作信息 was reported (file, title, sentence), at the
    sentence of the draft that says it: not a problem, so not counted among them."""
    notes = []
    for section in draft.sections:
        for fact in (f for f in map(draft.fact, section.fact_ids) if f is not None):
            sentence = _sentence_with(section, f"【{fact.id}】") if fact.origins else ""
            notes += [Note(ORIGIN, f"{fact.id} 取自{o.line()}", section.id, sentence) for o in fact.origins]
    return notes


def _unsaid(note: str, said: list[str]) -> str:
    """What a fact's note says that the findings at its sentence do not (a placeholder, a word
    typed twice: the fact reader and the check word them alike)."""
    for message in said:
        note = note.replace(message, "")
    return re.sub(r"\s+", " ", note).strip(" ，。")


def _said_at_fact(text: str, draft: Draft, placed: set[str]) -> bool:
    """A notice about a fact (F3 …) that the fact's note carries, the fact standing in a section:
    it is said at the fact's sentence."""
    m = re.match(r"(F\d+)[ ：]", text)
    fact = draft.fact(m.group(1)) if m and m.group(1) in placed else None
    if not (fact and fact.note):
        return False
    return any(part in fact.note for part in (text.rstrip("。"), text[m.end():].rstrip("。")))


def _stock_notes(section: Section) -> list[Note]:
    """The section's 通用表述: one note each, or one for the section when they are most of it."""
    if not section.stock:
        return []
    text = strip_markers(section.text)
    share = sum(len(s) for s in section.stock if s in text) / max(len(text), 1)
    if share >= MOSTLY_STOCK and len(section.stock) > 1:
        return [Note(STOCK, f"本部分主要是通用表述（{len(section.stock)} 句），请按实际修改或删去", section.id)]
    return [Note(STOCK, "", section.id, sentence) for sentence in section.stock]


def _sentence_with(section: Section, needle: str) -> str:
    return next((s for p in section.text.split("\n") for s in sentences(p) if needle and needle in s), "")


def _sentence_named(section: Section, message: str) -> str:
    """The sentence a flag speaks of, when it quotes something from it (“古县”, 60人, 16次)."""
    quoted = re.findall(r"[“\"]([^”\"]{2,30})[”\"]", message)
    head = re.match(r"[^：]*：\s*([^（，；]{2,20})", message)
    for needle in quoted + ([head.group(1)] if head else []):
        found = _sentence_with(section, needle)
        if found:
            return found
    return ""


def section_heading(draft: Draft, section_id: str) -> str:
    """一、heading — numbered by position among the body sections."""
    for n, section in enumerate(draft.body_sections(), 1):
        if section.id == section_id:
            return f"{ordinal(n)}、{section.heading}"
    return ""


def report_lines(draft: Draft, markers: bool = True, results: list[CheckResult] | None = None) -> list[Line]:
    """The whole report, line by line, with a note line for every open problem."""
    m = draft.meta
    keep = (lambda t: t) if markers else strip_markers
    notes, sources = open_notes(draft, results), origin_notes(draft)
    lines: list[Line] = []
    if m.doc_number or m.signer:
        lines.append(Line("header", m.doc_number + ("    签发人：" + m.signer if m.signer else "")))
    lines.append(Line("title", m.title))
    if notes:
        lines.append(Line("summary", summary(draft, notes)))
    if m.addressee:
        lines.append(Line("addressee", m.addressee))
    for section in draft.sections:
        if section.role != Role.PREAMBLE:
            lines.append(Line("heading1", section_heading(draft, section.id), section.id))
        for paragraph in section.text.split("\n"):
            if paragraph.strip():
                kind = "heading2" if SUB.match(paragraph.strip()) else "body"
                lines.append(Line(kind, keep(paragraph.strip()), section.id))
        lines += [Line("note", n.text, section.id, keep(n.sentence), n.label) for n in notes + sources
                  if n.section_id == section.id]
    lines += [Line("signature", m.org), Line("date", m.date or BLANK_DATE)]
    if m.cc:
        lines.append(Line("cc", f"抄送：{m.cc.rstrip('。')}。"))  # a full stop after the last (GB/T 9704 7.4.2)
    if m.printer:
        lines.append(Line("printer", f"{m.printer}    {m.date or BLANK_DATE}印发"))
    return lines


def summary(draft: Draft, notes: list[Note]) -> str:
    """What the first comment (and the note under the Markdown title) says about the whole draft."""
    in_sections = sum(1 for n in notes if n.section_id)
    whole = [n.text.rstrip("。") + "。" for n in notes if not n.section_id]
    where = "，已在所涉部分标出" if in_sections else ""
    return f"本稿尚有 {len(notes)} 处待核实{where}。" + "".join(whole)


def note_text(line: Line, quote_sentence: bool = True) -> str:
    """A note as one line of text: 待核实：数字无出处…（“…另培训骨干60人。”）; a comment placed on
    its sentence need not quote it."""
    quote = f"“{line.anchor}”" if line.anchor and quote_sentence and line.label != ORIGIN else ""
    if not line.label:
        return line.text
    if not line.text:
        return f"{line.label}：{quote}" if quote else line.label
    return f"{line.label}：{line.text}" + (f"（{quote}）" if quote else "")


def to_markdown(draft: Draft, markers: bool = True, results: list[CheckResult] | None = None) -> str:
    out = []
    for line in report_lines(draft, markers, results):
        if line.kind in ("note", "summary"):
            # one blockquote under the section (or the title), a quoted blank line between notes
            if out and out[-1].startswith(">"):
                out[-1] = out[-1].rstrip("\n") + "\n>"
            out.append(f"> {note_text(line)}\n")
        elif line.kind == "title":
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
    """The report as printed: no notes."""
    return "\n".join(line.text for line in report_lines(draft, markers) if line.kind not in ("note", "summary")) + "\n"
