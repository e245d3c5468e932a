"""What each pasted fact is: an activity or result, an honour, a problem, a plan, the leader's own
duty, a guiding statement, a dated event, or a fragment that says nothing was done — decided by
what the sentence does, not by a word somewhere in it.

- Quoted titles, campaign names and slogans (“…”《…》「」) never type a fact: "普法强基补短板专项行动"
  is work, not a shortcoming; a principle quoted with 力争 is not a plan.
- A plan speaks of the future in its predicate: it opens with 下一步/明年/计划/拟, names only next
  year, or opens with 将 followed by what will be done (将开展…), not the 把-construction of what was
  done (将全县278项事项划入…).
- A problem says, as its predicate, that something falls short (…需要进一步加强, …较少); 补短板 and
  解决…问题 are work.
- A guiding statement is framing and nothing else: 在…领导下, 立足…, 始终将…作为…来抓, 不断创新…
  努力提高…水平. A fragment has no action at all.
The type decides the role (docs/DOMAIN.md, "Where facts go"); where a fact sits among the others
decides the rest (plan/outline.py).
"""

from __future__ import annotations

import re

from retrieval.figures import extract_figures
from retrieval.text import verbs

from .roles import FactKind
from .types import DraftMeta, Fact

QUOTED = re.compile(r"“[^”]*”|《[^》]*》|「[^」]*」|\"[^\"]*\"|‘[^’]*’|〔[^〕]*〕")
CLAUSE = re.compile(r"[，,；;：:]")
FUTURE_LEAD = re.compile(r"^(?:下一步|下步|明年|下半年|今后|计划|拟|预计|力争|争取|将于|计划于|拟于)")
WILL_DO = re.compile(r"^将(?:要|会|继续|进一步|持续|全面|深入|大力|着力|重点|加快|加大|不断|切实|积极|认真|力争|"
                     r"开展|举办|组织|推进|推动|加强|实施|建立|健全|完善|做好|抓好|深化|落实|启动|召开|打造|探索|围绕|聚焦|"
                     r"坚持|以|在|于)")
"""将 opening what will be done; 将 with an object first ("将全县…划入", "将法治建设纳入考核") is done work."""
PLANNED = re.compile(r"计划于|拟于|将于|计划(?:在|开展|建成|培训|举办)")
SHORTFALL = re.compile(r"不足|不够|薄弱|有待|欠缺|短板|差距|不强|不高|滞后|仍需|还需|尚需|亟待|亟需|需要进一步|需进一步|"
                       r"不到位|不充分|较少|偏少|不平衡|难以|不明显|不完善|不健全|单一|老套路|没有新举措|缺乏|缺少|"
                       r"不熟练|短缺|不适应|较弱|较低|不规范|不够深入")
WORK_ON_SHORTFALL = re.compile(r"补(?:齐)?短板|强弱项|(?:解决|破解|整改|化解|排查|研究解决|协调解决)[^，。；]{0,24}(?:问题|难题|短板|不足)"
                               r"|查找[^，。；]{0,12}(?:差距|不足)")
LEADER = r"(?:党组书记、?(?:主席|局长|主任)?|党委书记|党工委书记|主席|主要负责人|主要领导|一把手|[局厅镇县区市]长|主任|书记)"
LEADER_ACTS = re.compile(rf"^(?:{LEADER}[\u4e00-\u9fff]{{0,3}}[、，,]?)+(?:带头|亲自|主持|专题|先后|多次|认真履行|述法|讲授|带队|"
                         r"召集|牵头|坚持|严格履行|切实履行|认真落实)")
"""The leader as the subject of what was done: 党组书记、主席王丽带头讲授… (a name may follow the title)."""
DUTY_WORDS = re.compile(r"第一责任人")
HONOUR = re.compile(r"获评|荣获|被评为|被授予|被[^，。；]{0,12}(?:命名为|评为|确定为|授予|列为)|获得[^，。；]{0,16}(?:称号|荣誉|表彰|奖)|"
                    r"受到[^，。；]{0,16}(?:表彰|肯定|表扬)|批示肯定|入选[^，。；]{0,12}(?:典型|案例|名单)|"
                    r"评为[^，。；]{0,12}(?:先进|示范|优秀)")
FRAMING = re.compile(
    r"^(?:在[^，。；]{1,24}(?:领导|指导|关心|支持)下|以[^，。；]{1,40}为(?:目标|指导|主线|抓手|引领|统领|核心|宗旨|重点)"
    r"|坚持[^，。；]{0,40}|紧紧围绕[^，。；]{0,30}|围绕中心、?服务大局|深入学习贯彻[^，。；]{0,40}精神"
    r"|(?:[\u4e00-\u9fff]{1,6}(?:妇联|政府|局|办事处))?认真贯彻落实[^，。；]{0,30}|按照[^，。；]{0,30}(?:部署|要求)"
    r"|立足[^，。；]{0,30}|主动担当作为|积极行动|扎实推动[^，。；]{0,20}各项工作[^，。；]{0,6}"
    r"|始终(?:将|把)[^，。；]{0,30}作为[^，。；]{0,20}|不断创新工作(?:方式|方法)[、和]?(?:方式|方法)?"
    r"|(?:努力|不断|切实|进一步)?提高[^，。；]{0,20}(?:水平|能力|层次|凝聚力|战斗力|意识)"
    r"|不断加强[^，。；]{0,30}建设|[^，。；]{0,6}期间"
    r"|(?:紧紧)?围绕[^，。；]{0,40}(?:目标|中心|任务|部署|要求)|以[^，。；]{0,24}为(?:引领|导向|先导|重任|根本|统揽)"
    r"|紧扣[^，。；]{0,30}|(?:切实)?履行[^，。；]{0,12}职能|不断强化工作措施|着力推动[^，。；]{0,30}"
    r"|全面谋划[^，。；]{0,20}工作|以高水平法治保障[^，。；]{0,30}|扎实推进依法行政|(?:大力)?实施[^，。；]{0,8}行动"
    r"|将[^，。；]{0,20}(?:做在平常|抓在经常|落到日常|深度融入[^，。；]{0,30})|抓在经常|落到日常"
    r"|实现了?[^，。；]{0,24}(?:全覆盖|广覆盖|深影响|实效果)|(?:[\u4e00-\u9fff]{1,8}(?:妇联|政府|局))?高度重视[^，。；]{0,30})$")
"""Framing clauses: together they make a guiding statement, with no work of its own."""
DATED = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日|份|初|中旬|下旬|底)?")
YEAR_LEAD = re.compile(r"^(?:\d{4}年(?:度|以来)?|今年以来|全年|上半年)[，,]?")
ACTION = re.compile(r"(?:开展|组织|举办|召开|学习|宣传|落实|贯彻|建立|完善|制定|印发|利用|创新|推进|推动|加强|深化|实施|执行|"
                    r"发放|走访|排查|调解|化解|接待|受理|培训|成立|设立|打造|建成|签订|聘请|参加|参与|服务|慰问|救助|"
                    r"选树|寻访|表扬|表彰|发布|推送|拍摄|制作|编印|举行|邀请|协调|解决|帮助|指导|督促|检查|审查|"
                    r"修订|清理|报送|摸排|覆盖|联合|携手|依托|结合|融入|健全|规范|提升|提高|强化|压实|部署|研究)"
                    r"(?=[\u4e00-\u9fff《“\"0-9□])")
"""What was done, with something after it: "普法宣传" alone is a topic, "开展普法宣传" is work."""
QUESTIONS = {FactKind.FRAGMENT: "缺少“做了什么”，请补充完整（未写入草稿）"}


def masked(text: str) -> str:
    """The text with quoted titles and names blanked out (same length): they never type a fact."""
    return QUOTED.sub(lambda m: "□" * len(m.group(0)), text)


def classify(fact: Fact, meta: DraftMeta) -> FactKind:
    """The kind of one fact, by what its sentence does."""
    text = fact.text.strip().rstrip("。；;，,")
    body = masked(YEAR_LEAD.sub("", text))
    has_figure = bool(extract_figures(text))
    if _plans(body, text, meta):
        return FactKind.PLAN
    if _falls_short(body) and not has_figure:
        return FactKind.PROBLEM
    if LEADER_ACTS.match(body) or DUTY_WORDS.search(body):
        return FactKind.DUTY
    if HONOUR.search(body):
        return FactKind.HONOUR
    clauses = [c.strip() for c in CLAUSE.split(body) if c.strip()]
    if not has_figure and clauses and all(FRAMING.match(c) for c in clauses):
        return FactKind.GUIDING
    if not has_figure and not does_work(body):
        return FactKind.FRAGMENT
    if DATED.match(body):
        return FactKind.EVENT
    return FactKind.ACTIVITY


SUBJECT = re.compile(r"^[\u4e00-\u9fff]{0,12}?(?:妇联|政府|局|委|办|街道|办事处|镇|乡|县|区|市|旗|我们)(?=将)")
"""Who will act, before 将: 头铺镇将继续…, 青疃镇妇联将持续…"""


def _plans(body: str, text: str, meta: DraftMeta) -> bool:
    clauses = [c.strip() for c in CLAUSE.split(body) if c.strip()]
    first = SUBJECT.sub("", clauses[0] if clauses else body)
    return bool(FUTURE_LEAD.match(first) or WILL_DO.match(first) or PLANNED.search(body)
                or _next_year_only(text, meta))


def _falls_short(body: str) -> bool:
    return bool(SHORTFALL.search(WORK_ON_SHORTFALL.sub("", body)))


def does_work(text: str) -> bool:
    """Whether a text says something was done: a verb of jieba's dictionary, or an action word
    followed by what it acted on (jieba tags 深入开展, 充分利用 as idioms or nouns)."""
    return bool(ACTION.search(text) or verbs(text))


def _next_year_only(text: str, meta: DraftMeta) -> bool:
    return f"{meta.year + 1}年" in text and f"{meta.year}年" not in text


def leader_acts(text: str) -> bool:
    """The leader is the subject of what was done (党组书记、主席王丽带头讲授…)."""
    return bool(LEADER_ACTS.match(masked(YEAR_LEAD.sub("", text.strip()))))


def classify_all(facts: list[Fact], meta: DraftMeta) -> list[Fact]:
    """Every fact with its kind and, where the user should act, a note."""
    for fact in facts:
        if fact.derived:
            fact.kind = FactKind.ACTIVITY
            continue
        fact.kind = classify(fact, meta)
        question = QUESTIONS.get(FactKind(fact.kind), "")
        if question and question not in fact.note:  # notes already there (全年, a conflict) stay
            fact.note = f"{question} {fact.note}".strip()
    return facts
