"""What a figure counts, as a phrase that reads as Chinese: the subject of a comparison with last
year ("普法宣传较上年增加7场次"), without who did the work or when (县司法局设立…, 全年…)."""

from __future__ import annotations

import re

from retrieval.text import tokens, verbs

LEAD = re.compile(r"^(?:全年|今年|本年度?|\d{4}年度?|上半年|下半年|累计|共计|合计|共|其中|[一二三四五六七八九十]+是)+")
PLANNED = re.compile(r"^(?:将|要|拟|计划|力争|争取|确保)+")
TARGET_END = re.compile(r"(?:不少于|不低于|不少|达到|超过)$")
"""A plan's wording around its figure (县妇联将建成…, 普法宣传活动不少于50场): not what it counts."""
HELPING = re.compile(r"(?:协助|帮助|资助|救助|指导|动员|引导|带领|支持)$")
GENERIC_VERB = re.compile(r"^(?:开展|组织|举办|发放|受理|完成|参加|建成|新建|设立|组建|成立|建立|培训|接待"
                          r"|办理|推送|发布)")
AGENT = re.compile(r"^(?:联合|会同|协同|配合)?[^，、]{0,10}?"
                   r"(?:分局|局|法院|检察院|公安局|公安|派出所|司法所|政府|委员会|妇联|部门|单位)"
                   r"(?:等部门|等单位)?(?:联合|共同|合作|携手)?")
"""Who did the work (县司法局设立…, 公安局协助…): not part of what the figure counts."""
INNER_LEAD = re.compile(r"全年|今年|本年度")
PERSON = re.compile(r"^(?:困难|留守|农村|城镇|贫困|单亲)?"
                    r"(?:妇女儿童|妇女|儿童|女性|群众|家庭|女学生|学生|干部|志愿者|母亲|家长)")


def subject_phrase(text: str, start: int, end: int) -> str:
    """What a figure counts, as a phrase that reads as Chinese: 全年开展普法宣传35场次 → 普法宣传;
    协助5名妇女申请人身安全保护令 → 协助申请人身安全保护令的妇女; 建成2个妇女儿童维权站点 → 妇女儿童维权站点."""
    before = INNER_LEAD.sub("", LEAD.sub("", re.split(r"[，。；：、,;:]", text[:start])[-1].strip()))
    before = TARGET_END.sub("", PLANNED.sub("", before))
    while (agent := AGENT.match(before)) and agent.end() < len(before):  # 县妇联联合县司法局开展… → 开展…
        rest = PLANNED.sub("", before[agent.end():])
        if not (AGENT.match(rest) or verbs(rest)[:1] and rest.startswith(verbs(rest)[0])):
            break
        before = rest
    after = re.match(r"[^，。；：、,;:]*", text[end:]).group(0).strip()
    person = PERSON.match(after)
    rest = after[person.end():] if person else ""
    if person and HELPING.search(before) and rest and rest.startswith(tuple(verbs(rest)[:1]) or ("\0",)):
        return f"{before}{rest}的{person.group(0)}"  # the people counted, named by what was done for them
    bare = GENERIC_VERB.sub("", before)
    return ((bare if len(bare) >= 2 or after else before) + after) or "".join(tokens(text[:start])[-2:])
