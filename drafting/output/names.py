"""What a saved draft is called: “单位 · 年份 · 类型” by default, or the name its user gave; one name
per draft in a list (a second draft of the same report is “…（2）”), and a default name that
follows the draft when its organisation, year or kind changes."""

from __future__ import annotations

import re

from lexicon.roles import Kind

NAME_MAX = 100
NUMBERED = re.compile(r"（(\d+)）$")
"""The number that tells a second draft of one report from the first: …（2）."""


def default_name(org: str, year: int, report_type: str, period: str = "") -> str:
    """单位 · 年份 · 类型, e.g. 青川县妇女联合会 · 2024 · 法治政府建设年度报告."""
    try:
        kind = Kind(report_type).label
    except ValueError:
        kind = report_type
    half = "（上半年）" if period == "half" else ""
    return f"{org} · {year} · {kind}{half}"


def is_default(name: str, org: str, year: int, report_type: str) -> bool:
    """Whether `name` is the name the tool gave (numbered or not), not one the user chose."""
    plain = NUMBERED.sub("", name or "")
    return plain in (default_name(org, year, report_type), default_name(org, year, report_type, "half"))


def same_default(name: str, wanted: str) -> bool:
    """`name` is the default name `wanted`, numbered or not."""
    return NUMBERED.sub("", name or "") == wanted


def numbered(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted（2）`, `（3）` … whichever no other draft of the list has."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}（{n}）" in taken:
        n += 1
    return f"{wanted}（{n}）"


def like_prefix(text: str) -> str:
    """A LIKE pattern for names that start with `text` (its own % and _ taken literally, ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
