"""Punctuation of official prose: full width in Chinese text, half width only inside figures.

A paste from a web page or a converter carries half-width marks ("开办新媒体培训班,发动…",
"村(社区)") and the corner quotes a Hong Kong or Taiwan source uses (「」). A report writes
，；：（）？！ and “”; only a figure keeps its own marks (1,200 人, 10:30, 5.79 万人). The fact reader
makes a pasted fact so (`full_width`), and the form check names what a draft still holds
(`half_width_marks`).
"""

from __future__ import annotations

import re

WEB_ADDRESS = re.compile(r"(?:https?|ftp)://\S+|www\.[A-Za-z0-9.-]+\S*", re.IGNORECASE)
"""An address keeps its own marks (?, :, /)."""

MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
"""Half-width mark → the full-width one official prose writes."""
CORNERS = {"「": "“", "」": "”", "『": "‘", "』": "’"}
"""The corner quotes of a traditional-script source → the quotes of simplified prose."""
BETWEEN_DIGITS = ",:"
"""Marks that stay half width between two digits: 1,200 and 10:30 are figures."""
HALF_WIDTH = re.compile(r"(?<![0-9])[,:]|[,:](?![0-9])|[;?!()]|[「」『』]|\"")
"""What the form check reports: a half-width mark outside a figure, a corner quote, a straight quote."""
STRAY_SPACE = re.compile(r"[ \t\u3000]+(?=[，。；：、！？“（）”])|(?<=[，。；：、！？“（）”])[ \t\u3000]+"
                         r"|(?<=\d)[ \t\u3000]+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=\d)")
"""A space a converter left beside a mark or between a number and its word (构建 “一把手”, 4 月 3 日,
2023 年度); a space between two words inside a slogan (“强党性修养 树清廉家风”) is the slogan's own."""
DATE_RANGE = re.compile(r"(?<=[\d年月日])-(?=\d{1,4}(?:年|月|日|号))|(?<=[年月日号])-(?=\d)")
"""A half-width hyphen between the ends of a span of time (5月15日-5月28日, 1-11月, 2021-2025年):
official prose joins them with the 一字线 — (GB/T 15834-2011, 4.13.3); a telephone number or a
code (0851-1234567, COVID-19) keeps its hyphen."""
RANGE_DASH = "—"
FULL_STOP = re.compile(r"(?<=[\u4e00-\u9fff）”])\.(?=[\u4e00-\u9fff“（]|\s*$)")
"""A half-width full stop between Chinese words (…活动.下一步): a sentence end, not a decimal point."""


def full_width(text: str) -> str:
    """The text with official punctuation outside figures and web addresses: half-width marks made
    full width, 「」 made “”, straight double quotes made “ and ” in turn, no stray space beside a mark."""
    parts, cursor = [], 0
    for m in WEB_ADDRESS.finditer(text):
        parts.append(_marks(text[cursor:m.start()]))
        parts.append(m.group(0))
        cursor = m.end()
    parts.append(_marks(text[cursor:]))
    return STRAY_SPACE.sub("", _quotes("".join(parts)))


def _marks(text: str) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch in MARKS and not (ch in BETWEEN_DIGITS and _digit_at(text, i - 1) and _digit_at(text, i + 1)):
            ch = MARKS[ch]
        out.append(CORNERS.get(ch, ch))
    return DATE_RANGE.sub(RANGE_DASH, FULL_STOP.sub("。", "".join(out)))


def _digit_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isdigit()


def _quotes(text: str) -> str:
    """Straight double quotes in pairs become “…”; an odd one out is left for the user to see."""
    if text.count('"') % 2:
        return text
    out, opening = [], True
    for ch in text:
        if ch == '"':
            ch, opening = ("“" if opening else "”"), not opening
        out.append(ch)
    return "".join(out)


def half_width_marks(text: str) -> list[str]:
    """The half-width marks and corner quotes a text holds outside figures and web addresses, once each."""
    bare = WEB_ADDRESS.sub("", text)
    return list(dict.fromkeys(m.group(0) for m in HALF_WIDTH.finditer(bare))) + (
        ["."] if FULL_STOP.search(bare) else []) + (["-"] if DATE_RANGE.search(bare) else [])
