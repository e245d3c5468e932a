"""Model text to section text, deterministically: no chat preface or closing chatter, no Markdown,
no heading line of its own, one paragraph a line, official punctuation outside figures.

What this cannot safely remove (prompt lines copied into the text, a fact list echoed back) is
left for drafting.review.hygiene to find and for the repair round to fix.
"""

from __future__ import annotations

import re

from drafting.review.hygiene import ADDRESSING
from lexicon.figures import UNIT_RE
from lexicon.numbering import ANY_HEADING, TOP
from lexicon.plain import strip_hidden
from lexicon.punctuation import full_width

# 好的，以下是“…”的正文： / 以下是…： / 当然，这是…： / 根据您提供的事实，…如下：
CHAT_CUE = r"以下|如下|下面|为您|给您|帮您|您|正文|这是|这一部分|本部分|修改后|改写后|草稿"
PREFACE = re.compile(
    rf"^(?:(?:好的|没问题|明白了?|收到)[，,。！!\s]*)+(?:[^。！？\n]*?(?:{CHAT_CUE})[^。！？\n]*?[：:。！!]\s*)?"
    rf"|^当然[，,！!]\s*[^。！？\n]*?(?:{CHAT_CUE})[^。！？\n]*?[：:。！!]\s*"
    r"|^(?:以下|下面)(?:是|为)[^。！？\n]{0,60}?[：:]\s*"
    r"|^(?:根据|按照|依据)您[^。！？\n]{0,60}?[：:]\s*"
)
# 希望对您有帮助 / 如需调整请告诉我 / 以上是本部分正文
CHATTER = re.compile(rf"{ADDRESSING}|^以上(?:是|为|就是)[^。！？\n]{{0,20}}(?:正文|内容|草稿|初稿)")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
MD_BULLET = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,2}[.)]\s+)")
MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*```")
# **bold** and __bold__, but not a masked value such as **场次 (a figure the user left blank)
MD_EMPHASIS = re.compile(rf"\*\*(?!{UNIT_RE})([^*\n]+?)\*\*|__([^_\n]+?)__|`")
HEADING_PUNCT = "。：:；; 　"


def visible(text: str) -> tuple[str, bool]:
    """The answer without control characters (ESC, BEL), bidirectional overrides, zero-width
    characters and emoji, as facts are cleaned; and whether there were any."""
    clean = strip_hidden(text)
    return clean, clean != text


def tidy(text: str, heading: str = "") -> str:
    """The section's text as delivered: chat and Markdown removed, the heading not repeated."""
    lines = [full_width(_unmark(line)) for line in text.replace("\r", "").split("\n")]  # ，；：（） not , ; : ( )
    lines = [line for line in lines if line]
    if lines:
        lines[0] = PREFACE.sub("", lines[0]).strip()
    while lines and (not lines[0] or _is_heading_line(lines[0], heading)):
        lines.pop(0)
    while lines and _strip_chatter(lines[-1]) != lines[-1]:
        last = _strip_chatter(lines.pop())
        if last:
            lines.append(last)
            break
    return "\n".join(lines)


def _unmark(line: str) -> str:
    """One line without Markdown: heading hashes, bullets, emphasis, rules and fences."""
    if MD_RULE.match(line):
        return ""
    line = MD_HEADING.sub("", line)
    bullet = MD_BULLET.match(line)
    line = MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or "", line[bullet.end() if bullet else 0:]).strip()
    if bullet and line and line[-1] not in "。；！？：":
        line += "。"  # a list item becomes a paragraph of its own
    if line.startswith(">"):
        line = line.lstrip("> ").strip()
    return line


def _bare(heading: str) -> str:
    """A heading without its number and end punctuation, for comparison."""
    return ANY_HEADING.sub("", heading.strip()).strip(HEADING_PUNCT)


def _is_heading_line(line: str, heading: str) -> bool:
    """The section's own heading repeated (with or without 一、), or any short 一、 line at the top."""
    if heading and _bare(line) == _bare(heading):
        return True
    return bool(TOP.match(line)) and len(line) < 40 and not re.search(r"[。；]", line.rstrip("。"))


def _strip_chatter(line: str) -> str:
    """The line without closing chatter sentences at its end (an all-chatter line becomes '')."""
    parts = [p for p in re.split(r"(?<=[。！？!?])", line) if p.strip()]
    while parts and CHATTER.search(parts[-1]):
        parts.pop()
    return "".join(parts).strip()
