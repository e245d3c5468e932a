"""Stitching: what reads wrong where the draft's words meet the user's facts.

A frame that says what its fact says again ("认真履行推进法治建设第一责任人职责，履行法治建设第一责任人
职责"), the self-name glued onto a fact that names itself ("市妇联中山市妇联获评…"), and an honour
another body received written as the organisation's own ("区妇联2017年3月新江镇新乐村…合作社荣获…").
The 文字完整 check runs these on every sentence of the draft.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import pairwise

from lexicon.cues import HONOURS
from lexicon.pattern import either

SAID_TWICE = 8
"""Characters two neighbouring clauses share that make one say the other again."""
CLAUSES = re.compile(r"[，、；：,;:]")
BETWEEN = re.compile(r"带领|组织|联合|会同|指导|协助|携手|牵头|邀请|配合|动员|推动|发动|号召|依托|通过|召开|举办|开展"
                     r"|[与和及向对为在同把将被由是]")
"""Words that join two organisations in a sentence (县妇联联合县司法局…): not a name glued to a name."""
OTHER_BODY = ("村", "社区", "合作社", "公司", "企业", "学校", "小学", "中学", "幼儿园", "医院", "协会", "基地", "中心",
              "家庭", "工作室", "服务站", "妇联", "局", "政府", "办事处", "委员会", "党支部", "支部")
"""What another subject of an honour ends in: a village, a company, a school, another body."""
DATE_LEAD = r"(?:\d{4}年(?:度)?(?:\d{1,2}月(?:份)?)?(?:\d{1,2}日)?[，,]?)?"
HONOUR_VERB = either(HONOURS, escape=False)


def said_twice(sentence: str, given: str = "") -> str:
    """The words a clause repeats from the clause before it ('' when none). Two clauses both of the
    user's facts (`given`) say what the user said: only a frame of the draft's own can echo a fact."""
    clauses = [c for c in CLAUSES.split(sentence) if c]
    for before, after in pairwise(clauses):
        if before in given and after in given:
            continue
        match = SequenceMatcher(None, before, after, autojunk=False).find_longest_match()
        shared = before[match.a:match.a + match.size]
        if match.size >= SAID_TWICE and re.fullmatch(r"[\u4e00-\u9fff“”《》]+", shared):
            return shared
    return ""


def glued_name(sentence: str, short: str, org: str) -> str:
    """The self-name written before a name of the same organisation (市妇联中山市妇联): '' when none."""
    if not short:
        return ""
    pattern = re.escape(short) + f"(?:{re.escape(org)}|([\u4e00-\u9fff]{{1,6}}?){re.escape(short)})"
    for m in re.finditer(pattern, sentence):
        if not (m.group(1) and BETWEEN.search(m.group(1))):
            return m.group(0)
    return ""


def others_honour(sentence: str, short: str) -> str:
    """Another subject's honour written after the self-name (区妇联2017年3月新江镇…合作社荣获…): the
    other subject, '' when none."""
    if not short:
        return ""
    m = re.match(re.escape(short) + DATE_LEAD + f"([^，。；]{{2,40}}?){HONOUR_VERB}", sentence)
    subject = m.group(1) if m else ""
    return subject if re.search(either(OTHER_BODY), subject) and not subject.startswith(short) else ""


def stitches(sentence: str, short: str, org: str, given: str = "") -> list[str]:
    """What reads stitched in one sentence (its plain text), as findings of 文字完整: one per problem."""
    found = []
    if twice := said_twice(sentence, given):
        found.append(f"“{twice}”在相邻的两处说了两遍：请删去重复的一处")
    if glued := glued_name(sentence, short, org):
        found.append(f"“{glued}”：本单位名称重复，请只保留一个")
    elif other := others_honour(sentence, short):
        found.append(f"荣誉是“{other}”获得的，句子却以“{short}”开头：请核对获奖主体")
    return found
