"""Administrative levels: the one table of 省 … 街道, the place-name suffixes that mean each, and
the words a report of that level uses around its facts (self-name, addressee, 依法治X).

The importer reads a report's level from its organisation's name with it, the organisation profile
fixes the wording of a draft with it, and the checks and the sentence borrower know another
level's self-name by it; every pattern about levels below is built from LEVELS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pattern import either

PROVINCE, PREFECTURE, COUNTY, TOWNSHIP = "province", "prefecture", "county", "township"
"""The four tiers: 省级, 地级, 县级, 乡级."""


@dataclass(frozen=True)
class Level:
    """The words one administrative level uses."""

    key: str
    party: str
    """Who leads: 县委 / 镇党委 / 街道党工委."""
    government: str
    party_gov: str
    """The pair as a report names it: 县委、县政府 / 镇党委、政府 / 街道党工委、办事处."""
    rule_of_law: str
    """全面依法治县 — or 法治建设 where no 依法治X is used."""
    area: str
    """全县 / 全镇: the whole territory."""
    self_prefix: str
    """What the self-name starts with: 县 (县妇联) / 自治区 (自治区妇联) / 街道 (街道妇联)."""
    tier: str
    suffixes: tuple[str, ...]
    """How a place name of this level ends: 县, 自治县."""
    party_group: bool = True
    """Whether its bodies have a 党组 (town and street federations do not)."""
    addressee: str = ""
    """主送 when it is not party_gov: 镇党委、镇政府 where the text says 镇党委、政府."""
    rural: bool = False
    """Whether its reports speak of 偏远地区 (a county, banner, town or township)."""
    secretary: str = ""
    """The party secretary as its government's report names him: 县委书记 / 党委书记 / 党工委书记."""
    head: str = ""
    """The head of its government: 县长 / 镇长 / 办事处主任."""
    above: str = ""
    """The level it usually lies in when its name does not say: a 镇 in a 县, a 街道 in a 区."""
    congress: bool = True
    """Whether it has a 人大常委会 its government reports to (a 盟, 地区 or 乡镇 has none)."""


LEVELS = {level.key: level for level in (
    Level("省", "省委", "省政府", "省委、省政府", "全面依法治省", "全省", "省", PROVINCE, ("省", "特别行政区"),
          secretary="省委书记", head="省长"),
    Level("自治区", "自治区党委", "自治区人民政府", "自治区党委、政府", "全面依法治区", "全区", "自治区",
          PROVINCE, ("自治区",), secretary="自治区党委书记", head="自治区主席"),
    Level("市", "市委", "市政府", "市委、市政府", "全面依法治市", "全市", "市", PREFECTURE, ("市",),
          secretary="市委书记", head="市长", above="省"),
    Level("州", "州委", "州政府", "州委、州政府", "全面依法治州", "全州", "州", PREFECTURE, ("州", "自治州"),
          secretary="州委书记", head="州长", above="省"),
    Level("盟", "盟委", "行政公署", "盟委、行政公署", "全面依法治盟", "全盟", "盟", PREFECTURE, ("盟",),
          secretary="盟委书记", head="盟长", above="自治区", congress=False),
    Level("地区", "地委", "行署", "地委、行署", "法治建设", "全地区", "地区", PREFECTURE, ("地区",),
          secretary="地委书记", head="专员", above="省", congress=False),
    Level("县", "县委", "县政府", "县委、县政府", "全面依法治县", "全县", "县", COUNTY, ("县", "自治县"),
          rural=True, secretary="县委书记", head="县长", above="市"),
    Level("区", "区委", "区政府", "区委、区政府", "全面依法治区", "全区", "区", COUNTY, ("区",),
          secretary="区委书记", head="区长", above="市"),
    Level("旗", "旗委", "旗政府", "旗委、旗政府", "全面依法治旗", "全旗", "旗", COUNTY, ("旗", "自治旗"),
          rural=True, secretary="旗委书记", head="旗长", above="市"),
    Level("镇", "镇党委", "镇政府", "镇党委、政府", "法治建设", "全镇", "镇", TOWNSHIP, ("镇",),
          party_group=False, addressee="镇党委、镇政府", rural=True, secretary="党委书记", head="镇长",
          above="县", congress=False),
    Level("乡", "乡党委", "乡政府", "乡党委、政府", "法治建设", "全乡", "乡", TOWNSHIP, ("乡",),
          party_group=False, addressee="乡党委、乡政府", rural=True, secretary="党委书记", head="乡长",
          above="县", congress=False),
    Level("街道", "街道党工委", "办事处", "街道党工委、办事处", "法治建设", "辖区", "街道", TOWNSHIP,
          ("街道", "街道办事处"), party_group=False, secretary="党工委书记", head="办事处主任", above="区",
          congress=False),
)}
CENTRE = ("党中央", "国务院")
"""Who a province answers to: the party centre and the State Council."""
DEFAULT_LEVEL = "县"
"""The wording used when a name gives no level (the user is asked)."""

UNIT_SUFFIXES = sorted(((suffix, level.key) for level in LEVELS.values() for suffix in level.suffixes),
                       key=lambda pair: len(pair[0]), reverse=True)
"""(suffix, level) longest first: 自治州 is read before 州, 地区 before 区."""
BELOW_PROVINCE = [level for level in LEVELS.values() if level.tier != PROVINCE]
"""The levels whose federations are peers of one another (a 省妇联 in a text is a superior)."""

ANY_UNIT = either(suffix for suffix, _ in UNIT_SUFFIXES)
"""Any place-name suffix: 特别行政区|自治区|…|乡."""
SELF_PREFIX = either(level.self_prefix for level in LEVELS.values())
"""What a self-name starts with at any level: 县 (县妇联), 自治区, 街道."""
PEER_PREFIX = either(level.self_prefix for level in BELOW_PROVINCE)
"""The same below the province: what an example report calls itself (县妇联, not 省妇联)."""
PLACE_ENDINGS = "".join(level.key for level in BELOW_PROVINCE if len(level.key) == 1)
"""The one-character suffixes a word naming a place below the province ends in: 市州盟县区旗镇乡."""
RULE_OF_LAW_PLACES = "".join(dict.fromkeys(level.rule_of_law.removeprefix("全面依法治")
                                           for level in LEVELS.values()
                                           if level.rule_of_law.startswith("全面依法治")))
"""The X of 依法治X: 省区市州盟县旗."""
PLACE_WORD = re.compile(f"^(.{{2,6}}?)[{PLACE_ENDINGS}]$")
NOT_PLACES = {"治区", "治县", "治市", "各乡镇", "驻市", "全市", "全县", "全区", "城区", "社区", "辖区", "本市"}
"""Words that end like a place and name none: pieces of 自治区, the whole of one's own area."""
PEER_PARTY = either(level.party for level in BELOW_PROVINCE if level.party == level.key + "委")
"""The party committee of a peer written 县委, 市委, 旗委 (a 镇党委 is not shortened so)."""


def level_of(place: str) -> str:
    """The level a place name ends in: 中卫市沙坡头区 → 区, 古县 → 县, 县 → 县; '' when none."""
    for suffix, key in UNIT_SUFFIXES:
        if place.endswith(suffix) and (len(place) > len(suffix) or place == key):
            return key
    return ""


def place_stem(word: str) -> str:
    """潼南区 → 潼南, 石塘镇 → 石塘: the name in a word that ends like a place below the province;
    '' for any other word (全县, 社区, 偏远地区)."""
    m = PLACE_WORD.match(word)
    if not m or word in NOT_PLACES or word.endswith("地区"):
        return ""
    return m.group(1)


def parent_level(region: str) -> str:
    """The level of the place a region's own place lies in, as far as its name says: 天津市静海区 → 市,
    长沙市天心区坡子街街道 → 区, 五河县头铺镇 → 县; '' when the name names no place above its own
    (南昌县, 北城街街道)."""
    own = unit_suffix(region)
    ends = range(len(region) - len(own) - 1, 1, -1)  # the own place keeps at least one character of its name
    return next((level for level in (level_of(region[:end]) for end in ends) if level), "")


def unit_suffix(place: str) -> str:
    """The suffix a place name ends in: 宣汉县 → 县, 凉山彝族自治州 → 自治州; '' when none."""
    return next((suffix for suffix, _ in UNIT_SUFFIXES if place.endswith(suffix)), "")
