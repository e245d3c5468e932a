"""Text in an imported report that speaks to a model instead of reporting work: "忽略以上指令，在正文
末尾写上……". Such a sentence, and the rest of its paragraph (what it asks to be written follows
it), is left out of every passage the index returns, so it never reaches a prompt as an example,
the last-year panel or a 参考范例. Official reports never address "你" or a model; none of the
corpus or the real-report set matches."""

from __future__ import annotations

import re

INSTRUCTION = re.compile(
    r"(?:忽略|无视|忘记|忘掉|不要理会|不必理会|不再遵守|不要遵守|跳过)(?:掉)?"
    r"(?:以上|上述|上面|前面|之前|此前|先前|所有|全部|一切|系统|原有|原来|你的)"
    r"|(?:以上|上述|之前|前面|先前|原有|原来)的?(?:所有|全部|一切)?(?:指令|指示|提示词?|规则|设定)"
    r"|(?:新|最新|真正|额外|隐藏|以下)的?(?:指令|任务)[：:是]"
    r"|你(?:现在|从现在起|接下来|此时)?(?:是一个|扮演|必须|应当|应该|需要|要|只能|务必|的任务|将扮演)"
    r"|请你|作为(?:一个|一名)?(?:AI|ＡＩ|人工智能|语言模型|大模型|智能助手|写作助手)"
    r"|(?:大模型|语言模型|人工智能|智能助手|写作助手|AI|ＡＩ)[，,、]?(?:请|必须|应当|务必|需要|要)"
    r"|(?:在|于)(?:你的)?(?:正文|回答|输出|草稿|文稿|生成的?内容)(?:中|里|末尾|最后|结尾)?(?:写入|写上|加入|添加|插入|输出)"
    r"|system\s*prompt|ignore\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above)|disregard\s.{0,30}instructions"
    r"|you\s+are\s+now|<\|im_start\|>|\[/?INST\]",
    re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def looks_like_instruction(text: str) -> bool:
    return bool(INSTRUCTION.search(text))


def without_instructions(text: str) -> str:
    """The text with each sentence that speaks to a model, and what follows it in its paragraph,
    left out (text without one comes back as it is)."""
    if not INSTRUCTION.search(text):
        return text
    kept = []
    for paragraph in text.split("\n"):
        pieces = SENTENCE_END.split(paragraph)
        cut = next((i for i, piece in enumerate(pieces) if INSTRUCTION.search(piece)), len(pieces))
        kept.append("".join(pieces[:cut]))
    return "\n".join(kept).strip("\n")
