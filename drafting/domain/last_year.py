"""Last year's report as the draft records it (Draft.previous): its plans and whether this year's
facts answer them, the comparisons of figures offered to the user, the figures copied unchanged,
and the Derived record of a comparison the user accepted (a D fact).

plan/continuity.py works these out (from last_report.py, comparisons.py and stale.py); the CLI
and the app show them. Their JSON is the draft
contract's `previous` {found, doc, title, year, plans[{item, status, fact_ids}], comparisons[{fact_id,
figure, last_figure, text, formula}], stale[{fact_id, figure}]}: an optional field is written only
when it has a value, as drafts have always been saved."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _set(record, optional: tuple[str, ...]) -> dict[str, Any]:
    """A record as JSON: every field, but the optional ones only when they hold something."""
    return {f.name: getattr(record, f.name) for f in fields(record)
            if f.name not in optional or getattr(record, f.name)}


def _known(cls, data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in cls.__dataclass_fields__}


@dataclass
class PlanRow:
    """One item of last year's 下一步/工作计划 and what this year's facts did about it."""

    item: str
    status: str
    """done, partial (a figure planned, less done) or not_mentioned (a question for the user)."""
    fact_ids: list[str] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)
    """fact id → the clause of the item that fact answers."""
    progress: str = ""
    """How much of a planned figure was reached: 完成年度计划的90%."""
    formula: str = ""
    progress_fact: str = ""

    def to_dict(self) -> dict[str, Any]:
        return _set(self, ("progress", "formula", "progress_fact"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanRow:
        return cls(**_known(cls, data))


@dataclass
class Comparison:
    """A figure of this year set against last year's for the same thing, computed by the tool."""

    fact_id: str
    figure: str
    last_figure: str
    subject: str
    """What the figure counts, as a phrase (普法宣传, 协助申请人身安全保护令的妇女)."""
    text: str
    """较上年增加7场次，同比增长25% — or, for a plan, 完成年度计划的90%."""
    formula: str
    last_sentence: str
    chunk_id: str
    kind: str = ""
    """'plan' when last year's figure was a plan or target (a share of the plan, never 较上年)."""
    note: str = ""
    """A question for the user when the fact states a change of its own that the tool computes otherwise."""

    def to_dict(self) -> dict[str, Any]:
        return _set(self, ("kind", "note"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        return cls(**_known(cls, data))


@dataclass
class StaleFigure:
    """A figure identical to last year's for the same thing: probably copied, to be confirmed."""

    fact_id: str
    figure: str
    last_sentence: str

    @property
    def note(self) -> str:
        return f"{self.fact_id} 的“{self.figure}”与上年报告相同，请核实"

    def to_dict(self) -> dict[str, Any]:
        return _set(self, ())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StaleFigure:
        return cls(**_known(cls, data))


@dataclass
class LastYear:
    """What the index holds of the same federation's report of the same kind, the latest earlier year."""

    found: bool
    message: str = ""
    """When none was found: what the user is told (索引中没有…往年的同类报告：按常规起草。)."""
    doc: str = ""
    title: str = ""
    year: int = 0
    plans: list[PlanRow] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    """Offered before drafting; an accepted one becomes a D fact."""
    stale: list[StaleFigure] = field(default_factory=list)

    @classmethod
    def missing(cls, org: str) -> LastYear:
        return cls(found=False, message=f"索引中没有{org}往年的同类报告：按常规起草。")

    def to_dict(self) -> dict[str, Any]:
        if not self.found:
            return {"found": False, "message": self.message}
        return {"found": True, "doc": self.doc, "title": self.title, "year": self.year,
                "plans": [p.to_dict() for p in self.plans],
                "comparisons": [c.to_dict() for c in self.comparisons],
                "stale": [s.to_dict() for s in self.stale]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LastYear | None:
        """The record of a saved draft; None when no index was looked in ({})."""
        if not data:
            return None
        return cls(found=bool(data.get("found")), message=data.get("message", ""), doc=data.get("doc", ""),
                   title=data.get("title", ""), year=int(data.get("year") or 0),
                   plans=[PlanRow.from_dict(p) for p in data.get("plans", [])],
                   comparisons=[Comparison.from_dict(c) for c in data.get("comparisons", [])],
                   stale=[StaleFigure.from_dict(s) for s in data.get("stale", [])])


@dataclass
class Derived:
    """Where an accepted comparison (a D fact) comes from: its formula, this year's fact and last
    year's passage."""

    formula: str
    source: str
    """The fact it was computed from (F1); `from` in the JSON."""
    last_year: str
    """Last year's sentence holding the figure compared with."""
    chunk_id: str
    doc: str
    offer: int
    """Which of LastYear.comparisons it is."""

    def to_dict(self) -> dict[str, Any]:
        return {"formula": self.formula, "from": self.source, "last_year": self.last_year,
                "chunk_id": self.chunk_id, "doc": self.doc, "offer": self.offer}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Derived | None:
        """The record of a saved D fact; None for a fact the user gave ({})."""
        if not data:
            return None
        return cls(formula=data.get("formula", ""), source=data.get("from", ""),
                   last_year=data.get("last_year", ""), chunk_id=data.get("chunk_id", ""),
                   doc=data.get("doc", ""), offer=int(data.get("offer", -1)))
