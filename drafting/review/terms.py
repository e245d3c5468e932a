"""Official terms: no wrong form of a name or set phrase in the draft (the term table, lexicon/terms.yaml
and the office's own entries): 习近平总书记, not 习总书记; a law by its full title and the congress as
党的二十大 where first named."""

from __future__ import annotations

from drafting.domain.guard import ForeignGuard
from drafting.domain.terms import term_table
from drafting.domain.types import Draft, strip_markers
from lexicon.terms import misuses

from .base import CheckResult, all_sentences


def official_terms(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Every sentence, in reading order (a first mention is the first in the draft): one finding a
    wrong form."""
    result = CheckResult("official_terms", "规范用语")
    terms, seen = term_table(), set()
    for field in (draft.meta.title, draft.meta.addressee):
        for misuse in misuses(field, terms, seen):
            result.add(misuse.message, fix=f"改为“{misuse.term.right}”")
    for section, sentence in all_sentences(draft):
        for misuse in misuses(strip_markers(sentence), terms, seen):
            result.add(misuse.message, section.id, sentence, fix=f"改为“{misuse.term.right}”")
    return result
