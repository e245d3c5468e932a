"""Foreign particulars: the names, places and brands of other federations' reports.

An example passage lends structure and wording, never its particulars. The guard holds every
particular of every indexed report except those of the user's own organisation, and lets pass
anything the user wrote in their own facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ForeignGuard:
    """Particulars that must not appear in this draft, each with the report it belongs to."""

    particulars: dict[str, str] = field(default_factory=dict)
    """particular → title of the report it comes from."""

    def found(self, text: str) -> list[str]:
        hits = [p for p in self.particulars if p in text]
        # 万源市 and 万源 both hit: report the longest, once.
        return [p for p in hits if not any(p != q and p in q for q in hits)]

    def clean(self, text: str) -> bool:
        return not self.found(text)

    @classmethod
    def build(cls, documents, org: str, own_texts: list[str]) -> ForeignGuard:
        """From the index's documents: everyone's particulars but ours and those the user wrote."""
        own = org + " " + " ".join(own_texts)
        particulars: dict[str, str] = {}
        for doc in documents:
            if doc.org and doc.org == org:
                continue
            for p in doc.particulars:
                if p and p not in own and not (len(p) >= 2 and p in org):
                    particulars.setdefault(p, doc.title)
        return cls(particulars)


def guard_for(draft, documents) -> ForeignGuard:
    """The guard for one draft: every indexed report's particulars but the draft's own
    organisation's, and anything the user wrote in the facts or the self-name."""
    return ForeignGuard.build(documents or [], draft.meta.org,
                              [f.text for f in draft.facts] + [draft.meta.short_name])
