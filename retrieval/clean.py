"""Turn raw report text into clean paragraphs, one per line, without ever changing a figure.

Handles what real files carry: web navigation and footers, hard line breaks from PDF
extraction, stray spaces around digits, Markdown markers, mixed full- and half-width forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lexicon.figures import extract_figures
from lexicon.numbering import ANY_HEADING, NUMERALS
from lexicon.plain import plain_text

CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—·「」『』"
TERMINAL = "。！？；：…"
HEADING_START = ANY_HEADING
TITLE_WORDS = re.compile(r"(报告|总结|谋划|计划|要点|情况|打算|通知)$")
WEB_LINE = re.compile(
    r"(无障碍|长者模式|登录|个人中心|首页|政府信息公开|网上办事|互动交流|发表日期|发布日期|发布时间|"
    r"^来源[:：]|^作者[:：]|附件下载|扫一扫|打印本页|关闭窗口|友情链接|新媒体|智能机器人|分享到|"
    r"浏览次数|责任编辑|字号|【大】|^当前位置|网站地图|版权所有|ICP备|网站标识码|^(上|下)一篇)"
)
CLOSING_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|^(\d{4})(\d{2})(\d{2})日$")


@dataclass(frozen=True)
class Paragraph:
    """One cleaned paragraph; md_heading when a converter had marked the line as a heading."""

    text: str
    md_heading: bool = False


def fold_width(text: str) -> str:
    """Full-width digits and Latin letters to half-width; Chinese punctuation stays as it is."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            out.append(chr(code - 0xFEE0))
        elif ch in "\u3000\u00a0\u2002\u2003\u2009":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


_SPACE_NEAR_CJK = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}])[ \t]+|[ \t]+(?=[{CJK}{CJK_PUNCT}])")
_PUNCT_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def tidy_line(line: str) -> tuple[str, bool]:
    """Strip Markdown markers and stray spaces; say whether the line was a Markdown heading."""
    line = fold_width(line).strip()
    md_heading = False
    if re.match(r"^#{1,6}\s*", line):
        line, md_heading = re.sub(r"^#{1,6}\s*", "", line), True
    bold = re.fullmatch(r"\*\*(.+?)\*\*[：:]?", line)
    if bold:
        line, md_heading = bold.group(1), True
    line = line.replace("**", "").replace("__", "")
    line = re.sub(r"^>\s*", "", line)
    line = _SPACE_NEAR_CJK.sub("", line).strip()
    # Half-width punctuation between Chinese text becomes full-width; never between digits (1,500).
    line = re.sub(rf"(?<=[{CJK}”）》])([,;:?!])|([,;:?!])(?=[{CJK}“（《])",
                  lambda m: _PUNCT_MAP[m.group(1) or m.group(2)], line)
    line = re.sub(rf"\(([{NUMERALS}]+|\d{{1,2}})\)", r"（\1）", line)
    line = re.sub(rf"\((?=[{CJK}])([^()]*)\)", r"（\1）", line)
    return line, md_heading


def web_line(line: str) -> bool:
    """Navigation and footer lines of a web page: short, and matching a known phrase."""
    return len(line) <= 40 and "。" not in line and bool(WEB_LINE.search(line))


def _standalone(line: str) -> bool:
    """A line that ends a paragraph even without final punctuation: headings, titles, short lines."""
    if re.search(r"(妇女联合会|妇联)$|〔\d{4}〕|签发人", line):
        return True
    if HEADING_START.match(line) and "。" not in line and len(line) <= 60:
        return True
    if len(line) < 16:
        return True
    return bool(TITLE_WORDS.search(line)) and "，" not in line


def clean_text(raw: str, whole_report: bool = True) -> list[Paragraph]:
    """Raw text of a report → its paragraphs: made plain (lexicon.plain: hidden characters, script),
    web furniture removed, broken lines joined. `whole_report=False` for a piece of text that is not
    a whole report (one news item): nothing before a title or after a closing date is dropped."""
    raw, _ = plain_text(raw)  # a no-op on text already plain; every caller's text is made so
    lines = [tidy_line(line) for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [(text, md) for text, md in lines if text and not web_line(text)]
    if whole_report:
        lines = _drop_web_furniture(lines)
    paragraphs: list[Paragraph] = []
    for text, md in lines:
        prev = paragraphs[-1] if paragraphs else None
        # A line never starts with a comma, and a figure is never split between lines.
        continues = prev is not None and not md and not prev.md_heading and (
            text[0] in "，。；、）》”：！？" or _splits_figure(prev.text, text))
        joinable = continues or (
            prev is not None
            and not prev.md_heading
            and not md
            and prev.text[-1] not in TERMINAL
            and not _standalone(prev.text)
            and not HEADING_START.match(text)
            and not CLOSING_DATE.match(text)
        )
        if joinable:
            paragraphs[-1] = Paragraph(prev.text + text, False)
        else:
            paragraphs.append(Paragraph(text, md))
    return paragraphs


def _splits_figure(before: str, after: str) -> bool:
    """Whether the line break falls inside a figure (8万余 | 册, 28场 | 次)."""
    head, tail = before[-12:], after[:12]
    apart = [f.key for f in extract_figures(head)] + [f.key for f in extract_figures(tail)]
    return [f.key for f in extract_figures(head + tail)] != apart


def _drop_web_furniture(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Before the title keep only the 版头 and organisation; after the 落款 date keep only the 版记."""
    start = next((i for i, (t, _) in enumerate(lines) if TITLE_WORDS.search(t) and len(t) <= 80
                  and "。" not in t), 0)
    head = [(t, m) for t, m in lines[:start] if re.search(r"妇女联合会|妇联|〔\d{4}〕|签发人", t)]
    body = lines[start:]
    end = len(body)
    for i, (text, _) in enumerate(body):
        if CLOSING_DATE.match(text) and len(text) <= 20:
            end = i + 1
    tail = [(t, m) for t, m in body[end:] if re.match(r"^(抄送|印发|主送|附件)|印$|印发$", t)]
    return head + body[:end] + tail
