"""Parse the user's pasted bullets into Facts with their figures, and warn about what looks wrong."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from drafting.errors import InputError
from lexicon.cues import JOINER, ORDERING_LEAD
from lexicon.figures import extract_figures, figure_spans, masked_values
from lexicon.levels import PLACE_ENDINGS
from lexicon.numbering import CIRCLED, LIST_NUMBER, NUMERALS
from lexicon.plain import EMOJI, EMOJI_SEQUENCE, INVISIBLE, plain_text
from lexicon.punctuation import full_width
from lexicon.terms import Term, corrected, misuses
from retrieval.text import words

from .material import Origin
from .terms import term_table
from .types import Fact

MAX_PASTE_CHARS = 100_000
MAX_FACT_CHARS = 2_000
MAX_FACTS = 200
BULLET = re.compile(
    rf"^\s*(?:[-•·●▪◦‣–—]\s*|\*\s+|{LIST_NUMBER}\s*|[（(]\d{{1,3}}[)）]\s*|[{CIRCLED}]\s*"
    rf"|[{NUMERALS}]{{1,3}}、\s*|[（(][{NUMERALS}]{{1,3}}[)）]\s*)"
)
"""The numbering or bullet a pasted line opens with: - • 1. 1、 1） （1） ① 一、 （一）. A year or a
hotline after it is the fact's own (5、12338热线…, 11、2026年计划…); a decimal is not numbering (1.5万)."""
INNER_NUMBER = re.compile(rf"(?<=[。；])\s*(?:{LIST_NUMBER}|[（(]\d{{1,3}}[)）])\s*|[{CIRCLED}]\s*")
"""Numbering inside a pasted line: after a sentence's end (…合力。2、…) or a circled ① anywhere."""
LEAD_WORDS = re.compile(f"^(?:[{NUMERALS}]是|{ORDERING_LEAD}|({JOINER}))[，,、]?")
"""What a pasted fact opens with that belongs to the report it was copied from, not to the fact;
a joiner (group 1: 同时, 其中 …) also says that it continues the fact before it."""


def hidden_warnings(raw: str) -> list[str]:
    """What plain_text removed from `raw` besides the script, as notices for the user."""
    warnings = []
    if EMOJI.search(raw):
        warnings.append("已去掉表情符号：公文中不使用表情符号。")
    if INVISIBLE.search(EMOJI_SEQUENCE.sub("", raw)):
        warnings.append("已去掉不可见的控制字符（文字方向控制符、零宽字符或其他控制字符）："
                        "它们会让显示的文字与实际内容不同，Word 文件也无法保存它们。")
    return warnings


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\r\n\t") or c == "\ufffd")
    return "\x00" in sample or bad > 0.02 * max(len(sample), 1)


def fact_line(line: str) -> tuple[str, str]:
    """A pasted line as its fact reads — cleaned, official punctuation and terms, without its
    numbering and the lead it was copied with — and that lead when it was a joiner (同时, 其中 …)."""
    return _body(corrected(full_width(plain_text(line)[0]), always_wrong()))


def parse_facts(text: str, origins: Mapping[str, Sequence[Origin]] | None = None) -> list[Fact]:
    """One fact per bullet or line, in order, ids F1…Fn. InputError says what to fix. `origins`:
    the sources of lines taken from the year's 工作信息, by their text; a fact whose line reads
    otherwise (the user typed or changed it) has none."""
    if text is None or not text.strip():
        raise InputError("没有可用的事实：请每行粘贴一条本年度的工作事实（可以带 - 或 1. 等序号）。")
    if len(text) > MAX_PASTE_CHARS:
        raise InputError(f"粘贴内容过长（{len(text)} 字，上限 {MAX_PASTE_CHARS} 字）：请只粘贴本年度的要点，每行一条。")
    if _looks_binary(text):
        raise InputError("内容不是文字（像是二进制文件）：请粘贴文字或选择 .txt 文件。")
    items: list[tuple[str, str, str]] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        plain = plain_text(line)[0]
        # official punctuation outside figures, 「」 → “”, and no wrong form of an official term
        body, joiner = _body(corrected(full_width(plain), always_wrong()))
        if body and re.search(r"[\u4e00-\u9fffA-Za-z0-9]", body):
            pasted = _body(plain)[0]
            items.append((body, joiner, pasted if pasted != body else ""))
    if not items:
        raise InputError("没有可用的事实：粘贴的内容里没有文字。请每行粘贴一条工作事实。")
    if len(items) > MAX_FACTS:
        raise InputError(f"事实条数过多（{len(items)} 条，上限 {MAX_FACTS} 条）：请合并或删减后再起草。")
    for i, (item, _, _) in enumerate(items, 1):
        if len(item) > MAX_FACT_CHARS:
            raise InputError(f"第 {i} 条事实过长（{len(item)} 字，上限 {MAX_FACT_CHARS} 字）：请拆成几条。")
    sources = {fact_line(line)[0]: list(found) for line, found in (origins or {}).items()}
    return [Fact(id=f"F{i}", text=item, figures=extract_figures(item), joined=bool(joiner), joiner=joiner,
                 pasted=pasted, origins=list(sources.get(item, [])))
            for i, (item, joiner, pasted) in enumerate(items, 1)]


def _body(line: str) -> tuple[str, str]:
    """A line without its numbering and the lead words of the report it came from; the joiner it
    opened with (同时, 其中 …), '' for none."""
    unbulleted = INNER_NUMBER.sub("", BULLET.sub("", line, count=1)).strip()
    lead = LEAD_WORDS.match(unbulleted)
    body = BULLET.sub("", unbulleted[lead.end():], count=1).strip() if lead else unbulleted  # 二是12、…
    return body, (lead.group(1) or "") if lead else ""


def always_wrong() -> tuple[Term, ...]:
    """The entries of the term table that are wrong wherever they stand (a fact is corrected when read;
    a first mention is the draft's to write in full)."""
    return tuple(t for t in term_table() if not t.first)


def fact_warnings(facts: list[Fact], raw: str = "") -> list[str]:
    """Masked values left in, emoji removed, and two facts that give different figures for one thing."""
    warnings = []
    for fact in facts:
        masks = masked_values(fact.text)
        if masks:
            warnings.append(noted(fact, unfilled(masks)))
    if raw:
        warnings.extend(hidden_warnings(raw))
        warnings.extend(f"{note}：公文使用简体字。" for note in plain_text(raw)[1])
        said = {m.term: m for m in misuses(full_width(plain_text(raw)[0]), always_wrong())}
        warnings.extend(f"事实中的{m.message}：已改正。" for m in said.values())
    warnings.extend(_conflicts(facts))
    warnings.extend(broken_text(facts))
    return warnings


DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
SET_DOUBLES = ("妈妈", "常常", "天天", "人人", "事事", "件件", "家家", "户户", "层层")
PAIRS = (("《", "》"), ("“", "”"), ("（", "）"))


def slips(text: str) -> list[str]:
    """What reads broken in a text: a word typed twice (处理处理), a bracket or quote left open.
    The one rule for the facts' warnings and the draft's 文字完整 check."""
    found = []
    doubled = DOUBLED.search(text)
    if doubled and doubled.group(1) not in SET_DOUBLES:
        found.append(f"“{doubled.group(0)}”像是重复输入，请核对")
    found += [f"“{left}{right}”不成对，请核对" for left, right in PAIRS if text.count(left) != text.count(right)]
    return found


def broken_text(facts: list[Fact]) -> list[str]:
    """A copying slip in a fact: warned before drafting and noted beside its sentence."""
    out = []
    for fact in facts:
        for slip in slips(fact.text) + glued(fact.text):
            out.append(noted(fact, slip))
    return out


PLENUM = r"[一二三四五六七八九十]{1,3}届[一二三四五六七]中"
GLUED = re.compile(f"({PLENUM})(?={PLENUM})")
"""Two plenums the paste ran together with nothing between them (十九届六中二十届一中)."""


def glued(text: str) -> list[str]:
    """Where a fact runs two names together: a question beside its sentence, never a change (the
    words are the user's)."""
    m = GLUED.search(text)
    return [f"“{m.group(1)}”与其后的全会之间缺少顿号，请核对"] if m else []


def unfilled(masks: list[str]) -> str:
    """What a placeholder left in is called, in a fact's note and in the draft's 无遗留占位 check alike."""
    return f"有未填写的占位内容（{'、'.join(dict.fromkeys(masks))}），补全后方可签发"


def noted(fact: Fact, note: str) -> str:
    """A doubt that stands beside the fact's sentence in the draft (Word comment, Markdown note), and
    the same words as a notice before drafting: “F3 <note>。” (the draft says it once, at the sentence)."""
    _note(fact, note)
    return f"{fact.id} {note}。"


def _note(fact: Fact, note: str) -> None:
    if note not in fact.note:
        fact.note = f"{fact.note} {note}".strip()


NOT_SUBJECT = re.compile(r"^(?:同比|环比|增长|下降|增加|减少|提高|上升|较上年|分别|达到|实现|累计|共计|全年)$"
                         rf"|^[我本全][{PLACE_ENDINGS}省]|^本(?:单位|部门|街道)$|^我(?:会|局|们|街道)$")
"""Words that say how a figure stands (同比增长, 累计, 达到) or whose it is (我乡, 全县), not what it counts:
同比增长12.7% and 同比增长35% of two activities are not one thing."""


def figure_subject(text: str, start: int) -> list[str]:
    """Content words of the clause before a figure, in order: what the figure counts."""
    clause = re.split(r"[，。；、,;：:]", text[:start])[-1]
    return [w for w in words(clause) if len(w) >= 2 and not re.search(r"\d|年|月", w)]


def _conflicts(facts: list[Fact]) -> list[str]:
    seen: list[tuple[str, set[str], str, str]] = []  # (fact id, subject, unit, figure key)
    warnings = []
    for fact in facts:
        for start, _, fig in figure_spans(fact.text):
            subject = {w for w in figure_subject(fact.text, start) if not NOT_SUBJECT.search(w)}
            if not subject:
                continue
            for other_id, other_subject, unit, key in seen:
                overlap = len(subject & other_subject) / len(subject | other_subject)
                if other_id != fact.id and unit == fig.unit and key != fig.key and overlap >= 0.5:
                    message = (f"{other_id} 与 {fact.id} 对同一事项给出了不同数字"
                               f"（{'、'.join(sorted(subject & other_subject))}：{key} / {fig.key}）："
                               "是两项不同的工作、一项包含在另一项之内，还是有一个写错了？请核实。")
                    warnings.append(message)
                    for each in facts:  # the doubt also stands beside both sentences in the draft
                        if each.id in (other_id, fact.id) and message not in each.note:
                            each.note = (each.note + " " if each.note else "") + message
            seen.append((fact.id, subject, fig.unit, fig.key))
    return list(dict.fromkeys(warnings))
