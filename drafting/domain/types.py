"""The core objects every stage passes along: Fact (with its Figures), Source, Section, DraftMeta, Draft.

Figure itself is a text basic and lives in lexicon.figures; it is re-exported here. A Section's
problems are Findings (findings.py), last year's report is a LastYear (last_year.py), what writing
cost is a Usage (usage.py)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from lexicon.figures import Figure
from lexicon.roles import Role

from .findings import Finding
from .last_year import Derived, LastYear
from .material import Origin
from .usage import Usage

MARKER_RE = re.compile(r"【([FD]\d+)】")
"""F3 for the user's third fact; D1 for the first comparison the tool derived and the user accepted."""
USER_PLACED = "由您放在这一部分"
"""Section.placement's reason for a fact the user moved: the truth for this draft (checks note, never fail)."""


@dataclass
class Fact:
    """One bullet the user pasted: the only place figures may come from."""

    id: str
    """F1, F2, … in the order given; D1, D2, … for accepted comparisons with last year."""
    text: str
    figures: list[Figure] = field(default_factory=list)
    derived: Derived | None = None
    """For a D fact: formula, the fact it comes from and last year's report passage; None for the user's."""
    kind: str = ""
    """What the fact is (a FactKind: activity, honour, problem, plan, duty, guiding, event, fragment)."""
    note: str = ""
    """A question for the user about this fact, e.g. a fragment: “缺少做了什么，请补充”."""
    theme: str = ""
    """The work area an activity was filed under (a key of domain.themes.THEMES), '' for others."""
    joined: bool = False
    """Pasted opening with 同时/其中/此外…, which was taken off: it continues the fact before it."""
    joiner: str = ""
    """That opening word (同时, 其中 …): a draft that writes the fact on after the one before says it again."""
    unsure: bool = False
    """Nothing said where this fact belongs: the outline asks, and no themed heading is put over it."""
    follows: str = ""
    """The fact this one continues (its purpose, result, figures or means): written on in its
    sentence, after a comma, not as an item of its own."""
    pasted: str = ""
    """The fact with its punctuation and terms as pasted ('' when they needed no change): the outline
    searches the corpus with it, so that making the prose official never moves a fact."""
    origins: list[Origin] = field(default_factory=list)
    """Where a fact taken from the year's 工作信息 was reported (file, title, sentence; several for
    an event reported twice); empty for a fact the user typed."""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "derived": self.derived.to_dict() if self.derived else {}}

    def json_fields(self) -> dict[str, Any]:
        """Its JSON one level deep, for an encoder that walks the records itself (the draft store)."""
        return {**{f.name: getattr(self, f.name) for f in fields(self)},
                "derived": self.derived.to_dict() if self.derived else {}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        return cls(id=data["id"], text=data["text"], figures=[Figure(**g) for g in data.get("figures", [])],
                   derived=Derived.from_dict(data.get("derived", {})), kind=data.get("kind", ""),
                   note=data.get("note", ""), theme=data.get("theme", ""),
                   joined=bool(data.get("joined", False)), joiner=data.get("joiner", ""),
                   unsure=bool(data.get("unsure", False)),
                   follows=data.get("follows", ""), pasted=data.get("pasted", ""),
                   origins=[Origin.from_dict(o) for o in data.get("origins") or []])


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
    flags: list[Finding] = field(default_factory=list)
    """Its open problems: the checks' findings on its text and warnings about how it was written."""
    locked: bool = False
    """A locked section is never regenerated."""
    variant: int = 0
    """Which variant of examples the offline composer used; regenerate moves it on."""
    placement: dict[str, str] = field(default_factory=dict)
    """fact id → why the fact was placed here (e.g. 与《…》“（二）…”中的句子相近)."""
    stock: list[str] = field(default_factory=list)
    """Sentences not taken from the facts that state something the user should confirm (通用表述)."""
    attempt: str = ""
    """The model's best attempt when it failed its checks and the offline text is shown instead."""
    edited: bool = False
    """Its text was changed by the user (a save, a Word file read back): redrafting it asks first."""
    outdated: list[str] = field(default_factory=list)
    """What changed in its facts since its text was written (F10 改了, F5 移入 …): a redraft is offered."""
    added: bool = False
    """The user added it (添加部分): 生成提纲 again keeps it where it is."""
    origin: str = ""
    """The heading the outline gave it, once the user renamed it ('' while not renamed)."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        """A saved section; flags saved as strings by an earlier version become Findings."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "sources": [Source(**src) for src in data.get("sources", [])],
                      "flags": [Finding.from_dict(flag) for flag in data.get("flags", [])]})


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
    """'half' (上半年) or 'annual'; '' until settled (then worked out from the facts)."""
    doc_number: str = ""
    """发文字号 such as 潼妇〔2021〕4号 (版头, optional)."""
    signer: str = ""
    cc: str = ""
    """抄送 (版记, optional)."""
    printer: str = ""
    """印发机关 (版记, optional)."""
    level: str = ""
    """Administrative level (省 市 州 县 区 旗 镇 街道 …) from the organisation profile."""
    body: str = ""
    """妇联, or the government department (司法局) that writes."""
    leader_title: str = ""
    """党组书记、主席 / 主席 / 党组书记、局长."""
    notices: list[str] = field(default_factory=list)
    """What the tool decided about who and when and wants the user to confirm."""
    shape: str = ""
    """A 法治政府建设 report's shape: 'statutory' (一、主要举措和成效 with （一）（二）…, then 不足,
    第一责任人, 下一年度安排) or 'themed' (several themed 一、二、三 sections); '' for the default."""


@dataclass
class Draft:
    """A whole report: metadata, the user's facts and the sections written from them."""

    meta: DraftMeta
    facts: list[Fact]
    sections: list[Section]
    id: str = ""
    tokens: Usage = field(default_factory=Usage)
    """Model calls and tokens spent (LLM backend), failures and fallbacks."""
    warnings: list[str] = field(default_factory=list)
    """Warnings about the facts (conflicting figures, masked values)."""
    previous: LastYear | None = None
    """Last year's report of the same federation and kind (found or not) once the index was looked
    in: its plans, the comparisons offered to the user, stale figures. None: no index was given."""

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def body_sections(self) -> list[Section]:
        """The numbered sections (一、二、…), in order: everything but the preamble."""
        return [s for s in self.sections if s.role != Role.PREAMBLE]

    @property
    def comparisons(self) -> list:
        """The comparisons with last year on offer (none when no earlier report was found)."""
        return self.previous.comparisons if self.previous else []

    def to_dict(self) -> dict[str, Any]:
        return {"meta": asdict(self.meta), "facts": [f.to_dict() for f in self.facts],
                "sections": [asdict(s) for s in self.sections], "id": self.id,
                "tokens": self.tokens.to_dict(), "warnings": list(self.warnings),
                "previous": self.previous.to_dict() if self.previous else {}}

    def json_fields(self) -> dict[str, Any]:
        """Its JSON one level deep, for an encoder that walks the records itself (the draft store)."""
        return {"meta": self.meta, "facts": self.facts, "sections": self.sections, "id": self.id,
                "tokens": self.tokens.to_dict(), "warnings": self.warnings,
                "previous": self.previous.to_dict() if self.previous else {}}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        meta = DraftMeta(**{k: v for k, v in data["meta"].items() if k in DraftMeta.__dataclass_fields__})
        return cls(meta=meta, facts=[Fact.from_dict(f) for f in data.get("facts", [])],
                   sections=[Section.from_dict(s) for s in data.get("sections", [])], id=data.get("id", ""),
                   tokens=Usage.from_dict(data.get("tokens", {})), warnings=list(data.get("warnings", [])),
                   previous=LastYear.from_dict(data.get("previous", {})))

    @classmethod
    def from_json(cls, text: str) -> Draft:
        return cls.from_dict(json.loads(text))


__all__ = ["MARKER_RE", "Draft", "DraftMeta", "Fact", "Figure", "Section", "Source", "next_section_id", "strip_markers"]


def strip_markers(text: str) -> str:
    """The text as printed: without 【F3】 markers."""
    return MARKER_RE.sub("", text)


def next_section_id(taken) -> str:
    """A section id none of `taken` has: s1, s2, … one past the highest."""
    return f"s{max((int(t[1:]) for t in taken if t[1:].isdigit()), default=0) + 1}"
