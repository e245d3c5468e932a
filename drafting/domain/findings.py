"""One shape for a problem, from the check that finds it to the app, the Word comments and the
Markdown: a Finding names its check, how grave it is, whether it keeps a model's answer from being
shown, the section and sentence it concerns, what is wrong and what to do about it.

A Section carries its open findings in `flags`; a review check returns them in its CheckResult.
Nothing is written as text to be parsed back: only drafts saved before findings were typed hold
flags as strings, and `Finding.from_flag` reads those once, when the draft is loaded."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How grave a finding is, and so how long it lives on a section."""

    ERROR = "error"
    """核对未通过: the text as it stands fails a check. Recomputed whenever the text changes, so an
    edit that fixes it makes it disappear."""
    WARNING = "warning"
    """请核实: how the section came to be (the model failed and the offline text is shown, a figure is
    the same as last year's): for the user to confirm; it stays until the section is written again."""


FAILED = "核对未通过："
"""How an ERROR reads in a line of its own (the CLI, a card in the app)."""


@dataclass(frozen=True)
class Finding:
    """One problem: what, found by which check, where, and what to do."""

    check: str
    """The check that found it: a review check's name (figure_accuracy, hygiene …), or fact_used,
    stale_figure, model_fallback, model_rejected; '' for a flag of a draft saved before checks were named."""
    message: str
    """What is wrong, in the user's words (Chinese)."""
    severity: Severity = Severity.ERROR
    blocking: bool = False
    """Whether a model's answer with this problem may not be shown (the offline text is shown instead).
    Each check decides it for its own findings: an invented figure blocks, a figure left out does not."""
    section_id: str = ""
    """The section it concerns; '' for the whole draft."""
    sentence: str = ""
    """The sentence it concerns, as in the section's text (with its 【F】 markers); '' for none."""
    fix: str = ""
    """What to do about it, when the check can say (删去这个数字，或把它补进事实); '' otherwise."""

    @property
    def line(self) -> str:
        """The finding as one line: 核对未通过：<message>——“<sentence>” for an error, the message for a warning."""
        if self.severity is not Severity.ERROR:
            return self.message
        return FAILED + self.message + (f"——“{self.sentence}”" if self.sentence else "")

    def at(self, section_id: str) -> Finding:
        """The same finding, placed on a section."""
        return replace(self, section_id=section_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str) -> Finding:
        """A finding as saved in a draft's JSON; a plain string is a flag saved before findings were typed."""
        if isinstance(data, str):
            return cls.from_flag(data)
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "severity": Severity(known.get("severity", Severity.ERROR))})

    @classmethod
    def from_flag(cls, flag: str) -> Finding:
        """A flag of a draft saved before findings were typed: 核对未通过：<message>——“<sentence>” came
        from the checks on the section's text; any other flag said how the section came to be."""
        if not flag.startswith(FAILED):
            return cls("", flag, Severity.WARNING)
        message, sentence = flag.removeprefix(FAILED), ""
        if message.endswith("”") and "——“" in message:
            message, sentence = message.rsplit("——“", 1)
            sentence = sentence[:-1]
        return cls("", message, Severity.ERROR, sentence=sentence)
