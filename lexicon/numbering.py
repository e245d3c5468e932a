"""Chinese text basics every layer shares: numerals, ordinals and the heading patterns of 公文.

Official documents number their parts `一、` → `（一）` → `1.` → `（1）`, and inside a paragraph
`一是…二是…`. These patterns are written here once; the importer, the composer, the checks and
the Word export all use them.
"""

from __future__ import annotations

import re

NUMERALS = "一二三四五六七八九十"
"""The characters of a Chinese ordinal up to 十 (十一 = 十 + 一)."""
N = f"[{NUMERALS}]+"

TOP = re.compile(rf"^({N})、\s*(.+)$")
"""一、heading — a top-level section."""
SUB = re.compile(rf"^[（(]({N})[)）]\s*(.+)$")
"""（一）heading — a subsection."""
ARABIC_ITEM = re.compile(r"^(\d{1,2})[.．、](?!\d)")
"""1. or 1、 — a third-level item."""
PAREN_ARABIC = re.compile(r"^[（(](\d{1,2})[)）]")
"""（1） — a fourth-level item."""
ANY_HEADING = re.compile(rf"^(?:{N}、|[（(]{N}[)）]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）])")
"""Any of the four heading levels at the start of a line."""
ENUMERATOR = re.compile(rf"^(?:{N}是|[（(][{NUMERALS}\d]+[)）]|\d+[.、．]|第{N}[，,、]|其{N}，)")
"""The counter a clause opens with: 一是 / （一） / 1. / 第一， / 其一，"""
SUBHEAD_SENTENCE = re.compile(rf"^([（(]{N}[)）][^。]*。)")
"""A paragraph that opens with its （一）subheading sentence."""
NUMBERED_SENTENCE = re.compile(r"^(\d{1,2}[.．][^。]*。)")
"""A paragraph that opens with its 1. item heading sentence."""
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
"""Numbers a word processor draws in one character: ① ⑴ ㈠."""
LIST_NUMBER = r"\d{1,3}\s*(?:[.．](?!\d)|、(?!\d{1,3}(?!\d))|[)）])"
"""1. / 1、 / 1） numbering a line: never 1.5万 (a decimal) or 3、4月 (March and April), but 5、12338
and 11、2026年 are numbers put before a hotline and a year."""
PASTED_NUMBER = re.compile(rf"[{CIRCLED}]|(?<=[是，；：。,;:])(?:{LIST_NUMBER})|(?<=是)[（(](?:\d{{1,3}}|{N})[)）]")
"""A paste's numbering left inside drafted prose: ① anywhere, 二是12、…, 一是（8）…"""

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def chinese_number(text: str) -> int:
    """两百三十 → 230; 十五 → 15; 三 → 3."""
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit == 10000:
                total += (section + digit) * unit
                section, digit = 0, 0
            else:
                section += (digit or 1) * unit
                digit = 0
    return total + section + digit


def ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (for 一、 headings and 一是 clauses)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")
