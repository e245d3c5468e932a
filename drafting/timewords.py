"""Year-aware wording: which congress and plenums a report on a given year cites, which laws exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# (congress, plenum, year, month) — the organisational 一中全会 is not cited in these reports.
PLENUMS = [
    (18, "六中", 2016, 10), (19, "二中", 2018, 1), (19, "三中", 2018, 2), (19, "四中", 2019, 10),
    (19, "五中", 2020, 10), (19, "六中", 2021, 11), (20, "二中", 2023, 2), (20, "三中", 2024, 7),
    (20, "四中", 2025, 10),
]
CONGRESS_DATES = {18: date(2012, 11, 8), 19: date(2017, 10, 18), 20: date(2022, 10, 16)}
CN = {18: "十八", 19: "十九", 20: "二十"}
XI_RULE_OF_LAW_YEAR = 2020  # 习近平法治思想 was named in November 2020
WOMENS_CONGRESS_13 = date(2023, 10, 23)


@dataclass(frozen=True)
class Law:
    name: str
    adopted: date
    effective: date


LAWS = [
    Law("反家庭暴力法", date(2015, 12, 27), date(2016, 3, 1)),
    Law("民法典", date(2020, 5, 28), date(2021, 1, 1)),
    Law("家庭教育促进法", date(2021, 10, 23), date(2022, 1, 1)),
    Law("未成年人网络保护条例", date(2023, 9, 20), date(2024, 1, 1)),
]
REVISED_WOMENS_LAW = Law("妇女权益保障法", date(2022, 10, 30), date(2023, 1, 1))


def congress_for(year: int) -> int:
    """The latest congress a report on `year` cites: 2022 onward 二十大, 2017–2021 十九大."""
    for number in (20, 19, 18):
        if year >= CONGRESS_DATES[number].year:
            return number
    return 18


def plenums_for(year: int) -> list[str]:
    """Plenums of the current congress held by the end of `year` (up to the latest three)."""
    congress = congress_for(year)
    held = [p for c, p, y, _ in PLENUMS if c == congress and y <= year]
    return held[-3:]


def congress_phrase(year: int) -> str:
    """党的二十大和二十届二中、三中全会精神 — or the right words for an earlier year."""
    congress = congress_for(year)
    plenums = plenums_for(year)
    text = f"党的{CN[congress]}大"
    if plenums:
        text += f"和{CN[congress]}届" + "、".join(plenums) + "全会"
    return text + "精神"


def guiding_phrase(year: int) -> str:
    """The guiding-ideology clause of a preamble, right for the year."""
    text = f"深入学习贯彻{congress_phrase(year)}"
    if year >= XI_RULE_OF_LAW_YEAR:
        text += "和习近平法治思想"
    return text


def laws_in_force(year: int) -> list[str]:
    """Laws a report on `year` may cite as in force by the end of that year."""
    names = [law.name for law in LAWS if law.effective <= date(year, 12, 31)]
    names.append("妇女权益保障法")  # in force since 1992; revised 2023
    return names
