"""Stock text for one section: filled with the organisation's words, kept to one use of each set
phrase per draft, neutral for a government or a department and drawn from its own work areas, and —
when it states something the user did not give — recorded as 通用表述 for the user to confirm."""

from __future__ import annotations

import re
import zlib
from collections import Counter

from drafting.domain import phrases
from drafting.domain.meta import written_on
from drafting.domain.summary_stock import plan_tables, shortcomings_table
from drafting.domain.themes import text_theme
from drafting.domain.timeline import in_time
from drafting.domain.wording import in_words, words_for
from lexicon.levels import PREFECTURE, PROVINCE
from lexicon.roles import Kind

from .base import DraftContext
from .borrow import overlap

DEFAULT_THEMES = {Kind.FAZHI: ("publicity", "rights", "study"), Kind.PUFA: ("publicity", "media", "team"),
                  Kind.ZONGJIE: ("organisation", "care", "development")}


class Stock:
    def __init__(self, ctx: DraftContext, variant: int = 0) -> None:
        self.ctx, self.variant = ctx, variant
        self.words = words_for(ctx.meta)
        self.federation = ctx.profile.federation
        self.marked: list[str] = []
        """Sentences of this section that state what the user did not give (通用表述)."""

    @property
    def names(self) -> tuple[str, ...]:
        """What the organisation calls itself: full name, self-name, 我会/我镇, and the full name said
        short (巧家县妇联, 头铺镇 for 头铺镇人民政府)."""
        org = self.words["org"]
        short_forms = (org.replace("妇女联合会", "妇联"), re.sub(r"(?:人民)?政府$", "", org))
        return (org, self.words["short"], self.words["we"], *short_forms)

    def text(self, template: str) -> str:
        """A template in this organisation's words and its writing date's; its set phrases count as used."""
        text = in_time(in_words(template, self.words, self.federation), written_on(self.ctx.meta))
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
        """A framing first sentence no other section of this draft opens with; which one depends on
        the office (its name) and the variant, so two offices' drafts do not open alike."""
        options = phrases.OPENINGS.get(section_key, ())
        start = zlib.crc32(self.ctx.meta.org.encode()) + self.variant
        for k in range(len(options)):
            template = options[(start + k) % len(options)]
            if self.fresh(template) and self.ctx.claim(f"opening:{template}"):
                return self.text(template)
        return ""

    def lead(self, theme: str, facts) -> str:
        """一是<lead>，… — only when every fact of the item is plainly about that work area."""
        if not all(text_theme(f.text) == theme for f in facts):
            return ""
        return self.text(phrases.LEADS.get(theme, "")) + "，" if phrases.LEADS.get(theme) else ""

    def themes(self) -> list[str]:
        """The draft's own work areas, most facts first; the kind's usual ones when it has none."""
        counts = Counter(f.theme for f in self.ctx.facts.values() if f.theme)
        kind = self.ctx.kind.key
        usual = DEFAULT_THEMES.get(kind, ("publicity",)) if self.federation else phrases.OFFICE_DEFAULTS[kind]
        found = self.fitting(theme for theme, _ in counts.most_common()) or list(usual)
        shift = self.variant % len(found)  # another variant offers the next areas first
        return found[shift:] + found[:shift]

    def fitting(self, themes) -> list[str]:
        """The work areas whose stock fits this report: a federation's as they are; a government's or
        department's as its report's kind words them (phrases.OFFICE_ALIAS, OFFICE_THEMES)."""
        themes = [t for t in themes if t]
        if self.federation:
            return themes
        kind = self.ctx.kind.key
        alias = phrases.OFFICE_ALIAS[kind]
        return [t for t in dict.fromkeys(alias.get(t, t) for t in themes) if t in phrases.OFFICE_THEMES[kind]]

    def suggest_shortcomings(self, limit: int = 3) -> list[str]:
        """By the draft's own work areas, in the words of its kind and writer (summary_stock.py, phrases.py)."""
        table = shortcomings_table(self.ctx.kind.key) if self.federation else phrases.OFFICE_SHORTCOMINGS
        picks = list(dict.fromkeys(table[t] for t in self.themes() if t in table))
        return [self.suggestion(p) for p in picks[:limit]]

    def suggest_plans(self, problems: list[str], planned: list[str], limit: int = 2) -> list[str]:
        """Plans that answer the stated problems first, then the draft's own work areas; never one
        the user already planned. A province or city federation plans guidance, not the doing."""
        plans, guides = plan_tables(self.ctx.kind.key) if self.federation else (phrases.OFFICE_PLANS, {})
        covered = set(self.fitting(text_theme(p) for p in planned))
        wanted = self.fitting(text_theme(p) for p in problems) + self.themes()
        guide = self.federation and self.ctx.profile.words.tier in (PROVINCE, PREFECTURE)
        picks = []
        for theme in dict.fromkeys(t for t in wanted if t and t not in covered):
            template = (guides.get(theme) if guide else None) or plans.get(theme)
            if template and template not in picks and self.fresh(template):
                picks.append(template)
        return [self.suggestion(p) for p in picks[:max(0, limit)]]

    def cause(self, problems: list[str]) -> str:
        """A cause that does not restate the problems it follows."""
        table = phrases.CAUSES_BY_THEME if self.federation else phrases.OFFICE_CAUSES_BY_THEME
        fitting = [table[t] for t in (text_theme(p) for p in problems) if t in table]
        options = fitting or sorted(phrases.CAUSES, key=lambda c: max((overlap(c, p) for p in problems), default=0))
        return self.suggestion(options[0])


def note_existing(ctx: DraftContext, texts: list[str]) -> None:
    """Count the set phrases and headings already in the draft (sections not being rewritten), so a
    regenerated section does not repeat them."""
    for text in texts:
        for phrase in phrases.STOCK_PHRASES:
            if phrase in text:
                ctx.claim(f"phrase:{phrase}")
