"""What every check shares: a CheckResult gathers the Findings of one check (each names its section
and sentence) and passes only when it has none."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.domain.findings import Finding, Severity
from drafting.domain.types import Draft, Section
from retrieval.text import sentences


@dataclass
class CheckResult:
    """One check run on one draft."""

    name: str
    label: str
    """What the check is called on the page (数字准确, 无外单位信息 …)."""
    findings: list[Finding] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)
    blocks: bool = field(default=False, kw_only=True)
    """Whether this check's findings keep a model's answer from being shown: declared by each check
    where it makes its result (`add` may say otherwise for one finding)."""
    reminders: list[str] = field(default_factory=list, kw_only=True)
    """What the signer must still do that is no fault of the draft (a 成文日期 deliberately left
    blank): shown with the result, never failing it."""

    @property
    def passed(self) -> bool:
        """No finding that fails it (a note, Severity.WARNING, is said and passes)."""
        return all(f.severity is not Severity.ERROR for f in self.findings)

    def add(self, message: str, section_id: str = "", sentence: str = "", *, fix: str = "",
            blocking: bool | None = None) -> None:
        """Record one finding of this check."""
        blocking = self.blocks if blocking is None else blocking
        self.findings.append(Finding(self.name, message, Severity.ERROR, blocking, section_id, sentence, fix))

    def to_dict(self) -> dict:
        return {"name": self.name, "label": self.label, "passed": self.passed, "metrics": self.metrics,
                "findings": [f.to_dict() for f in self.findings], "reminders": list(self.reminders)}


def section_sentences(section: Section) -> list[str]:
    return [s for p in section.text.split("\n") for s in sentences(p)]


def all_sentences(draft: Draft) -> list[tuple[Section, str]]:
    return [(s, sent) for s in draft.sections for sent in section_sentences(s)]
