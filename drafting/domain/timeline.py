"""The one table of time-bound wording: congresses, plenums, named ideas and laws, with the day
each came into being. Every writer and check asks this module what was true on a report's writing
date — to the day, not to the year: a half-year report written in July 2022 cannot cite 二十大
(16 October 2022); an annual report on 2022 signed in January 2023 can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

CN = {18: "十八", 19: "十九", 20: "二十"}
CONGRESSES = {18: date(2012, 11, 14), 19: date(2017, 10, 24), 20: date(2022, 10, 22)}
"""The day each Party congress closed: from then on a report studies its 精神."""

PLENUMS = [  # (congress, plenum, closing day); the organisational 一中全会 is not cited in reports
    (18, "六中", date(2016, 10, 27)), (19, "二中", date(2018, 1, 19)), (19, "三中", date(2018, 2, 28)),
    (19, "四中", date(2019, 10, 31)), (19, "五中", date(2020, 10, 29)), (19, "六中", date(2021, 11, 11)),
    (20, "二中", date(2023, 2, 28)), (20, "三中", date(2024, 7, 18)), (20, "四中", date(2025, 10, 23)),
]
XI_THOUGHT = date(2017, 10, 24)
"""习近平新时代中国特色社会主义思想, named at the 19th congress."""
XI_RULE_OF_LAW = date(2020, 11, 17)
"""习近平法治思想, named at the central conference on law-based governance."""
WOMENS_CONGRESS_13 = date(2023, 10, 26)


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


@dataclass(frozen=True)
class Coined:
    """A phrase of political wording that came into use on a day: a report written before it cannot use it."""

    pattern: str
    since: date
    what: str


COINED = (
    Coined("新时代(?!中国特色社会主义思想)", CONGRESSES[19], "“新时代”的提法（党的十九大）"),
    Coined("高质量发展", CONGRESSES[19], "“高质量发展”的提法（党的十九大）"),
    Coined("乡村振兴", CONGRESSES[19], "乡村振兴战略（党的十九大提出）"),
    Coined("中国式现代化", date(2021, 7, 1), "“中国式现代化”的提法（庆祝建党一百周年大会）"),
    Coined("八五普法", date(2021, 6, 15), "“八五”普法规划（2021年6月印发）"),
    Coined("两个确立", date(2021, 11, 11), "“两个确立”（十九届六中全会）"),
)
"""Set phrases of a time, to the day they were first said (习近平新时代中国特色社会主义思想 has its own
entry above): the 时间用语 check knows them, and the composer's stock never uses one too early."""
EARLIER_WORDING = (("建功新时代", "建功立业"), ("推动高质量发展", "推动经济社会发展"), ("高质量发展", "经济社会发展"))
"""What the composer's stock says instead, before the phrase was coined (在推动高质量发展中建功立业 in a
2016 report: 在推动经济社会发展中建功立业)."""


def congress_for(when: date) -> int:
    """The latest congress closed by `when`."""
    return max(n for n, closed in CONGRESSES.items() if closed <= when)


def plenums_for(when: date) -> list[str]:
    """Plenums of the current congress held by `when` (the latest three)."""
    congress = congress_for(when)
    return [p for c, p, held in PLENUMS if c == congress and held <= when][-3:]


def congress_phrase(when: date) -> str:
    """党的二十大和二十届二中、三中全会精神 — or what was true on `when`."""
    congress = congress_for(when)
    plenums = plenums_for(when)
    text = f"党的{CN[congress]}大"
    if plenums:
        text += f"和{CN[congress]}届" + "、".join(plenums) + "全会"
    return text + "精神"


def ideology(when: date) -> str:
    """The guiding-thought clause: 习近平新时代中国特色社会主义思想 from October 2017."""
    if when >= XI_THOUGHT:
        return "坚持以习近平新时代中国特色社会主义思想为指导"
    return "深入贯彻习近平总书记系列重要讲话精神"


def rule_of_law_thought(when: date) -> str:
    """习近平法治思想 from November 2020; before it, the wording then in use."""
    return "习近平法治思想" if when >= XI_RULE_OF_LAW else "习近平总书记全面依法治国新理念新思想新战略"


def guiding_phrase(when: date) -> str:
    """The study clause of a preamble, right for the writing date."""
    text = f"深入学习贯彻{congress_phrase(when)}"
    if when >= XI_RULE_OF_LAW:  # a second clause, not a second 和 in one phrase
        text += "，全面贯彻习近平法治思想"
    return text


def laws_in_force(when: date) -> list[str]:
    """Laws in force on `when` that these reports cite by name."""
    names = [law.name for law in LAWS if law.effective <= when]
    return names + ["妇女权益保障法"]  # in force since 1992; revised 2023


# -- what a text cites, and when each became citable ------------------------------------------
PLENUM_RE = re.compile(r"(十八|十九|二十)届((?:[一二三四五六七八九]中[、和及]?)+)全会")


@dataclass(frozen=True)
class Anachronism:
    """A phrase cited before the day it became true."""

    phrase: str
    since: date
    message: str


def anachronisms(text: str, when: date) -> list[Anachronism]:
    """Every phrase in `text` that did not yet exist on `when` (the writing date)."""
    found = []

    def check(phrase: str, since: date, what: str) -> None:
        if since > when:
            found.append(Anachronism(phrase, since, f"{what}（{since.year}年{since.month}月）晚于成文时间，不能引用"))

    if re.search(r"二十大|二十届", text) and "中国妇女" not in text:
        check("二十大", CONGRESSES[20], "党的二十大召开")
    for congress_cn, plenums in PLENUM_RE.findall(text):
        congress = next(k for k, v in CN.items() if v == congress_cn)
        for plenum in re.findall(r"[一二三四五六七八九]中", plenums):
            held = next((d for c, p, d in PLENUMS if c == congress and p == plenum), None)
            if held:
                check(f"{congress_cn}届{plenum}全会", held, f"{congress_cn}届{plenum}全会召开")
    if "习近平法治思想" in text:
        check("习近平法治思想", XI_RULE_OF_LAW, "“习近平法治思想”提出")
    if "新时代中国特色社会主义思想" in text:
        check("习近平新时代中国特色社会主义思想", XI_THOUGHT, "习近平新时代中国特色社会主义思想提出")
    if "妇女十三大" in text:
        check("中国妇女十三大", WOMENS_CONGRESS_13, "中国妇女十三大召开")
    for coined in COINED:
        m = re.search(coined.pattern, text)
        if m:
            check(m.group(0), coined.since, coined.what)
    for law in LAWS:
        if law.name in text:
            check(law.name, law.adopted, f"《{law.name}》通过")
    if re.search(r"新修订的《?妇女权益保障法", text):
        check("新修订的妇女权益保障法", REVISED_WOMENS_LAW.adopted, "妇女权益保障法修订通过")
    return found


def in_time(text: str, when: date) -> str:
    """Stock text in the wording of `when`: a set phrase not yet coined then is said as it was then."""
    for later, earlier in EARLIER_WORDING:
        if later in text and anachronisms(later, when):
            text = text.replace(later, earlier)
    return text


def fits(text: str, when: date) -> bool:
    """Whether every time-bound phrase of `text` was already true on `when`."""
    return not anachronisms(text, when)


def superseded(text: str, period_start: date) -> list[str]:
    """Wording a report whose period began after a newer congress should no longer use."""
    newest = congress_for(period_start)
    previous = CN.get(newest - 1)
    if previous and re.search(f"{previous}大|{previous}届", text):
        return [f"本期报告应学习贯彻党的{CN[newest]}大精神，不应再写“{previous}大/{previous}届”"]
    return []
