"""Hygiene: nothing of the conversation with the model in the report — no prompt line copied into
the text, no chat preface or closing remark, no Markdown marks, HTML or outside web addresses in
official prose (unless the user's facts hold them)."""

from __future__ import annotations

import re

from drafting.domain.guard import ForeignGuard
from drafting.domain.types import Draft, strip_markers
from retrieval.text import sentences

from .base import CheckResult, section_sentences

SCAFFOLD = re.compile(
    r"请写出本部分正文|请输出[^。]{0,10}正文|本部分(?:事实|标题|作用)|同类报告中这一部分的范例|报告其他部分的标题"
    r"|【范例\d*[^】]{0,8}】|范例\d+[：:]|引用(?:开始|结束)|你的原文|现有正文|修改要求[：:]|没有通过核对|只借鉴结构和措辞"
)
FACT_IDS = re.compile(r"(?<![【A-Za-z0-9])[FD]\d{1,3}(?![】0-9])"
                      r"(?:\s*[、，,和及]\s*(?<![【A-Za-z0-9])[FD]\d{1,3}(?![】0-9]))*")
"""F4、F5、F6 or (F3) written as text: a fact id outside its 【】 marker is the prompt showing through."""
ADDRESSING = (r"(?:对|为|帮|给|供)您|您(?:提供|需要|的要求|参考|可以|如需|满意|还需|看看)|告诉我|我可以|我再"
              r"|希望[^。！？\n]{0,8}有所?帮助")
"""The model talking to the user (希望对您有帮助, 如需调整请告诉我); a report to the 县委 never does."""
CHAT = re.compile(rf"^(?:好的|没问题)[，,。！!]|^(?:以下|下面)(?:是|为)[^。]{{0,30}}(?:正文|内容|草稿)|{ADDRESSING}"
                  r"|作为(?:一个)?(?:AI|人工智能|语言模型)")
MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s*|[-*+•]\s+|\d{1,2}\.\s+|>\s*)")
"""At a line's start: # heading, - / * bullet, '1. ' list item (an official 1. heading has no space), > quote."""
MARKDOWN_INLINE = re.compile(r"\*\*[^*]+\*\*|__[^_]+__|`")
HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--|javascript:|\bon[a-z]+\s*=", re.IGNORECASE)
"""A tag (<script>, <img onerror=…>), a comment or a script handler: nothing an official text holds."""
WEB_ADDRESS = re.compile(r"(?:https?|ftp)://[^\s，。；）)]+|www\.[A-Za-z0-9-]+\.[A-Za-z]{2,}", re.IGNORECASE)
"""A link to an outside address: a report names a website only when the user's facts do."""


def hygiene(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("hygiene", "无对话残留", blocks=True)
    given = "\n".join(f.text for f in draft.facts)  # 妇联邀您来学法 is a column's name the user gave
    for section in draft.sections:
        for line in section.text.split("\n"):
            mark = MARKDOWN_LINE.match(line.strip())
            if mark:
                result.add(f"公文正文中有 Markdown 标记“{mark.group(0).strip()}”", section.id, _first_sentence(line),
                           fix="删去")
        for sentence in section_sentences(section):
            for pattern, what in ((SCAFFOLD, "提示词原文"), (FACT_IDS, "裸露的事实编号"), (CHAT, "对话用语"),
                                  (MARKDOWN_INLINE, "Markdown 标记"), (HTML, "HTML 标记"), (WEB_ADDRESS, "网址")):
                m = pattern.search(sentence)
                if m and not _given(sentence, m, given):
                    result.add(f"正文中有{what}“{m.group(0)}”", section.id, sentence, fix="删去")
    return result


def _given(sentence: str, m: re.Match, given: str) -> bool:
    """Whether the match and a few characters around it are the user's own words."""
    plain = strip_markers(sentence)
    at = plain.find(m.group(0))
    return at >= 0 and plain[max(0, at - 3):at + len(m.group(0)) + 3] in given


def _first_sentence(line: str) -> str:
    """The sentence a line-start mark belongs to, as the other checks name sentences."""
    found = sentences(line)
    return found[0] if found else line.strip()
