"""Items outside the report's period are set aside, with a note saying why: a 2023 宪法日 post in a
2024 report, a September post in a half-year report. An item with no date stays (it is read as
this year's), and so does a July round-up of the first half in a half-year report."""

from __future__ import annotations

from drafting.domain.material import Item
from drafting.domain.types import DraftMeta


def outside(item: Item, meta: DraftMeta) -> str:
    """Why the item is outside the report's period; '' when it is inside (or says no date)."""
    when = item.date
    if when is None:
        return ""
    said = f"{when.year}年{when.month}月" + (f"{when.day}日" if item.exact else "")
    if when.year != meta.year:
        return f"日期为{said}，不在报告期（{meta.year}年）内"
    if meta.period == "half" and when.month > 6 and "上半年" not in item.title + item.text:
        return f"日期为{said}，不在报告期（{meta.year}年上半年）内"
    return ""
