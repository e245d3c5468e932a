"""What the catalog hands its readers: a report's entry (DocInfo) and a passage of a report
(Passage), read without the sentences that speak to a model."""

from __future__ import annotations

from dataclasses import dataclass

from .instructions import without_instructions

PASSAGE_COLUMNS = "c.chunk_id, c.doc, d.title, d.org, d.year, d.report_type, c.role, c.heading, c.text"
"""The columns a Passage is read from, in its fields' order."""


@dataclass
class Passage:
    """One search result: a chunk of an earlier report and where it came from."""

    chunk_id: str
    doc: str
    title: str
    org: str
    year: int | None
    report_type: str
    role: str
    heading: str
    text: str
    score: float = 0.0

    def to_dict(self) -> dict:
        return {"doc": self.doc, "title": self.title, "heading": self.heading, "role": self.role,
                "text": self.text, "score": round(self.score, 4), "chunk_id": self.chunk_id,
                "org": self.org, "year": self.year, "report_type": self.report_type}


@dataclass
class DocInfo:
    doc: str
    title: str
    org: str
    short_name: str
    region: str
    year: int | None
    report_type: str
    date: str
    particulars: list[str]
    path: str = ""
    owner: str = ""
    """'' for a shared report; else the organisation whose user uploaded it."""


def passage_of(row) -> Passage:
    """A passage as readers get it: without sentences that speak to a model (instructions.py)."""
    passage = Passage(*row)
    passage.text = without_instructions(passage.text)
    return passage
