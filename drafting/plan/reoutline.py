"""生成提纲 again on a draft the user has worked on: the new outline laid over the old one, nothing lost.

The sections stay as the user left them — order, headings they renamed, sections they added, locks,
the text written or typed — and each fact stays where the user had it (a move is the truth for this
draft). A new fact goes where the new outline puts it; a changed or removed fact marks the sections
whose text used it as outdated, to be offered for redrafting; no text is emptied or rewritten here,
only its 【F】 markers renumbered when the facts' numbers moved. With another shape of report
(statutory ↔ themed), the new shape's measures sections come in and the old ones the user never
touched go; every section the user touched is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from drafting.domain.types import MARKER_RE, Draft, Fact, Section, next_section_id
from lexicon.roles import Role

from .fact_match import Match, match_facts
from .outline import refresh_gaps


@dataclass(frozen=True)
class FactChange:
    """One difference between the old facts and the new, for the message after 生成提纲."""

    kind: str
    """'changed', 'added', 'removed' or 'renumbered'."""
    fact_id: str
    """Its id now (its old id for a removed fact)."""
    section_id: str = ""
    """The section it is in (was in, for a removed fact); '' for none."""
    old_id: str = ""
    old_text: str = ""
    text: str = ""


@dataclass
class Reoutlined:
    draft: Draft
    changes: list[FactChange] = field(default_factory=list)


def reoutline(current: Draft, fresh: Draft) -> Reoutlined:
    """`fresh` (the outline of the form as it is now) laid over `current`: see the module's doc."""
    matches = match_facts([f for f in current.facts if not f.derived], fresh.facts)
    derived = kept_comparisons(current, fresh, matches)
    renumber = {m.old.id: new_id for new_id, m in matches.items()} | {f.id: f.id for f in derived}
    sections, fresh_home = lay_out(current, fresh)
    homes, reasons = place(current, fresh, matches, sections, fresh_home, {f.id for f in derived})
    old_sections = {s.id: s for s in current.sections}
    result = []
    for section in sections:
        before = old_sections.get(section.id)
        order = [renumber[o] for o in (before.fact_ids if before else []) if homes.get(renumber.get(o)) == section.id]
        order += [f.id for f in fresh.facts if homes.get(f.id) == section.id and f.id not in order]
        text = MARKER_RE.sub(lambda m: f"【{renumber[m.group(1)]}】" if m.group(1) in renumber else "", section.text)
        result.append(replace(section, fact_ids=order, text=text,
                              placement={f: reasons[f] for f in order if f in reasons}))
    needed = set(fresh_home.values())  # the new outline has it: kept even without facts (a gap to fill)
    result = [s for s in result if s.id in needed or s.fact_ids or s.text.strip() or s.added or s.locked
              or s.role == Role.PREAMBLE]
    changes = fact_changes(current, matches, homes, old_sections)
    result = mark_outdated(result, changes, current, derived)
    meta = replace(fresh.meta, backend=current.meta.backend)
    draft = replace(fresh, id=current.id, meta=meta, facts=fresh.facts + derived, sections=result,
                    tokens=current.tokens, warnings=refresh_gaps(fresh.warnings, result))
    return Reoutlined(draft, changes)


def lay_out(current: Draft, fresh: Draft) -> tuple[list[Section], dict[str, str]]:
    """(the sections, without facts yet; fresh section id → the section it became)."""
    same_shape = (current.meta.shape or "statutory") == (fresh.meta.shape or "statutory")
    pairs = pair_sections(current.sections, fresh.sections, same_shape)
    taken = {s.id for s in current.sections}
    home: dict[str, str] = {}
    fresh_only: list[Section] = []
    for fs in fresh.sections:
        if fs.id in pairs:
            home[fs.id] = pairs[fs.id]
            continue
        new_id = fs.id if fs.id not in taken else next_section_id(taken)
        taken.add(new_id)
        home[fs.id] = new_id
        fresh_only.append(replace(fs, id=new_id))
    paired = set(pairs.values())
    if same_shape:
        kept = list(current.sections)
    else:  # the new shape's order; the old sections the user touched stay beside those of their role
        kept = [c for c in current.sections if c.id in paired or _touched(c)]
    sections = list(kept)
    for section in fresh_only:
        before = [home[f.id] for f in fresh.sections[:_position(fresh, section, home)]]
        at = max((i + 1 for i, s in enumerate(sections) if s.id in before), default=len(sections))
        sections.insert(at, section)
    return sections, home


def pair_sections(current: list[Section], fresh: list[Section], same_shape: bool) -> dict[str, str]:
    """fresh section id → the user's section it is: the same heading the outline gave it, or the one
    section of its role on both sides (a renamed one). Sections the user added pair with none."""
    free = [c for c in current if not c.added]
    pairs: dict[str, str] = {}
    for fs in fresh:
        match = next((c for c in free if c.role == fs.role and (c.origin or c.heading) == fs.heading
                      and c.id not in pairs.values()), None)
        if match is not None:
            pairs[fs.id] = match.id
    for role in {fs.role for fs in fresh}:
        left = [fs for fs in fresh if fs.role == role and fs.id not in pairs]
        right = [c for c in free if c.role == role and c.id not in pairs.values()]
        if len(left) == len(right) == 1 and (same_shape or role != Role.MEASURES):
            pairs[left[0].id] = right[0].id
    return pairs


def place(current: Draft, fresh: Draft, matches: dict[str, Match], sections: list[Section],
          fresh_home: dict[str, str], derived: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(fact id → its section, fact id → why it is there): where the user had it, else where the
    new outline puts it; a fact the user left out of every section stays out while it is the same."""
    ids = {s.id for s in sections}
    old_home = {fid: s.id for s in current.sections for fid in s.fact_ids}
    old_reason = {fid: s.placement.get(fid, "") for s in current.sections for fid in s.fact_ids}
    new_home = {fid: fresh_home[s.id] for s in fresh.sections for fid in s.fact_ids}
    new_reason = {fid: s.placement.get(fid, "") for s in fresh.sections for fid in s.fact_ids}
    homes, reasons = {}, {}
    for fact in fresh.facts:
        match = matches.get(fact.id)
        was = old_home.get(match.old.id) if match else None
        if was in ids:
            homes[fact.id], reasons[fact.id] = was, old_reason[match.old.id] or new_reason.get(fact.id, "")
        elif match is not None and was is None and not match.changed:
            continue  # left out by the user (a deleted section) or as a fragment: still out
        elif fact.id in new_home:
            homes[fact.id], reasons[fact.id] = new_home[fact.id], new_reason.get(fact.id, "")
    for section in current.sections:  # the accepted comparisons kept stay where they were
        for fid in section.fact_ids:
            if fid in derived and section.id in ids:
                homes[fid], reasons[fid] = section.id, section.placement.get(fid, "")
    return homes, reasons


def kept_comparisons(current: Draft, fresh: Draft, matches: dict[str, Match]) -> list[Fact]:
    """The accepted comparisons whose fact is unchanged and still offered (renumbered)."""
    renumber = {m.old.id: new_id for new_id, m in matches.items() if not m.changed}
    kept = []
    for fact in current.facts:
        source = fact.derived.source if fact.derived else ""
        if source not in renumber:
            continue
        offer = next((i for i, o in enumerate(fresh.comparisons)
                      if o.fact_id == renumber[source] and f"{o.subject}{o.text}" == fact.text), None)
        if offer is not None:
            kept.append(replace(fact, derived=replace(fact.derived, source=renumber[source], offer=offer)))
    return kept


def fact_changes(current: Draft, matches: dict[str, Match], homes: dict[str, str],
                 old_sections: dict[str, Section]) -> list[FactChange]:
    old_home = {fid: s.id for s in old_sections.values() for fid in s.fact_ids}
    matched = {m.old.id for m in matches.values()}
    changes = []
    for new_id, m in matches.items():
        if m.changed:
            changes.append(FactChange("changed", new_id, homes.get(new_id, ""), m.old.id, m.old.text, m.new.text))
        elif m.old.id != new_id:
            changes.append(FactChange("renumbered", new_id, homes.get(new_id, ""), m.old.id, m.old.text, m.new.text))
    changes += [FactChange("added", fid, home) for fid, home in homes.items()
                if fid.startswith("F") and fid not in matches]
    changes += [FactChange("removed", f.id, old_home.get(f.id, ""), f.id, f.text) for f in current.facts
                if not f.derived and f.id not in matched]
    return changes


def mark_outdated(sections: list[Section], changes: list[FactChange], current: Draft,
                  derived: list[Fact]) -> list[Section]:
    """Each section with text whose facts changed says so (it is offered for redrafting)."""
    why: dict[str, list[str]] = {}
    for c in changes:
        words = {"changed": f"{c.fact_id} 改了", "added": f"新增 {c.fact_id}", "removed": f"删去了原 {c.fact_id}"}
        if c.kind in words and c.section_id:
            why.setdefault(c.section_id, []).append(words[c.kind])
    kept = {f.id for f in derived}
    for section in current.sections:
        for fid in section.fact_ids:
            if fid.startswith("D") and fid not in kept:
                why.setdefault(section.id, []).append(f"同比数据 {fid} 已去掉")
    return [replace(s, outdated=list(dict.fromkeys([*s.outdated, *why.get(s.id, [])])))
            if s.text.strip() and why.get(s.id) else s for s in sections]


def _touched(section: Section) -> bool:
    return bool(section.text.strip() and section.edited) or section.added or section.locked or bool(section.origin)


def _position(fresh: Draft, section: Section, home: dict[str, str]) -> int:
    return next(i for i, s in enumerate(fresh.sections) if home[s.id] == section.id)
