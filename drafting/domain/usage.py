"""What writing a draft cost (Draft.tokens): model calls and tokens, and how often the model failed,
was refused or was replaced by the offline text."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass
class Usage:
    """Counts for one draft (a regeneration adds its own). All zero for an offline draft."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    failures: int = 0
    """Attempts that failed (a timeout, a 5xx, a cut or empty answer), retried or not."""
    fallbacks: int = 0
    """Sections written offline because the model could not answer."""
    rejected: int = 0
    """Sections whose model text still failed its checks after repair: the offline text is shown."""
    figures_restored: int = 0
    """Figures the model rewrote (8万多册) put back to the user's text."""
    refused: int = 0
    """Calls whose API key the endpoint refused (401/403)."""

    @property
    def empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def add(self, **amounts: int) -> None:
        """Count more of some fields (an unknown name is an error, not a new counter)."""
        for name, amount in amounts.items():
            setattr(self, name, getattr(self, name) + amount)

    def __add__(self, other: Usage) -> Usage:
        return Usage(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def to_dict(self) -> dict[str, int]:
        """Only what was spent, as drafts have always been saved ({} for an offline draft)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Usage:
        return cls(**{k: int(v) for k, v in data.items() if k in cls.__dataclass_fields__})
