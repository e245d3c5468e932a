"""What every check shares: a Finding names the section and sentence; a CheckResult passes only
when it has no finding."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.domain.types import Draft, Section
from retrieval.text import sentences


@dataclass
class Finding:
    """One problem: what, in which section, in which sentence."""

    message: str
    section_id: str = ""
    sentence: str = ""


@dataclass
class CheckResult:
    name: str
    label: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict:
        return {"name": self.name, "label": self.label, "passed": self.passed, "metrics": self.metrics,
                "findings": [f.__dict__ for f in self.findings]}


def section_sentences(section: Section) -> list[str]:
    return [s for p in section.text.split("\n") for s in sentences(p)]


def all_sentences(draft: Draft) -> list[tuple[Section, str]]:
    return [(s, sent) for s in draft.sections for sent in section_sentences(s)]
