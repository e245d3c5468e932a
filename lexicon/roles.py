"""The two registries every layer names things by: what a section does (Role) and what kind of
report it belongs to (Kind). The importer files passages by them; CLI choices, labels in the app,
prompts and checks derive from here."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """What a top-level section of a report does."""

    PREAMBLE = "preamble"
    MEASURES = "measures"
    FIRST_RESPONSIBLE = "first_responsible"
    SHORTCOMINGS = "shortcomings"
    PLANS = "plans"
    HIGHLIGHTS = "highlights"
    OTHER = "other"

    @property
    def label(self) -> str:
        """How staff call this part of a report."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.PREAMBLE: "导语",
    Role.MEASURES: "主要举措和成效",
    Role.FIRST_RESPONSIBLE: "主要负责人履行第一责任人职责情况",
    Role.SHORTCOMINGS: "存在的不足和原因",
    Role.PLANS: "下一步工作安排",
    Role.HIGHLIGHTS: "工作亮点",
    Role.OTHER: "其他情况",
}


class Kind(StrEnum):
    """The report kinds the tool drafts (report_type in case files and draft JSON)."""

    FAZHI = "fazhi"
    PUFA = "pufa"
    ZONGJIE = "zongjie"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.FAZHI: "法治政府建设年度报告",
    Kind.PUFA: "“谁执法谁普法”普法责任制履职报告",
    Kind.ZONGJIE: "工作总结及谋划",
}


def role_label(role: str) -> str:
    """The label of a role given as a plain string; the string itself when it is not a Role."""
    try:
        return Role(role).label
    except ValueError:
        return role



SHAPES = ("statutory", "themed")
"""The two shapes of a 法治政府建设 report's body: one 主要举措和成效 section with （一）（二）… by work
area (the statutory order), or several themed 一、二、三 sections."""
