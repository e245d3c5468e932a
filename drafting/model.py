"""The core objects every stage passes along: Figure, Fact, Source, Section, DraftMeta, Draft."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

MARKER_RE = re.compile(r"【([FD]\d+)】")
"""F3 for the user's third fact; D1 for the first comparison the tool derived and the user accepted."""


@dataclass(frozen=True)
class Figure:
    """A quantity a reader may check, exactly as written."""

    text: str
    """The figure as it stands in the fact, e.g. "8万余册"."""
    value: float
    """Its number with the multiplier applied: 80000.0."""
    unit: str
    """Measure word or unit: 册, 人次, 元, %."""
    qualifier: str = ""
    """余/多/超/逾/近/约/左右/以上/累计/共计, several joined by '+', '' when none."""

    @property
    def key(self) -> str:
        """The canonical form two figures must share to be the same figure (width and spaces folded)."""
        return canonical(self.text)


def canonical(text: str) -> str:
    """Fold full-width digits/letters and drop spaces: '１６ 次' and '16次' are the same figure."""
    folded = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c in "．％" else c for c in text)
    return re.sub(r"\s+", "", folded)


@dataclass
class Fact:
    """One bullet the user pasted: the only place figures may come from."""

    id: str
    """F1, F2, … in the order given; D1, D2, … for accepted comparisons with last year."""
    text: str
    figures: list[Figure] = field(default_factory=list)
    derived: dict = field(default_factory=dict)
    """For a D fact: formula, the fact it comes from and last year's report passage."""


@dataclass
class Source:
    """An example passage from the index that shaped a section."""

    doc: str
    title: str
    heading: str
    chunk_id: str
    text: str = ""
    """The passage itself, for the reviewer to expand."""


@dataclass
class Section:
    """One top-level part of the report. Its text carries 【F3】 markers after figures."""

    id: str
    role: str
    heading: str
    """The heading without its number: numbers follow the order (一、二、…)."""
    text: str = ""
    fact_ids: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    locked: bool = False
    """A locked section is never regenerated."""
    variant: int = 0
    """Which variant of examples the offline composer used; regenerate moves it on."""


@dataclass
class DraftMeta:
    """Who writes, about which year, to whom, and how the draft was made."""

    org: str
    year: int
    report_type: str
    short_name: str = ""
    title: str = ""
    addressee: str = ""
    date: str = ""
    """成文日期 as 2024年1月14日."""
    backend: str = "offline"
    period: str = "annual"
    """zongjie only: 'half' (上半年) or 'annual'."""
    doc_number: str = ""
    """发文字号 such as 潼妇〔2021〕4号 (版头, optional)."""
    signer: str = ""
    cc: str = ""
    """抄送 (版记, optional)."""
    printer: str = ""
    """印发机关 (版记, optional)."""


@dataclass
class Draft:
    """A whole report: metadata, the user's facts and the sections written from them."""

    meta: DraftMeta
    facts: list[Fact]
    sections: list[Section]
    id: str = ""
    tokens: dict[str, int] = field(default_factory=dict)
    """Prompt and completion tokens spent (LLM backend)."""
    warnings: list[str] = field(default_factory=list)
    """Warnings about the facts (conflicting figures, masked values)."""
    previous: dict = field(default_factory=dict)
    """Last year's report of the same federation and kind, when the index holds one: doc, title,
    year, plans [{item, status, fact_ids}], comparisons [{…}] offered to the user."""

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def body_sections(self) -> list[Section]:
        """The numbered sections (一、二、…), in order: everything but the preamble."""
        return [s for s in self.sections if s.role not in ("preamble", "closing")]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        meta = DraftMeta(**{k: v for k, v in data["meta"].items() if k in DraftMeta.__dataclass_fields__})
        facts = [Fact(id=f["id"], text=f["text"], figures=[Figure(**g) for g in f.get("figures", [])],
                      derived=dict(f.get("derived", {}))) for f in data.get("facts", [])]
        sections = []
        for s in data.get("sections", []):
            fields = {k: v for k, v in s.items() if k in Section.__dataclass_fields__ and k != "sources"}
            fields["sources"] = [Source(**src) for src in s.get("sources", [])]
            sections.append(Section(**fields))
        return cls(meta=meta, facts=facts, sections=sections, id=data.get("id", ""),
                   tokens=dict(data.get("tokens", {})), warnings=list(data.get("warnings", [])),
                   previous=dict(data.get("previous", {})))

    @classmethod
    def from_json(cls, text: str) -> Draft:
        return cls.from_dict(json.loads(text))


def strip_markers(text: str) -> str:
    """The text as printed: without 【F3】 markers."""
    return MARKER_RE.sub("", text)
