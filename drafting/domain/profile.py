"""Who writes: the organisation profile, worked out once from the full name.

A full name is a place and a body (lexicon/bodies.py). The place's level (lexicon/levels.py: 省,
自治区, 市 … 镇, 乡, 街道) fixes the words of that level — 县委, 全面依法治县, 全县 — and the body (a 妇联,
a people's government, a 街道办事处, a 管委会 or a department) fixes what the organisation calls itself,
whom it reports to, who leads it, its 第一责任人 and study group, and whether 妇联 wording fits at all.
The composer, the model prompts, the checks, the Word export and the continuity code all read this
profile; docs/DOMAIN.md ("Who writes") has the rules it encodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lexicon.bodies import (
    BODY,
    DEPARTMENT,
    FEDERATION,
    FULL_FORMS,
    GOVERNMENT,
    Body,
    body_of,
    split_name,
    unit_words,
)
from lexicon.levels import CENTRE, DEFAULT_LEVEL, LEVELS, TOWNSHIP, Level, level_of, parent_level


@dataclass(frozen=True)
class OrgProfile:
    """Everything the wording around the facts depends on, for one organisation."""

    name: str
    level: str
    """A key of LEVELS."""
    body: str
    """妇联, 镇人民政府, 街道办事处, 管委会, or the department (司法局)."""
    self_name: str
    """What the report calls its own organisation: 县妇联 / 镇政府 / 街道办事处 / 县司法局."""
    addressee: str
    """主送机关, ending in a full-width colon."""
    leader_title: str
    """The 第一责任人: 党组书记、主席 / 主席 / 党委书记和镇长 / 党组书记、局长."""
    placed: bool = True
    """False when the name gave no level: county wording is used and the user is asked."""
    notices: tuple[str, ...] = field(default=())
    kind: str = FEDERATION
    """A key of lexicon.bodies.BODY: federation, street, township, government, zone, department."""
    we: str = "我会"
    """How the text says “we”: 我会 / 我县 / 我镇 / 本街道 / 我局."""
    led_by: str = ""
    """在…的坚强领导下: 县委、县政府 / 县委、县政府和镇党委."""
    party: str = ""
    """The party committee its work answers to: 县委 / 镇党委 / 街道党工委."""
    own_party: str = ""
    """The party body inside it that decides its work: 县妇联党组 / 镇党委 / 县司法局党组."""
    study_group: str = ""
    """Its 理论学习中心组 ('' when it has none: a town's 妇联)."""
    superior: str = ""
    """Who guides it from above: 上级妇联 / 市司法局 / 上级主管部门; '' for a government."""
    full_name: str = ""
    """The name with its body written in full (通城镇政府 → 通城镇人民政府): the title's and the 落款's."""
    bare: bool = False
    """Whether the name is only a level and a body (县妇联, 镇人民政府): no place a 落款 can carry."""
    addressed_to: tuple[str, ...] = ()
    """Who its reports may go to, each a word an addressee holds (县委, 县政府, 市司法局): a town's
    government reports to its county, never to itself."""

    @property
    def words(self) -> Level:
        return LEVELS[self.level]

    @property
    def voice(self) -> str:
        """Whose words fit: a 妇联's, a people's government's or a department's (lexicon.bodies)."""
        return BODY[self.kind].voice

    @property
    def federation(self) -> bool:
        """Whether 妇联 wording (妇女儿童合法权益, 巾帼力量, 上级妇联) fits this body."""
        return self.voice == FEDERATION

    def summary(self) -> str:
        """One line for staff to check before drafting."""
        label = BODY[self.kind].label
        kind = label if label == self.body else f"{label}（{self.body}）"
        return (f"单位：{self.name} · 级别：{self.level} · 性质：{kind} · 自称：{self.self_name} · "
                f"主送：{self.addressee} · 法治表述：{self.words.rule_of_law} · 负责人：{self.leader_title}")


@lru_cache(maxsize=256)  # every template filled asks for it; the answer depends on these strings only
def profile_for(name: str, level: str = "", body: str = "", self_name: str = "", addressee: str = "",
                leader_title: str = "") -> OrgProfile:
    """The profile of an organisation by its full name; any field the user gave wins."""
    place, found_body = split_name(name)
    if level and level not in LEVELS:
        raise ValueError(f"级别“{level}”无法识别：请填写 {'、'.join(LEVELS)} 之一。")
    level = level or level_of(place) or _level_named(body)
    placed = bool(level)
    level = level or DEFAULT_LEVEL
    row, ending = body_of(body or name, level)
    if row is None:  # no body named: a federation's words (the user is asked), or the department typed
        row = BODY[DEPARTMENT] if body else BODY[FEDERATION]
    unit = (body or found_body) if row.voice == DEPARTMENT else ""
    own, above_named = LEVELS[level], parent_level(place)
    words = _template_words(own, LEVELS.get(above_named or own.above), unit)
    words["short"] = _fill(row.self_name, words)
    filled = {key: _fill(getattr(row, key), words) for key in
              ("we", "addressee", "led_by", "leaders", "own_party", "study_group", "superior", "party")}
    usual = _colon(filled["addressee"])
    addressee = _colon(addressee.strip()) if addressee.strip() else usual
    return OrgProfile(
        name=name, level=level, body=_body_text(row, ending, own, unit), self_name=self_name.strip() or words["short"],
        addressee=addressee, leader_title=leader_title.strip() or filled["leaders"], placed=placed,
        notices=_notices(name, row, own if placed else None, bool(above_named) or addressee != usual, usual),
        kind=row.key, we=filled["we"], led_by=filled["led_by"], party=filled["party"],
        own_party=filled["own_party"], study_group=filled["study_group"], superior=filled["superior"],
        full_name=_full_name(name, level), bare=place in ("", *LEVELS), addressed_to=_addressed_to(row, own, usual))


def _level_named(body: str) -> str:
    """The level a typed body names: 镇人民政府 → 镇, 街道办事处 → 街道; '' for 司法局."""
    place, _ = split_name(body) if body else ("", "")
    return level_of(place)


def _full_name(name: str, level: str) -> str:
    row, ending = body_of(name, level)
    return name[:-len(ending)] + FULL_FORMS[ending] if row and ending in FULL_FORMS else name


def _addressed_to(row: Body, level: Level, usual: str) -> tuple[str, ...]:
    """A federation may address its own level's party and government (镇党委、镇政府); a government or
    department the bodies of its usual addressee."""
    own = (level.party, level.government, level.self_prefix) if row.voice == FEDERATION else ()
    return own + tuple(part for part in re.split("[、，：]", usual) if part)


def _template_words(level: Level, up: Level | None, unit: str) -> dict[str, str]:
    """The words lexicon.bodies' templates are filled with (listed in its docstring)."""
    up_party, up_government = (up.party, up.government) if up else CENTRE
    group = level.party_group
    words = {"prefix": level.self_prefix, "party": level.party, "government": level.government,
             "party_gov": level.party_gov, "own_addressee": level.addressee or level.party_gov,
             "secretary": level.secretary, "head": level.head,
             "congress": level.self_prefix + "人大常委会" if level.congress else "",
             "up_party": up_party, "up_government": up_government, "up_federation": "上级妇联" if up else "全国妇联",
             "group": "党组书记、" if group else "", "party_group": "党组" if group else "",
             "group_study": "党组理论学习中心组" if group else "", "area_we": "我" + level.key[-1]}
    return words | unit_words(unit, up.key if up else "")


def _fill(template: str, words: dict[str, str]) -> str:
    """A template of lexicon.bodies filled; a part with nothing in it leaves no stray 、 or ，."""
    text = template.format(**words)
    text = re.sub(r"[、，]+(?=[、，])", "", text)
    return text.strip("、，")


def _body_text(row: Body, ending: str, level: Level, unit: str) -> str:
    """The body as the user is shown it and may type it: 妇联, 镇人民政府, 街道办事处, 管委会, 司法局."""
    if row.voice == FEDERATION:
        return "妇联"
    if row.voice == DEPARTMENT:
        return unit
    if row.voice == GOVERNMENT and row.levels:
        return level.self_prefix + FULL_FORMS.get(ending, ending)
    return row.label


def _notices(name: str, row: Body, level: Level | None, above_known: bool, usual: str) -> tuple[str, ...]:
    notices = []
    if level is None:
        notices.append(f"无法从“{name}”判断行政级别：按县级单位的写法起草（县委、县政府；全面依法治县），"
                       "请核对主送机关、自称和负责人职务，或填写“级别”。")
    if row.voice != FEDERATION:
        notices.append(f"“{name}”不是妇联：按{row.label}的写法起草，不使用妇联特有的表述；"
                       "范例库中是妇联的报告，只借鉴结构。")
    if row.voice == GOVERNMENT and level and level.tier == TOWNSHIP and not above_known:
        notices.append(f"名称未写明所属的县（区、市）：主送按“{usual}”起草，如不是，请修改主送机关。")
    return tuple(notices)


def _colon(text: str) -> str:
    return text if text.endswith(("：", ":")) else text + "："
