"""Script: official documents on the mainland are written in simplified characters.

Traditional characters (a paste from a Hong Kong or Taiwan source, an old file) are converted with
OpenCC's maintained t2s dictionaries; pinyin notes in brackets ("妇联（fù lián）") are removed.
Digits are never touched, so figures keep their value: 8萬餘冊 becomes 8万余册.
"""

from __future__ import annotations

import re
from functools import lru_cache

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_NOTE = re.compile(
    rf"(?<=[\u4e00-\u9fff])\s*[（(]\s*(?=[a-zü{TONE_VOWELS}\s'1-5]*[{TONE_VOWELS}1-5])"
    rf"[a-zü{TONE_VOWELS}]+[1-5]?(?:[\s'][a-zü{TONE_VOWELS}]+[1-5]?)*\s*[）)]")
"""(lián) or （fù lián）or (lian2) right after a Chinese character: a reading aid, not text."""


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """The text in simplified characters (unchanged when it already is)."""
    return _converter().convert(text) if text else text


def traditional_chars(text: str) -> list[str]:
    """The characters of `text` that simplified writing would write otherwise (in order, once)."""
    converted = to_simplified(text)
    if converted == text or len(converted) != len(text):
        return [] if converted == text else ["（繁体字）"]
    return list(dict.fromkeys(a for a, b in zip(text, converted, strict=True) if a != b))


def strip_pinyin(text: str) -> str:
    return PINYIN_NOTE.sub("", text)


def pinyin_notes(text: str) -> list[str]:
    return [m.group(0).strip() for m in PINYIN_NOTE.finditer(text)]


def normalise_script(text: str) -> tuple[str, list[str]]:
    """Simplified characters, pinyin notes removed; and what was changed, for a notice."""
    notes = []
    traditional = traditional_chars(text)
    if traditional:
        shown = "".join(traditional[:12]) + ("…" if len(traditional) > 12 else "")
        notes.append(f"已将繁体字转换为简体字（{shown}）")
        text = to_simplified(text)
    pinyin = pinyin_notes(text)
    if pinyin:
        notes.append("已去掉拼音注音（" + "、".join(pinyin[:5]) + "）")
        text = strip_pinyin(text)
    return text, notes
