"""Which shape a 法治政府建设 report takes: the organisation's own, when its earlier report is in
the index; the statutory order otherwise.

Both shapes are real (of 16 real openings read side by side, 10 used one measures section with
（一）（二）…, 6 themed 一、二、三 sections) and nothing in a paste says which one an office uses —
but its own last report does."""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.types import DraftMeta
from lexicon.roles import SHAPES, Kind, Role

from .last_report import find_previous

STATUTORY, THEMED = SHAPES
NAMES = {STATUTORY: "一、主要举措和成效（下分（一）（二）…）", THEMED: "按工作主题分为几个一级标题"}


def own_shape(index, meta: DraftMeta) -> DraftMeta:
    """The meta with the shape of the organisation's own earlier report of this kind, when the user
    chose none; a notice says so."""
    if meta.shape or meta.report_type != Kind.FAZHI or index is None:
        return meta
    previous = find_previous(index, meta.org, meta.report_type, meta.year)
    if previous is None:
        return meta
    headings = {p.heading for p in index.passages(previous.doc) if p.role == Role.MEASURES and p.heading}
    shape = THEMED if len(headings) >= 2 else STATUTORY
    notice = f"按本单位{previous.year}年报告的结构起草：{NAMES[shape]}（可在提纲中改为另一种）。"
    return replace(meta, shape=shape, notices=[*meta.notices, notice])
