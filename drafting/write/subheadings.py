"""The （一）（二） heading a group of facts gets in a measures section.

A heading says what the facts under it are about and claims nothing more: a house-style heading
(an earlier report's, the facet's or the topic's) only when lexicon.areas reads it as their area and
most of them show every claim it makes (heading_claims); else a plain heading drawn from the facts.
"""

from __future__ import annotations

from drafting.domain.facets import facet
from drafting.domain.meta import written_on
from drafting.domain.timeline import fits, in_time
from lexicon.areas import AREA_HEADINGS, claims_only_named, named_by
from lexicon.areas import fits as area_fits

from .base import DraftContext
from .borrow import corpus_subheadings
from .heading_claims import claims_of, from_facts, holds
from .items import Group, facet_facts


def plain_heading(texts: list[str], ctx: DraftContext | None = None) -> str:
    """A heading from what the facts name most (lexicon.areas) when it claims nothing they do not
    show, else one drawn from what most of them do (heading_claims.from_facts: 抓实疫情防控 over
    核酸 and 疫苗 work, 加强理论学习 over study that is not of the law); none ("") over facts that
    name no work area plainly enough: a drafter never writes an "其他工作" heading, and such facts
    have joined their neighbours' group (items.fold_unnamed) unless they are all there is."""
    kind = ctx.kind.key if ctx else ""
    counts = named_by(texts)
    heading = AREA_HEADINGS[max(counts, key=counts.get)] if counts else ""
    if heading and claims_only_named(heading, texts) and holds(heading, texts, kind):
        return heading
    return from_facts(texts, kind, ctx.profile.federation if ctx else True)


def subheading(group: Group, section_heading: str, ctx: DraftContext, variant: int,
               alone: bool = False, before: tuple[str, ...] = ()) -> tuple[str, list]:
    """A generic heading of earlier reports about this work area, else the kind's own; never one
    that repeats its section's heading nor one used before in the draft; only one that claims
    what most of its facts show, else a plain one from what they do. A group standing alone may
    have none; among others, a heading half its facts show is better than a paragraph that reads as
    part of the subsection before it — unless that subsection's heading says the same work
    (`before`: the section's headings so far), when reading on is what a drafter means."""
    texts = read_on(group.facts)
    kind = ctx.kind.key
    part = facet(group.theme, group.facet)
    unsure = all(f.unsure for f in group.facts)  # a themed heading would assert what nobody placed
    found = [] if part or unsure else corpus_subheadings(ctx, group.theme, " ".join(texts))
    own = [] if unsure else list(part.headings) if part else list(group.topic.headings) if group.topic else []
    when = written_on(ctx.meta)  # a heading speaks the wording of the writing date (建功新时代 from 2017-10)
    options = [(in_time(h, when), [p]) for h, p in found] + [(in_time(h, when), []) for h in own]
    options = [o for o in options if fits(o[0], when)] or options
    options = [o for o in options if not _shares_words(o[0], section_heading)] or options
    # what most of the facts do not show, no heading says (法治 over 三八 publicity in a 工作总结)
    own_first = []
    if part and 2 * facet_facts(group) >= len(texts):
        # the facet's own words (工作队, 需求清单 …) say its heading's work for half the facts: half
        # of them showing its claims is enough for its own heading, most of them is better
        own = [o for o in options if o[0] in part.headings]
        own_first = [o for o in own if holds(o[0], texts, kind)]
        own_first += [o for o in own if o not in own_first and holds(o[0], texts, kind, most=0.49)]
    options = [o for o in options if holds(o[0], texts, kind)]
    fitting = [o for o in options if area_fits(o[0], texts)]
    strict = own_first + [o for o in fitting if claims_only_named(o[0], texts) and o not in own_first]
    # a plain heading drawn from the facts that says again what the one before says is no heading
    plain = [(h, []) for h in (plain_heading(texts, ctx),) if h and not repeats(h, before, kind)]
    half = [(h, []) for h in (from_facts(texts, kind, ctx.profile.federation, most=0.49),)
            if h and not alone and not repeats(h, before, kind)]
    for fresh in (True, False):  # a heading whose half another heading has said (文明新风) only if nothing else fits
        for pool in (strict, plain, [] if alone else fitting, half):
            for k in range(len(pool)):
                heading, source = pool[(variant + k) % len(pool)]
                if heading and (not fresh or not _half_said(heading, ctx)) and ctx.claim(heading):
                    ctx.heading_halves.update(_halves(heading))
                    return heading, source
    return "", []


def _halves(heading: str) -> list[str]:
    """涵养文明新风 of 注重家庭家教家风，涵养文明新风: each half of a two-part heading and its last four
    characters (弘扬文明新风 and 涵养文明新风 say one thing; 时代新风 and 文明新风 do not)."""
    parts = [p for p in heading.split("，") if p]
    if len(parts) < 2:
        return []
    return [*parts, *(p[-4:] for p in parts if len(p) > 4)]


def _half_said(heading: str, ctx: DraftContext) -> bool:
    return not ctx.heading_halves.isdisjoint(_halves(heading))


def read_on(facts: list) -> list[str]:
    """The facts' texts, a fact that continues the one before it (悬挂横幅20条 after the event that
    hung them, a tally after the work it counts) read together with it: it is about what that one
    is about."""
    texts: list[str] = []
    for n, fact in enumerate(facts):
        goes_on = n > 0 and (fact.joined or (fact.follows and fact.follows == facts[n - 1].id))
        texts.append(texts[-1] + fact.text if goes_on else fact.text)
    return texts


def repeats(heading: str, before: tuple[str, ...], kind) -> bool:
    """Whether a heading makes only claims a heading before it in the section made (加强党的建设 after
    坚持党建引领，加强自身建设)."""
    said = {c.key for c in claims_of(heading, kind)}
    return bool(said) and any(said <= {c.key for c in claims_of(b, kind)} for b in before)


def _shares_words(a: str, b: str) -> bool:
    """Whether two headings share a four-character phrase (压实法治责任 in both reads as an echo)."""
    return any(a[i:i + 4] in b for i in range(len(a) - 3))
