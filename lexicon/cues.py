"""The cue words of a report as data: what opens a plan, who leads, how a fact opens with its year,
and the words that give a heading its role and a title its kind.

The importer files an earlier report's paragraphs by these tables and the drafting side reads the
user's facts by the same ones, so a plan is a plan on both floors. Each pattern below is built
from its table; a table whose entries are regex fragments says so.
"""

from __future__ import annotations

import re

from .pattern import either
from .roles import Kind, Role

PLAN_AHEAD = ("下一步", "下步", "今后", "下半年", "明年", "下一年")
"""The time ahead a plan opens with: 下一步，将… / 明年…"""
PLAN_VERBS = ("计划", "拟", "力争", "争取")
"""A fact that opens with one of these is a plan."""
PLAN_INTENT = ("将", "要", "计划", "拟")
"""The verb a plan clause opens with once its time is said: (下一步，)将…"""
PLAN_NOUNS = ("计划", "打算", "谋划", "工作安排", "工作思路", "工作举措")
"""What the heading of a plans section calls it, besides the time ahead."""
ORDERING = ("首先", "其次", "再次", "最后")
JOINERS = ("同时", "另外", "此外", "其中", "并且", "而且")
"""Of the connectives, those that say a fact continues the one before it."""
CONNECTIVES = ORDERING + JOINERS
"""Words that join a clause to the one before it: they belong to the text it was copied from."""
YEAR_LEADS = (r"\d{4}年(?:度|以来)?", "今年以来", "全年", "上半年")
"""Regex fragments: the period a fact opens with (2024年，/ 今年以来 …), not what was done."""
HEAD_TITLES = ("党组书记", "党委书记", "书记", "主席", "主要负责人", "主要负责同志", "局长")
"""Titles that name the one head of the organisation wherever they stand (主席带头…)."""
LEADER_TITLES = HEAD_TITLES + ("主要领导", "一把手", "主任")
"""How a report names its leader at the start of a sentence: the head's titles, and words that
mid-sentence may mean the leadership as a whole (街道主要领导亲自部署…) or another office's head."""

ROLE_CUES: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.FIRST_RESPONSIBLE, ("第一责任人", "主要负责人履行", "履行推进法治建设", r"履职情况.*负责人")),
    (Role.OTHER, ("其他需要报告",)),
    (Role.SHORTCOMINGS, ("不足", "问题", "差距", "短板", "困难")),
    (Role.PLANS, PLAN_AHEAD + PLAN_NOUNS),
    (Role.HIGHLIGHTS, ("亮点", "特色")),
)
"""Regex fragments: the words of a top-level heading that name its role, the first rule that
matches winning; any other heading reports measures."""
KIND_CUES: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.PUFA, ("普法责任制", "谁执法谁普法", "普法履职")),
    (Kind.FAZHI, ("法治政府", "法治建设", "依法治", "法治工作")),
    (Kind.ZONGJIE, ("总结", "谋划", "工作情况", "工作计划")),
)
"""The words of a title that name its kind of report, the first rule that matches winning."""

PLAN_AHEAD_LEAD = re.compile("^" + either(PLAN_AHEAD))
YEAR_LEAD = re.compile("^" + either(YEAR_LEADS, escape=False) + "[，,]?")
CONNECTIVE_LEAD = either(CONNECTIVES)
JOINER = either(JOINERS)
ORDERING_LEAD = either(ORDERING)
LEADER = either(LEADER_TITLES)
HEAD = either(HEAD_TITLES)
# The patterns of what a sentence does, each built from its table above (defined after them).
_ROLE_RULES = [(role, re.compile(either(words, escape=False))) for role, words in ROLE_CUES]
_KIND_RULES = [(kind, re.compile(either(words))) for kind, words in KIND_CUES]


def heading_role(heading: str) -> Role:
    """The role of a top-level heading: measures unless a cue says otherwise."""
    return next((role for role, pattern in _ROLE_RULES if pattern.search(heading)), Role.MEASURES)


def paragraph_role(section_role: str, text: str) -> str:
    """A paragraph inside the shortcomings that opens with 下一步/今后 is really about plans."""
    if section_role == Role.SHORTCOMINGS and PLAN_AHEAD_LEAD.match(text):
        return Role.PLANS
    return section_role


def title_kind(title: str) -> Kind | None:
    """The kind of report a title names; None when it names none."""
    return next((kind for kind, pattern in _KIND_RULES if pattern.search(title)), None)

# -- what a sentence does (drafting/domain/classify.py reads facts by these) ---------------------
WILL_DO = ("要", "会", "继续", "进一步", "持续", "全面", "深入", "大力", "着力", "重点", "加快", "加大", "不断",
           "切实", "积极", "认真", "力争", "开展", "举办", "组织", "推进", "推动", "加强", "实施", "建立", "健全",
           "完善", "做好", "抓好", "深化", "落实", "启动", "召开", "打造", "探索", "围绕", "聚焦", "坚持", "以",
           "在", "于")
"""What follows 将 when it opens what will be done (将继续…, 将开展…); 将 with an object first
(将全县…划入…, 将法治建设纳入考核) is the 把-construction of done work."""
PLANNED = ("计划于", "拟于", "将于", r"计划(?:在|开展|建成|培训|举办)")
"""Regex fragments: a plan stated anywhere in a sentence."""
ACTORS = ("妇联", "政府", "局", "委", "办", "街道", "办事处", "镇", "乡", "县", "区", "市", "旗", "我们")
"""Who may stand before 将 in a plan: 头铺镇将继续…, 青疃镇妇联将持续…"""
SHORTFALL = ("不足", "不够", "薄弱", "有待", "欠缺", "短板", "差距", "不强", "不高", "滞后", "仍需", "还需", "尚需",
             "亟待", "亟需", "需要进一步", "需进一步", "不到位", "不充分", "较少", "偏少", "不平衡", "难以", "不明显",
             "不完善", "不健全", "单一", "老套路", "没有新举措", "缺乏", "缺少", "不熟练", "短缺", "不适应", "较弱",
             "较低", "不规范", "不够深入")
"""Words that, as a predicate, say something falls short."""
WORK_ON_SHORTFALL = (r"补(?:齐)?短板", "强弱项",
                     r"(?:解决|破解|整改|化解|排查|研究解决|协调解决)[^，。；]{0,24}(?:问题|难题|短板|不足)",
                     r"查找[^，。；]{0,12}(?:差距|不足)")
"""Regex fragments: work done on a shortfall (补短板, 解决…问题) — not a problem."""
LEADER_ACTS = ("带头", "亲自", "主持", "专题", "先后", "多次", "认真履行", "述法", "讲授", "带队", "召集", "牵头",
               "坚持", "严格履行", "切实履行", "认真落实", "宣誓", "讲话")
"""What the leader does in person (党组书记、主席王丽带头讲授…)."""
LEADER_SUBJECTS = HEAD_TITLES + ("党组书记、主席", "党组书记、局长", "党组书记、主任", "党工委书记", "主要领导",
                                 "一把手", "主任", "局长", "厅长", "镇长", "县长", "区长", "市长", "主要负责同志",
                                 "党政主要负责人", "领导班子", "班子成员", "班子领导干部", "班子领导", "领导干部")
"""The leader, or the leadership as a body, as the subject that opens a fact (a name may follow the
title); the organisation may stand before it (区政府主要负责同志, 镇领导)."""
SELF_BEFORE_LEADER = (r"(?:[\u4e00-\u9fff]{0,4}?(?:镇|乡|县|区|市|州|旗|街道))?"
                      r"(?:党委|党工委|党组|人民政府|政府|妇联|办事处)?")
"""Regex fragment: the organisation a leader subject may be named with (镇领导, 区政府主要负责同志)."""
DUTY_ACTS = (r"研究部署[^，,。；;]{0,8}法治", r"召开[^，,。；;]{0,10}依法治[省市州县区旗镇乡]委员会")
"""Regex fragments: the leadership's own acts on the rule of law, in the words of the 第一责任人 rules —
studying and deploying 法治建设, convening the 全面依法治X委员会 — whoever the sentence names."""
DUTY_NAMES = ("第一责任人", "述法")
"""Words that name the leader's rule-of-law duty itself, even inside a quoted title (严格执行《党政主要负责人
履行推进法治建设第一责任人职责规定》): 述法 is the leaders' report on that duty."""
HONOURS = ("获评", "荣获", "被评为", "被授予", r"被[^，。；]{0,12}(?:命名为|评为|确定为|授予|列为)",
           r"获[^，。；]{0,16}(?:激励|等级|等次|A级)", r"成功创建[^，。；]{0,20}(?:示范|先进|文明)", "成功入选",
           r"获得[^，。；]{0,16}(?:称号|荣誉|表彰|奖)", r"受到[^，。；]{0,16}(?:表彰|肯定|表扬)", "批示肯定",
           r"入选[^，。；]{0,12}(?:典型|案例|名单)", r"评为[^，。；]{0,12}(?:先进|示范|优秀)",
           r"^□+[^，。；]{0,16}(?:正式施行|正式实施|颁布实施)")
"""Regex fragments: an honour received — or a rule of the body's own making come into force
(《…管理规定》于2024年1月1日正式施行, its title masked): a result the opening lists, not work."""
FRAMINGS = (r"在[^，。；]{1,24}(?:领导|指导|关心|支持)下",
            r"以[^，。；]{1,40}为(?:目标|指导|主线|抓手|引领|统领|核心|宗旨|重点|导向|先导|重任|根本|统揽)"
            r"(?:任务|目标)?", r"团结依靠[^，。；]{0,20}", r"扎实推进各项(?:重点)?工作[^，。；]{0,10}",
            r"通过[^，。；]{0,12}(?:方式|手段|形式|途径)",
            r"坚持[^，。；]{0,40}", r"(?:紧紧)?围绕[^，。；]{0,40}", r"围绕中心、?服务大局",
            r"深入学习贯彻[^，。；]{0,40}精神",
            r"(?:[\u4e00-\u9fff]{1,6}(?:妇联|政府|局|办事处))?认真贯彻落实[^，。；]{0,30}",
            r"按照[^，。；]{0,30}(?:部署|要求)",
            r"立足[^，。；]{0,30}", "主动担当作为", "积极行动", r"扎实推动[^，。；]{0,20}各项工作[^，。；]{0,6}",
            r"始终(?:将|把)[^，。；]{0,30}作为[^，。；]{0,20}", r"不断创新工作(?:方式|方法)[、和]?(?:方式|方法)?",
            r"(?:努力|不断|切实|进一步)?提高[^，。；]{0,20}(?:水平|能力|层次|凝聚力|战斗力|意识)",
            r"不断加强[^，。；]{0,30}建设", r"(?:着力|著力|切实)?(?:抓好|加强)[^，。；]{0,24}(?:队伍|组织|班子)建设",
            r"建立[^，。；]{0,30}长效机制", r"[^，。；]{0,6}期间", r"紧扣[^，。；]{0,30}",
            r"(?:切实)?履行[^，。；]{0,12}职能",
            "不断强化工作措施", r"着力推动[^，。；]{0,30}", r"全面谋划[^，。；]{0,20}工作",
            r"以高水平法治保障[^，。；]{0,30}",
            "扎实推进依法行政", r"(?:大力)?实施[^，。；]{0,8}行动",
            r"将[^，。；]{0,20}(?:做在平常|抓在经常|落到日常|深度融入[^，。；]{0,30})", "抓在经常", "落到日常",
            r"实现了?[^，。；]{0,24}(?:全覆盖|广覆盖|深影响|实效果)",
            r"(?:[\u4e00-\u9fff]{1,8}(?:妇联|政府|局))?高度重视[^，。；]{0,30}", r"准确把握[^，。；]{0,40}",
            r"始终围绕[^，。；]{0,60}", r"着力打造[^，。；]{0,20}",
            r"(?:进一步)?压紧压实[^，。；]{0,20}责任", r"(?:努力|全力|奋力)推进[^，。；]{0,16}发展")
"""Regex fragments, each a whole clause of framing: a fact made only of these is a guiding
statement with no work of its own (在…领导下, 立足…, 始终将…作为…来抓, 不断创新…努力提高…)."""
ACTIONS = ("开展", "组织", "举办", "召开", "学习", "宣传", "落实", "贯彻", "建立", "完善", "制定", "印发", "利用",
           "创新", "推进", "推动", "加强", "深化", "实施", "执行", "发放", "走访", "排查", "调解", "化解", "接待",
           "受理", "培训", "成立", "设立", "打造", "建成", "签订", "聘请", "参加", "参与", "服务", "慰问", "救助",
           "选树", "寻访", "表扬", "表彰", "发布", "推送", "拍摄", "制作", "编印", "举行", "邀请", "协调", "解决",
           "帮助", "指导", "督促", "检查", "审查", "修订", "清理", "报送", "摸排", "覆盖", "联合", "携手", "依托",
           "结合", "融入", "健全", "规范", "提升", "提高", "强化", "压实", "部署", "研究")
"""Verbs of done work: with something after them they say what was done (开展普法宣传), alone
they name a topic (普法宣传)."""
REQUIRED_ACTS = ("带头", "认真", "切实", "严格", "进一步", "加强", "坚持", "高度", "积极", "主动", "自觉", "深入",
                 "不断", "持续")
REQUIRED = r"[\u4e00-\u9fff、]{2,12}?要(?=" + "|".join(REQUIRED_ACTS) + ")"
"""Regex fragment: a requirement put to others (镇直各部门干部要带头学法…) — what a meeting or a directive
asked, not work done."""
CONTINUATIONS = ("其中", "这是", "此外", "另外", "同时", "并且", "并", "例如", "比如", "如", "从而", "进而", "以此",
                 "为此",
                 "切实", "有效", "实现", "努力", "首次", "重点", "逐步", "共计", "累计", "截至", "紧密围绕", "旨在",
                 "受益", "覆盖", "吸引", "带动", "惠及", "促进", "确保", "以确保", "进行", "助力", "鼓励", "准确把握",
                 r"自[^，,。]{2,10}以来[，,]?(?:共|累计|已)",
                 r"通过[^，。；]{2,20}[，,](?:营造|提升|增强|提高|促进|确保|形成)",
                 r"得到了?[^，。；]{0,30}(?:肯定|认可|好评|表扬|赞誉|点赞)",
                 r"为[^，。；]{2,40}(?:贡献了?[^，。；]{0,12}力量|[作做]出了?[^，。；]{0,8}贡献|奠定了?[^，。；]{0,12}基础)",
                 REQUIRED)
"""Regex fragments: a fact that opens with one of these continues the fact pasted before it (its
purpose, its result with no subject of its own — 得到…充分肯定, 为…贡献了…力量 —, its figures, the
means of it, a requirement a meeting put: 镇直各部门干部要带头学法…)."""

WILL_DO_LEAD = re.compile("^将" + either(WILL_DO))
FUTURE_LEAD = re.compile("^" + either(PLAN_AHEAD + PLAN_VERBS + ("预计", "将于", "计划于", "拟于")))
PLANNED_ANYWHERE = re.compile(either(PLANNED, escape=False))
ACTOR_BEFORE_WILL = re.compile(r"^[\u4e00-\u9fff]{0,12}?" + either(ACTORS) + "(?=将)")
SHORTFALL_WORDS = re.compile(either(SHORTFALL))
WORK_ON_SHORTFALL_WORDS = re.compile(either(WORK_ON_SHORTFALL, escape=False))
HEAD_IN_PERSON = re.compile(HEAD + "、?" + either(LEADER_ACTS))
"""The head's own title with what it did in person, anywhere: …街道党工委书记亲自部署…"""
LEADER_IN_PERSON = re.compile(f"^{SELF_BEFORE_LEADER}(?:(?:{either(LEADER_SUBJECTS)}|(?<=[镇乡县区市道])领导)"
                              f"[\u4e00-\u9fff]{{0,3}}[、，,]?)+{either(LEADER_ACTS)}")
DUTY_NAMED = re.compile(either(DUTY_NAMES))
DUTY_ACTED = re.compile(either(DUTY_ACTS, escape=False))
HONOUR_WORDS = re.compile(either(HONOURS, escape=False))
FRAMING_CLAUSE = re.compile("^" + either(FRAMINGS, escape=False) + "$")
ACTION_WORDS = re.compile(either(ACTIONS) + "(?=[\u4e00-\u9fff《“\"0-9□])")
CONTINUATION_LEAD = re.compile("^" + either(CONTINUATIONS, escape=False))
REQUIREMENT = re.compile("^" + REQUIRED)
IN_PERSON_LEAD = re.compile(r"^(?:全年|今年|年内)?(?:共|先后|累计)?(?:带头|亲自|牵头|带队|主持)")
"""A fact with no subject that opens with what someone did in person (全年牵头开展法治专题宣讲2场次):
after the leader's duty, the leader is who did it."""

DONE = re.compile(r"正式施行|已经|已于|完成|建成|出台|颁布|印发|审议通过")
"""A dated fact that says it happened: 《…规定》于2024年1月1日正式施行 is done, not planned."""

MEANS_ONLY = re.compile(r"^通过[^，,。；;]*$")
"""A clause that is only the means of the work before it (通过举办法治讲座4次、发放小册子2000余册);
通过…，组织… is work of its own."""

PAIRED_OPENERS = (("线上", "线下"), ("一方面", "另一方面"), ("对内", "对外"), ("城区", "农村"))
"""Openers of two facts that make one piece of work between them (“线上”利用公众号… /“线下”深入单位…):
the second continues the first, in either order."""
AGENDA_LEAD = re.compile(r"^(?:专题)?(?:研究|审议|听取|部署)")
MEETING = re.compile(r"会议|常务会|办公会|党组会|委员会|专题会|部署会")
"""A fact that opens with what a meeting did (研究解决…问题6项, 研究部署…事项) after a fact that held
the meeting (召开专题部署会议4次) is its agenda: it continues that fact."""


def is_agenda(text: str, before: str) -> bool:
    """Whether a fact is the agenda of the meeting the fact before it held (召开专题部署会议4次 /
    研究解决…问题6项)."""
    return bool(AGENDA_LEAD.match(text) and MEETING.search(before))


def acts_in_person(text: str) -> bool:
    """Whether a fact with no subject opens with what someone did in person (全年牵头开展…)."""
    return bool(IN_PERSON_LEAD.match(YEAR_LEAD.sub("", text)))
