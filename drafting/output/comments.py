"""What travels with the Word file as comments: each section's sources (its facts, figures whole,
and the example passages), and every open problem at the sentence or heading it concerns, after a
first comment on the title that says how many there are."""

from __future__ import annotations

import re

from drafting.domain.types import Draft, Section
from lexicon.figures import figure_spans

from .render import Line, note_text


def _excerpt(text: str, limit: int = 40) -> str:
    """A fact shortened for a comment, never before its last figure: cut at the end of a clause."""
    if len(text) <= limit:
        return text
    end = max([limit] + [stop for _, stop, _ in figure_spans(text)])
    clause = re.search(r"[，。；、,;]", text[end:])
    end = end + clause.start() if clause else len(text)
    return text[:end] + ("…" if end < len(text) else "")


def source_note(draft: Draft, section: Section) -> str:
    def fact_note(fid: str) -> str:
        fact = draft.fact(fid)
        if fact is None:
            return fid
        derived = fact.derived
        formula = f"；工具计算：{derived.formula}，上年：{_excerpt(derived.last_year)}" if derived else ""
        return f"{fid}（{_excerpt(fact.text)}{formula}）"

    facts = "、".join(fact_note(fid) for fid in section.fact_ids)
    examples = "；".join(f"《{s.title}》·{s.heading or '导语'}（{s.chunk_id}）" for s in section.sources)
    return f"事实：{facts or '无'}\n范例：{examples or '无'}"


class Placed:
    """Where each line's runs went, so comments can be put at the title, a heading or a sentence."""

    def __init__(self) -> None:
        self.title: list = []
        self.first: dict[str, list] = {}
        self.sentences: dict[str, list] = {}
        self.notes: list[Line] = []
        self.summary: str = ""

    def add(self, line: Line, runs: list) -> None:
        if line.kind == "title":
            self.title = runs
        elif line.kind == "summary":
            self.summary = note_text(line)
        elif line.kind == "note":
            self.notes.append(line)
        elif line.section_id and runs:
            self.first.setdefault(line.section_id, runs[:1])
            self.sentences.setdefault(line.section_id, []).extend(runs)

    def comments(self, draft: Draft, with_sources: bool) -> list[tuple[str, list]]:
        """(comment text, runs) in order: the summary on the title first, then sources and notes."""
        out = [(self.summary, self.title)] if self.summary and self.title else []
        for section in draft.sections:
            if with_sources and section.id in self.first:
                out.append((source_note(draft, section), self.first[section.id]))
            for note in (n for n in self.notes if n.section_id == section.id):
                at = self._at(note)
                runs = at or self.first.get(section.id) or self.title
                if runs:
                    out.append((note_text(note, quote_sentence=not at), runs))
        return out

    def _at(self, note: Line) -> list:
        anchor = note.anchor.strip()
        for run in self.sentences.get(note.section_id, []) if anchor else []:
            if run.text.strip() and (anchor in run.text or run.text.strip() in anchor):
                return [run]
        return []
