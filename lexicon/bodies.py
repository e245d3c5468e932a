"""Who writes: the kinds of body that file these reports — a 妇联, a people's government, a 街道办事处,
a 管委会, a government department — the one table of them, and the departments a government has.

A full name is a place and then the body: 通城镇 + 人民政府, 长沙市天心区坡子街街道 + 办事处, 重庆市长寿区 +
司法局. The place's level (levels.py) gives the words of that level; the body's row says, as templates
over those words, what the body calls itself, whom it reports to (DOMAIN.md, “Who writes”), who leads
it, the 第一责任人 and its study group. The organisation profile (drafting/domain/profile.py) fills the
templates; every pattern that reads a name is built from these tables.

Template words: {prefix} 县, {party} 县委, {government} 县政府, {party_gov} 县委、县政府, {own_addressee}
the level's usual 主送, {secretary} 县委书记, {head} 县长, {congress} 县人大常委会 ('' where there is none),
{up_party} {up_government} the level above (党中央, 国务院 above a province), {up_federation} 上级妇联,
{group} 党组书记、 and {group_study} 党组理论学习中心组 ('' where the level has no 党组), {area_we} 我县,
{unit} 司法局, {unit_head} 局长, {unit_we} 我局, {up_unit} 市司法局 ('' when unknown), {up_guide} the same or
上级主管部门, {short} the body's own self-name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .levels import LEVELS, PROVINCE, TOWNSHIP, UNIT_SUFFIXES, level_of
from .pattern import either

FEDERATION, GOVERNMENT, DEPARTMENT = "federation", "government", "department"
"""Whose words fit a body: a 妇联's, a people's government's, a department's."""


@dataclass(frozen=True)
class Body:
    """One kind of organisation that writes: how its name ends and the words it uses of itself."""

    key: str
    label: str
    """What it is, as the user is told: 妇联 / 人民政府 / 街道办事处 / 管委会 / 政府部门."""
    endings: tuple[str, ...]
    """How its full name ends (the first is the one it is called by)."""
    levels: tuple[str, ...]
    """The levels it exists at; () for any."""
    voice: str
    self_name: str
    we: str
    """How its text says “we”: 我会 / 我县 / 本街道 / 我局."""
    addressee: str
    """主送: its own party committee, congress and the level above, as DOMAIN.md says."""
    led_by: str
    """在…的坚强领导下."""
    leaders: str
    """The 第一责任人 (党委书记和镇长; 党组书记、局长)."""
    own_party: str
    """The party body inside it that decides its work: 县妇联党组 / 镇党委 / 街道党工委."""
    study_group: str
    """Its 理论学习中心组 ('' when it has none)."""
    superior: str
    """Who guides it from above ('' for a government: it is led, not guided)."""
    party: str = "{party}"
    """The party committee its work answers to: 县委 / 镇党委 / 党工委."""
    after: tuple[str, ...] = ()
    """What the place must end in for this body (a 管委会 is a zone's: 开发区, 高新区 …)."""


ABOVE_TOWNSHIP = tuple(key for key, level in LEVELS.items() if level.tier != TOWNSHIP)
TOWNS = tuple(key for key, level in LEVELS.items() if level.tier == TOWNSHIP and key != "街道")

BODIES = (
    Body("federation", "妇联", ("妇女联合会", "妇联"), (), FEDERATION,
         self_name="{prefix}妇联", we="我会", addressee="{own_addressee}", led_by="{party_gov}",
         leaders="{group}主席", own_party="{short}{party_group}", study_group="{group_study}",
         superior="{up_federation}"),
    Body("street", "街道办事处", ("办事处",), ("街道",), GOVERNMENT,
         self_name="街道办事处", we="本街道", addressee="{up_party}、{up_government}",
         led_by="{up_party}、{up_government}和{party}", leaders="{secretary}和{head}", own_party="{party}",
         study_group="党工委理论学习中心组", superior=""),
    Body("township", "人民政府", ("人民政府", "政府"), TOWNS, GOVERNMENT,
         self_name="{government}", we="{area_we}", addressee="{up_party}、{up_government}",
         led_by="{up_party}、{up_government}和{party}", leaders="{secretary}和{head}", own_party="{party}",
         study_group="党委理论学习中心组", superior=""),
    Body("government", "人民政府", ("人民政府", "政府", "行政公署"), ABOVE_TOWNSHIP, GOVERNMENT,
         self_name="{government}", we="{area_we}", addressee="{party}、{congress}，{up_government}",
         led_by="{up_party}、{up_government}和{party}", leaders="{secretary}和{head}", own_party="{short}党组",
         study_group="{government}党组理论学习中心组", superior=""),
    Body("zone", "管委会", ("管理委员会", "管委会"), (), GOVERNMENT,
         self_name="管委会", we="我区", addressee="{up_party}、{up_government}", led_by="{up_party}、{up_government}",
         leaders="党工委书记和管委会主任", own_party="党工委", study_group="党工委理论学习中心组", superior="",
         party="党工委", after=("开发区", "高新区", "新区", "园区", "试验区", "示范区", "合作区", "工业园", "产业园")),
    Body("department", "政府部门", ("委员会", "办公室", "中心", "局", "厅", "委", "办", "院"), (), DEPARTMENT,
         self_name="{prefix}{unit}", we="{unit_we}", addressee="{party_gov}，{up_unit}", led_by="{party_gov}",
         leaders="党组书记、{unit_head}", own_party="{short}党组", study_group="党组理论学习中心组",
         superior="{up_guide}"),
)
"""In the order a name is read: a 街道办事处 before a government, a 管委会 before a department."""
BODY = {body.key: body for body in BODIES}
FULL_FORMS = {"政府": "人民政府", "管委会": "管理委员会"}
"""A body's short ending and its full one: the title and the 落款 carry the full name."""


@dataclass(frozen=True)
class Department:
    """A department a government has at every level, and what it is called above."""

    stem: str
    short: str
    """人力资源和社会保障 → 人社 (县人社局)."""
    provincial: str
    """Its ending at a province: 司法局 → 司法厅; 市场监督管理局 stays a 局."""
    ministry: str = ""
    """Above a province."""


D = Department
DEPARTMENTS = (
    D("人力资源和社会保障", "人社", "厅", "人力资源社会保障部"), D("住房和城乡建设", "住建", "厅", "住房城乡建设部"),
    D("市场监督管理", "市场监管", "局", "国家市场监督管理总局"), D("发展和改革", "发改", "委员会", "国家发展改革委"),
    D("经济和信息化", "经信", "厅", "工业和信息化部"), D("退役军人事务", "退役军人事务", "厅", "退役军人事务部"),
    D("文化广电旅游", "文广旅", "厅", "文化和旅游部"), D("文化和旅游", "文旅", "厅", "文化和旅游部"),
    D("农业农村", "农业农村", "厅", "农业农村部"), D("自然资源", "自然资源", "厅", "自然资源部"),
    D("生态环境", "生态环境", "厅", "生态环境部"), D("交通运输", "交通运输", "厅", "交通运输部"),
    D("卫生健康", "卫健", "委员会", "国家卫生健康委"), D("应急管理", "应急管理", "厅", "应急管理部"),
    D("医疗保障", "医保", "局", "国家医疗保障局"), D("乡村振兴", "乡村振兴", "局"),
    D("科学技术", "科技", "厅", "科学技术部"),
    D("司法", "司法", "厅", "司法部"), D("教育", "教育", "厅", "教育部"), D("民政", "民政", "厅", "民政部"),
    D("公安", "公安", "厅", "公安部"), D("财政", "财政", "厅", "财政部"), D("水利", "水利", "厅", "水利部"),
    D("商务", "商务", "厅", "商务部"), D("审计", "审计", "厅", "审计署"), D("统计", "统计", "局", "国家统计局"),
    D("林业", "林业", "局", "国家林业和草原局"), D("信访", "信访", "局", "国家信访局"),
    D("税务", "税务", "局", "国家税务总局"),
    D("人民检察", "检察", "院", "最高人民检察院"), D("人民法", "法", "院", "最高人民法院"), D("政法", "政法", "委"),
    D("依法治", "依法治", "办"), D("机关事务", "机关事务", "局"), D("城市管理", "城管", "局"),
)
UNIT_ENDINGS = {"委员会": ("委", "主任"), "办公室": ("办", "主任"), "中心": ("中心", "主任"), "局": ("局", "局长"),
                "厅": ("厅", "厅长"), "委": ("委", "主任"), "办": ("办", "主任"), "院": ("院", "院长")}
"""A department's ending → (its short form, its head): 委员会 → 委, 主任."""

PLACE_END = "".join(dict.fromkeys(suffix[-1] for suffix, _ in UNIT_SUFFIXES)) + "委"
"""What a department's name follows: a place (…县) or a party committee (…县委政法委)."""
STEMMED_UNIT = re.compile(f"(?<=[{PLACE_END}]){either(d.stem for d in DEPARTMENTS)}[\u4e00-\u9fff]{{0,4}}?"
                          f"{either(UNIT_ENDINGS)}$")
"""A known department at the end of a name: 司法局, 人力资源和社会保障厅 (never the 民政 of 人民政府)."""


def split_name(name: str) -> tuple[str, str]:
    """(place, body) of a full name: 通城镇人民政府 → (通城镇, 人民政府), 重庆市长寿区司法局 → (重庆市长寿区,
    司法局), 青川县妇女联合会 → (青川县, 妇女联合会); (name, '') when no body is named (the caller asks)."""
    name = re.sub(r"\s+", "", name)
    m = STEMMED_UNIT.search(name)
    if m:
        return name[:m.start()], m.group(0)
    for body in BODIES:
        for ending in sorted(body.endings, key=len, reverse=True):
            place = name[:-len(ending)]
            if name.endswith(ending) and place and _fits(body, place, level_of(place)):
                return _split_unit(name, ending) if body.voice == DEPARTMENT else (place, ending)
    return name, ""


def body_of(text: str, level: str) -> tuple[Body | None, str]:
    """The body a name's end (or what the user typed as the body) names at this level, and the ending
    read: (人民政府, 镇) → the township government; ('', …) → (None, '')."""
    for body in BODIES:
        for ending in sorted(body.endings, key=len, reverse=True):
            if text.endswith(ending) and _fits(body, text[:-len(ending)], level):
                return body, ending
    return None, ""


def _fits(body: Body, place: str, level: str) -> bool:
    return (not body.levels or level in body.levels) and (not body.after or place.endswith(body.after))


def _split_unit(name: str, ending: str) -> tuple[str, str]:
    """A department nobody listed: the place is the name up to the last place suffix that leaves the
    department a name of its own (two characters or more)."""
    end = len(name) - len(ending)
    for suffix, _ in UNIT_SUFFIXES:
        at = name.rfind(suffix, 0, end)
        if at > 0 and end - (at + len(suffix)) >= 2:
            return name[:at + len(suffix)], name[at + len(suffix):]
    return "", name


def unit_words(unit: str, above: str) -> dict[str, str]:
    """A department's words: its short form (人力资源和社会保障厅 → 人社厅), its head, its “we”, and the
    same department one level up (`above`, '' over a province): 市司法局, 省司法厅, 司法部; '' when unknown."""
    ending = next((e for e in sorted(UNIT_ENDINGS, key=len, reverse=True) if unit.endswith(e)), "")
    short_end, head = UNIT_ENDINGS.get(ending, ("", "主要负责人"))
    known = next((d for d in DEPARTMENTS if unit == d.stem + ending), None)
    up = ""
    if known and not above:
        up = known.ministry
    elif known:
        upper = LEVELS[above]
        up_end = UNIT_ENDINGS[known.provincial if upper.tier == PROVINCE else ending][0]
        up = upper.self_prefix + known.short + up_end
    return {"unit": known.short + short_end if known else unit, "unit_head": head,
            "unit_we": "我" + (short_end or "单位"), "up_unit": up, "up_guide": up or "上级主管部门"}
