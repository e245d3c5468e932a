"""Stock text for one section: filled with the organisation's words, kept to one use of each set
phrase per draft, neutral for a government department, and — when it states something the user
did not give — recorded as 通用表述 for the user to confirm."""

from __future__ import annotations

from collections import Counter

from drafting.domain import phrases
from drafting.domain.wording import words_for

from .base import DraftContext

CONNECTIVES = ("同时，", "此外，", "另外，")
"""Joining the last clause of a themed item, in turn, so no connective repeats back to back."""
DEFAULT_THEMES = {"fazhi": ("publicity", "rights", "study"), "pufa": ("publicity", "media", "team"),
                  "zongjie": ("organisation", "care", "development")}


class Stock:
    def __init__(self, ctx: DraftContext, variant: int = 0) -> None:
        self.ctx, self.variant = ctx, variant
        self.words = words_for(ctx.meta)
        self.federation = ctx.profile.federation
        self.marked: list[str] = []
        """Sentences of this section that state what the user did not give (通用表述)."""

    def text(self, template: str) -> str:
        """A template in this organisation's words; its set phrases are counted as used."""
        text = template.format(**self.words)
        if not self.federation:
            text = phrases.neutral(text)
        for phrase in phrases.STOCK_PHRASES:
            if phrase in text:
                self.ctx.claim(f"phrase:{phrase}")
        return text

    def fresh(self, template: str) -> bool:
        """Whether a template's set phrases are all still unused in this draft."""
        text = template.format(**self.words)
        return not any(phrase in text and f"phrase:{phrase}" in self.ctx.borrowed for phrase in phrases.STOCK_PHRASES)

    def suggestion(self, template: str) -> str:
        """A sentence the user must confirm: written, and listed in the section's 通用表述."""
        text = self.text(template)
        self.marked.append(text.rstrip("。；"))
        return text

    def opening(self, section_key: str) -> str:
        """A framing first sentence no other section of this draft opens with."""
        options = phrases.OPENINGS.get(section_key, ())
        for k in range(len(options)):
            template = options[(self.variant + k) % len(options)]
            if self.fresh(template) and self.ctx.claim(f"opening:{template}"):
                return self.text(template)
        return ""

    def purpose(self, theme: str) -> str:
        template = phrases.PURPOSE.get(theme, "")
        if not template or not self.ctx.claim(f"purpose:{theme}"):
            return ""  # a purpose clause is said once per draft
        return self.text(template)

    def lead(self, theme: str) -> str:
        return self.text(phrases.LEADS.get(theme, "扎实推进各项工作"))

    def connective(self) -> str:
        with self.ctx.lock:
            n = sum(1 for key in self.ctx.borrowed if key.startswith("connective:"))
            self.ctx.borrowed.add(f"connective:{n}")
        return CONNECTIVES[n % len(CONNECTIVES)]

    def themes(self) -> list[str]:
        """The draft's own work areas, most facts first; the kind's usual ones when it has none."""
        counts = Counter(f.theme for f in self.ctx.facts.values() if f.theme)
        found = [theme for theme, _ in counts.most_common()] or list(DEFAULT_THEMES.get(self.ctx.kind.key, ("publicity",)))
        shift = self.variant % len(found)  # another variant offers the next areas first
        return found[shift:] + found[:shift]

    def suggest_shortcomings(self, ctx: DraftContext, limit: int = 3) -> list[str]:
        picks = [phrases.SHORTCOMINGS[t] for t in self.themes() if t in phrases.SHORTCOMINGS][:limit]
        return [self.suggestion(p) for p in picks]

    def suggest_plans(self, ctx: DraftContext, limit: int = 2) -> list[str]:
        picks = [phrases.PLANS[t] for t in self.themes() if t in phrases.PLANS and self.fresh(phrases.PLANS[t])]
        return [self.suggestion(p) for p in picks[:max(0, limit)]]

    def cause(self) -> str:
        return self.suggestion(phrases.CAUSES[self.variant % len(phrases.CAUSES)])


def note_existing(ctx: DraftContext, texts: list[str]) -> None:
    """Count the set phrases and headings already in the draft (sections not being rewritten), so a
    regenerated section does not repeat them."""
    for text in texts:
        for phrase in phrases.STOCK_PHRASES:
            if phrase in text:
                ctx.claim(f"phrase:{phrase}")
