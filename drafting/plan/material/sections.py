"""Where each candidate would go in the draft: the outline files candidates exactly as it files
facts (plan/outline.py: by what the fact is, then by where sentences like it sit in the corpus)."""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.classify import FactKind
from drafting.domain.kinds import get_kind
from drafting.domain.material import Candidate
from drafting.domain.types import DraftMeta, Fact

from ..outline import make_outline


def with_sections(candidates: list[Candidate], meta: DraftMeta, index=None) -> list[Candidate]:
    """The candidates numbered C1… with their kind, proposed section and the reason."""
    facts = [Fact(id=f"C{n}", text=c.text, figures=c.figures) for n, c in enumerate(candidates, 1)]
    sections = make_outline(facts, get_kind(meta.report_type), meta, index)
    where = {fid: (s.heading or "导语", s.placement.get(fid, "")) for s in sections for fid in s.fact_ids}
    out = []
    for fact, candidate in zip(facts, candidates, strict=True):
        section, reason = where.get(fact.id, ("", fact.note or FactKind(fact.kind).label))
        out.append(replace(candidate, id=fact.id, kind=fact.kind, section=section, reason=reason))
    return out
