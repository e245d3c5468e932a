"""Who writes: the organisation profile, worked out once from the full name.

The level (lexicon/levels.py: 省, 自治区, 市 … 镇, 乡, 街道) fixes the words around the facts — the
self-name, the addressee, the 依法治X phrase, the party/government pair — and the body (a 妇联 or a
government department) fixes the leader's title and whether 妇联 wording fits at all. The composer,
the model prompts, the checks, the Word export and the continuity code all read this profile;
docs/DOMAIN.md ("Who writes") has the table it encodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lexicon.levels import DEFAULT_LEVEL, LEVELS, PROVINCE, UNIT_SUFFIXES, Level, level_of

FEDERATION = re.compile(r"(妇女联合会|妇联)$")
DEPARTMENT_STEMS = (
    "人力资源和社会保障", "住房和城乡建设", "市场监督管理", "发展和改革", "经济和信息化", "退役军人事务",
    "文化广电旅游", "文化和旅游", "农业农村", "自然资源", "生态环境", "交通运输", "卫生健康", "应急管理",
    "医疗保障", "乡村振兴", "科学技术", "司法", "教育", "民政", "公安", "财政", "水利", "商务", "审计",
    "统计", "林业", "信访", "税务", "人民检察", "人民法", "政法", "依法治", "机关事务")
DEPARTMENT_SUFFIX = re.compile(r"(局|厅|委员会|委|办公室|办|院|中心)$")
LEADERS = {"局": "局长", "厅": "厅长", "委员会": "主任", "委": "主任", "办公室": "主任", "办": "主任",
           "院": "院长", "中心": "主任"}


@dataclass(frozen=True)
class OrgProfile:
    """Everything the wording around the facts depends on, for one organisation."""

    name: str
    level: str
    """A key of LEVELS."""
    body: str
    """妇联, or the department (司法局)."""
    self_name: str
    """What the report calls its own organisation: 县妇联 / 街道妇联 / 县司法局."""
    addressee: str
    """主送机关, ending in a full-width colon."""
    leader_title: str
    """党组书记、主席 / 主席 / 党组书记、局长."""
    placed: bool = True
    """False when the name gave no level: county wording is used and the user is asked."""
    notices: tuple[str, ...] = field(default=())

    @property
    def words(self) -> Level:
        return LEVELS[self.level]

    @property
    def federation(self) -> bool:
        """Whether 妇联 wording (妇女儿童合法权益, 巾帼力量, 上级妇联) fits this body."""
        return self.body == "妇联"

    @property
    def superior(self) -> str:
        """Who guides a federation from above: 全国妇联 for a province, 上级妇联 otherwise."""
        if not self.federation:
            return "上级主管部门"
        return "全国妇联" if self.words.tier == PROVINCE else "上级妇联"

    def summary(self) -> str:
        """One line for staff to check before drafting."""
        kind = "妇联" if self.federation else f"政府部门（{self.body}）"
        return (f"单位：{self.name} · 级别：{self.level} · 性质：{kind} · 自称：{self.self_name} · "
                f"主送：{self.addressee} · 法治表述：{self.words.rule_of_law} · 负责人：{self.leader_title}")


def split_name(name: str) -> tuple[str, str, str]:
    """(region, level, body) of a full name; level '' when no place suffix is found."""
    name = re.sub(r"\s+", "", name)
    m = FEDERATION.search(name)
    if m:
        region, body = name[:m.start()], "妇联"
    else:
        region, body = _split_department(name)
    return region, level_of(region), body


def _split_department(name: str) -> tuple[str, str]:
    for stem in DEPARTMENT_STEMS:
        m = re.search(rf"{stem}[\u4e00-\u9fff]{{0,4}}?(局|厅|委员会|委|办公室|办|院|中心)$", name)
        if m and m.start() > 0:
            return name[:m.start()], name[m.start():]
    m = DEPARTMENT_SUFFIX.search(name)
    if not m:
        return name, "妇联"  # neither a federation nor a department: treated as a federation, asked
    for suffix, _ in UNIT_SUFFIXES:  # the last place suffix before the department's own name
        at = name.rfind(suffix, 0, m.start())
        if at > 0 and m.start() - (at + len(suffix)) >= 2:
            return name[:at + len(suffix)], name[at + len(suffix):]
    return "", name


@lru_cache(maxsize=256)  # every template filled asks for it; the answer depends on these strings only
def profile_for(name: str, level: str = "", body: str = "", self_name: str = "", addressee: str = "",
                leader_title: str = "") -> OrgProfile:
    """The profile of an organisation by its full name; any field the user gave wins."""
    _, found_level, found_body = split_name(name)
    notices = []
    placed = bool(found_level or level)
    if level and level not in LEVELS:
        raise ValueError(f"级别“{level}”无法识别：请填写 {'、'.join(LEVELS)} 之一。")
    level = level or found_level or DEFAULT_LEVEL
    body = body or found_body
    if not placed:
        notices.append(f"无法从“{name}”判断行政级别：按县级单位的写法起草（县委、县政府；全面依法治县），"
                       "请核对主送机关、自称和负责人职务，或填写“级别”。")
    if body != "妇联":
        notices.append(f"“{name}”不是妇联：按政府部门的写法起草，不使用妇联特有的表述；"
                       "范例库中是妇联的报告，只借鉴结构。")
    words = LEVELS[level]
    federation = body == "妇联"
    default_self = words.self_prefix + (body if not federation else "妇联")
    if not federation:
        default_self = words.self_prefix + re.sub(rf"^.*?(?={'|'.join(DEPARTMENT_STEMS)})", "", body)
    group = "党组书记、" if words.party_group else ""
    default_leader = f"{group}主席" if federation else f"{group}{_leader(body)}"
    return OrgProfile(
        name=name, level=level, body=body, self_name=self_name.strip() or default_self,
        addressee=_colon(addressee.strip() or _default_addressee(words)),
        leader_title=leader_title.strip() or default_leader, placed=placed, notices=tuple(notices))


def _leader(body: str) -> str:
    m = DEPARTMENT_SUFFIX.search(body)
    return LEADERS[m.group(1)] if m else "主要负责人"


def _default_addressee(words: Level) -> str:
    return words.addressee or words.party_gov


def _colon(text: str) -> str:
    return text if text.endswith(("：", ":")) else text + "："
