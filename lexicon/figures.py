"""Find the figures in a text: numbers with their unit and qualifier, and nothing that is an identifier.

A figure is what docs/DOMAIN.md calls one: "16 次", "8万余册", "超10万人次", "近200名", "100%",
"19.06 万元", "两个". Hotlines (12338), dates (11·25, 3·8), years, 文号 (〔2021〕4 号),
ordinals (第三次), congress names (十九届, 二十大) and set phrases (两个确立) are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbering import chinese_number


@dataclass(frozen=True)
class Figure:
    """A quantity a reader may check, exactly as written."""

    text: str
    """The figure as it stands in the fact, e.g. "8万余册"."""
    value: float
    """Its number with the multiplier applied: 80000.0."""
    unit: str
    """Measure word or unit: 册, 人次, 元, %."""
    qualifier: str = ""
    """余/多/超/逾/近/约/左右/以上/累计/共计, several joined by '+', '' when none."""

    @property
    def key(self) -> str:
        """The canonical form two figures must share to be the same figure (width and spaces folded)."""
        return canonical(self.text)


def canonical(text: str) -> str:
    """Fold full-width digits/letters and drop spaces: '１６ 次' and '16次' are the same figure."""
    folded = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c in "．％" else c for c in text)
    return re.sub(r"\s+", "", folded)

# Longest first, so that 人次 wins over 人 and 万元 over 元.
UNITS = sorted(
    """人次 场次 户次 件次 期次 家次 批次 车次 班次 课时 学时 小时 个月 百分点 个百分点 平方米 公里 万元 亿元
    元 次 场 名 人 件 起 份 册 本 张 个 户 条 篇 期 家 所 支 项 批 天 周 位 间 座 处 套 组 部 种
    类 节 堂 轮 例 宗 封 幅 台 辆 吨 亩 米 万 亿 % ％ ‰ 倍 场所 家庭 村 社区 乡镇 单 首 集 幅 届次 块 块次 副 盒
    """.split(),
    key=len,
    reverse=True,
)
UNITS = [u for u in UNITS if u not in ("万", "亿")]
UNIT_RE = "|".join(re.escape(u) for u in UNITS)
PREFIXES = "累计|共计|超过|超|逾|近|约"
SUFFIX_INNER = "余|多"
SUFFIX_OUTER = "以上|左右|余"

ARABIC = re.compile(
    rf"(?<![0-9０-９.．·•・\-－—~～〜/〔\[第A-Za-z])(?<![0-9],)"
    rf"(?:(?P<pre>{PREFIXES})\s*)?"
    r"(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?)"
    r"(?P<mult>\s*[万亿千])?"
    rf"(?P<inner>\s*(?:{SUFFIX_INNER}))?"
    rf"\s*(?P<unit>{UNIT_RE})"
    rf"(?P<outer>{SUFFIX_OUTER})?"
    r"(?![0-9０-９])"
)

CN_MEASURE = "场次|人次|户次|件次|家次|个月|个|次|场|名|项|批|家|户|所|条|篇|期|位|件|起|支|天|轮"
"""Longest first: 十五场次 is one figure, never 十五场 followed by 次."""
# Set phrases of political wording are not quantities: 两个确立, 四个意识, 三个务必 …
CN_SET_PHRASE = ("确立|维护|意识|自信|务必|全面|代表|坚持|必须|一以贯之|结合|统筹|纳入|服务|聚焦|到位|优先|覆盖"
                 "|落实|之家")
CHINESE = re.compile(
    rf"(?<![第一二两三四五六七八九十百千万零〇几每])"
    rf"(?:(?P<pre>{PREFIXES}))?"
    r"(?P<num>[二两三四五六七八九十][一二两三四五六七八九十百千万零〇]*)"
    rf"(?P<inner>余|多)?"
    rf"(?P<unit>{CN_MEASURE})"
    rf"(?!{CN_SET_PHRASE})"
)

MASK_RE = re.compile(r"[*＊]+|(?<![A-Za-z])(?:XX|xx|ＸＸ|××)(?![A-Za-z])|某某|[○〇]{2,}|某(?=[省市州县区旗镇乡村妇])")
"""What a writer leaves for later: 8*场, XX件, ××镇, 某某单位, ○○村."""


def _to_float(num: str) -> float:
    folded = num.replace(",", "").translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    return float(folded)


def _qualifier(*parts: str | None) -> str:
    return "+".join(p.strip() for p in parts if p and p.strip())


QUOTED = re.compile(r"“[^“”\n]{1,30}”|《[^《》\n]{1,60}》|「[^「」\n]{1,30}」")
"""A quoted name or a title: a count inside it names, it does not count (“八个一”创建活动, “三个年”活动)."""


def extract_figures(text: str) -> list[Figure]:
    """Every figure in the text, in order of appearance; none inside a quoted name or a title."""
    found: list[tuple[int, Figure]] = []
    taken: list[tuple[int, int]] = [m.span() for m in QUOTED.finditer(text)]
    for m in ARABIC.finditer(text):
        if _is_identifier(text, m) or any(a <= m.start() < b for a, b in taken):
            continue
        mult = {"万": 1e4, "亿": 1e8, "千": 1e3}.get((m.group("mult") or "").strip(), 1)
        unit = m.group("unit").replace("％", "%")
        if unit in ("万元", "亿元"):
            mult, unit = mult * (1e4 if unit == "万元" else 1e8), "元"
        fig = Figure(text=m.group(0).strip(), value=_to_float(m.group("num")) * mult, unit=unit,
                     qualifier=_qualifier(m.group("pre"), m.group("inner"), m.group("outer")))
        found.append((m.start(), fig))
        taken.append(m.span())
    for m in CHINESE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        fig = Figure(text=m.group(0), value=float(chinese_number(m.group("num"))),
                     unit=m.group("unit"), qualifier=_qualifier(m.group("pre"), m.group("inner")))
        found.append((m.start(), fig))
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]


def _is_identifier(text: str, m: re.Match) -> bool:
    """Dates like 3·8 or 11·25 are not figures. (Hotlines such as 12338 never carry a unit, so
    the unit requirement already keeps them out.)"""
    after = text[m.end("num"):m.end("num") + 1]
    return after in "·•・" and after != ""


def figure_spans(text: str) -> list[tuple[int, int, Figure]]:
    """Figures with their character spans, for placing markers right after each one."""
    spans: list[tuple[int, int, Figure]] = []
    cursor = 0
    for fig in extract_figures(text):
        start = text.find(fig.text, cursor)
        if start < 0:
            continue
        spans.append((start, start + len(fig.text), fig))
        cursor = start + len(fig.text)
    return spans


LONE_X = re.compile(r"(?<![A-Za-z0-9XＸ×+＋])[XＸ×](?![A-Za-z0-9XＸ×]|光|射线)"
                    r"(?:(?=[\u4e00-\u9fff“])|(?<=[\u4e00-\u9fff”].))")
"""One X standing for a name, a year or a number beside Chinese words (妇联主席X获评, X年, X个单位荣获X市…):
an anonymised or unfinished text; X光, 5G+X or COVID-19 are not."""


def masked_values(text: str) -> list[str]:
    """Placeholders a user forgot to fill in: *, ＊, XX, ××, 某某, ○○, and a lone X beside Chinese words."""
    found = [(m.start(), m.group(0)) for m in MASK_RE.finditer(text)]
    found += [(m.start(), m.group(0)) for m in LONE_X.finditer(text)]
    return [value for _, value in sorted(found)]
