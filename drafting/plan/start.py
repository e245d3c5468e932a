"""A new draft, before a word is written: the facts parsed, who and when settled, every fact given a
section of the outline, the facts' warnings gathered and last year's report looked up."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date

from drafting.domain.facts import fact_warnings, parse_facts
from drafting.domain.material import Origin
from drafting.domain.meta import settle
from drafting.domain.types import Draft, DraftMeta
from drafting.domain.wording import kind_of

from .continuity import attach_previous
from .copying import copied_figures
from .outline import fragments, gaps, make_outline
from .shape import own_shape


def new_draft(meta: DraftMeta, facts_text: str, index=None, today: date | None = None,
              exclude_docs: tuple[str, ...] = (), origins: Mapping[str, Sequence[Origin]] | None = None) -> Draft:
    """Parse the facts, settle who and when, and lay out the outline: every fact assigned, no text yet.
    `origins`: where lines taken from the year's 工作信息 were reported, by their text."""
    facts = parse_facts(facts_text, origins)
    meta = own_shape(index, settle(meta, facts, today))
    kind = kind_of(meta)
    sections = make_outline(facts, kind, meta, index, exclude_docs)
    draft = Draft(meta=meta, facts=facts, sections=sections, id=uuid.uuid4().hex[:12],
                  warnings=fact_warnings(facts, facts_text) + fragments(facts) + gaps(sections, facts)
                  + copied_figures(facts, index, meta.org, exclude_docs))
    return attach_previous(draft, index) if index is not None else draft
