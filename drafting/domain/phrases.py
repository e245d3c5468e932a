"""Stock text: the sentences a drafter writes around the facts, each honest about what it claims.

Framing and purpose clauses state no result ("围绕妇女儿童权益保障，" "为提升干部职工法治素养，").
Anything that states a practice or a result the user did not give — a cause of the shortcomings, a
suggested shortcoming or plan, the leader's usual duties — is a suggestion: the composer lists it
in Section.stock, and the app, the Word file and the Markdown show it as 通用表述 to confirm.
Templates use the words of wording.py ({short}, {party}, {leader} …).
"""

from __future__ import annotations

import re

from lexicon.bodies import DEPARTMENT, FEDERATION, GOVERNMENT
from lexicon.roles import Kind

VOICE_WORDS = {
    FEDERATION: {"business": "妇联业务工作", "mission": "依法维护妇女儿童合法权益", "mission_short": "妇女儿童权益保障",
                 "people": "妇女群众", "members": "妇女", "rule_work": "法治建设",
                 "follow": "引领广大妇女听党话、跟党走",
                 "zongjie_focus": "充分发挥党和政府联系妇女群众的桥梁纽带作用，"
                                  "团结引领广大妇女在推动高质量发展中建功立业。"},
    GOVERNMENT: {"business": "经济社会发展", "mission": "依法全面履行政府职能", "mission_short": "中心工作",
                 "people": "人民群众", "members": "干部群众", "rule_work": "法治政府建设",
                 "follow": "把学习成果转化为推动高质量发展的实际行动",
                 "zongjie_focus": "统筹推进经济发展、民生保障和社会治理各项工作。"},
    DEPARTMENT: {"business": "业务工作", "mission": "依法履行部门职责", "mission_short": "部门职责",
                 "people": "人民群众", "members": "干部职工", "rule_work": "法治建设",
                 "follow": "把学习成果转化为推动工作的实际行动",
                 "zongjie_focus": "立足部门职能，扎实推进各项工作。"},
}
"""The words that follow from whose voice a report speaks in (lexicon.bodies): a 妇联 speaks of 妇女
群众 and 桥梁纽带; a government of 经济社会发展 and 依法全面履行政府职能; a department of its 部门职责."""

# Result and practice claims a sentence must not make unless a fact (or the user) says so.
CLAIM = re.compile(r"明显|显著|大幅|有效(?:遏制|提升|提高|增强|化解)|进一步(?:提升|提高|增强|加强了)"
                   r"|不断(?:提升|提高|增强)|"
                   r"取得(?:了)?(?:积极|明显|显著|良好|较好)?(?:成效|成绩|进展)|成效(?:显著|明显)|形成了|营造了|提升了|"
                   r"增强了|提高了|得到(?:了)?(?:有效|明显|进一步)|严格按照法定(?:权限|程序)|全面(?:提升|提高)|深入人心|"
                   r"蔚然成风|家喻户晓|切实保障了|筑牢了|做到了|实现了|确保了|达到了|收到(?:了)?(?:实效|良好效果)")

STOCK_PHRASES = ("尊法学法守法用法", "贡献巾帼力量", "同部署、同推进", "同谋划、同部署", "桥梁纽带",
                 "围绕中心、服务大局", "高度重视", "坚强领导", "精心指导", "关键少数", "用心用情",
                 "营造良好法治", "办实事、解难题", "立足家庭、面向社会", "听党话、跟党走", "建功立业",
                 "认真落实", "落地落实")
"""Set phrases a report uses at most once: said twice they read as a template."""

OPENINGS = {
    "organisation": ("{own_party}把法治建设作为一项基础性工作，纳入全局统筹谋划。",
                     "{short}坚持把法治建设与{business}紧密结合，认真谋划、精心组织。",
                     "{short}把加强组织领导作为推进法治建设的首要任务来抓。",
                     "法治建设是一项系统工程，{short}从抓学习、建机制入手推进各项工作。"),
    "publicity": ("{short}落实“谁执法谁普法”普法责任制，围绕{mission_short}开展法治宣传教育。",
                  "{short}紧扣{people}需求，借助重要时间节点和各类阵地开展普法宣传。",
                  "围绕{mission_short}，{short}把普法宣传贯穿全年工作。",
                  "{short}坚持普法宣传与服务{people}相结合。"),
    "rights": ("{short}立足职能，把{mission}作为推进法治建设的重要着力点。",
               "坚持依法维权、源头维权，{short}用心用情为{people}办实事、解难题。",
               "{short}聚焦主责主业，在依法履职中推进法治建设。",
               "依法履职是法治建设的落脚点，{short}在维权服务中体现法治要求。"),
    "duties": ("{short}对照“谁执法谁普法”普法责任制要求，结合职能抓好普法工作。",
               "按照普法责任制要求，{short}结合{business}开展普法。",
               "{short}把履行普法责任作为依法履职的重要内容。"),
    "work": ("{short}紧扣{party}中心工作，聚焦主责主业谋划推进各项工作。",
             "立足职能定位，{short}推动各项工作落地落实。",
             "{short}围绕中心、服务大局，扎实推进各项重点工作。"),
}
"""The first sentence of a measures section: framing only. Which variant an office gets depends on
its name, so two offices' drafts do not open alike; regenerating moves to the next."""

PURPOSE = {
    "study": "为提升干部职工法治素养，", "ideology": "坚持把思想政治引领放在首位，",
    "mechanism": "着眼责任落实，", "party": "坚持党建引领，",
    "publicity": "为增强{people}的法治意识，", "family": "注重家庭家教家风建设，", "media": "用好网络平台，",
    "organisation": "依托基层阵地，", "team": "注重普法力量建设，", "rights": "坚持依法维权，",
    "care": "聚焦困难群体，", "development": "聚焦中心大局，", "planning": "着眼长远发展，",
}
"""A clause that says what the work is for, never what it achieved."""

LEADS = {
    "study": "抓实学法用法", "ideology": "强化思想引领", "mechanism": "健全工作机制", "party": "加强党的建设",
    "publicity": "深化普法宣传", "family": "注重家庭建设", "media": "创新宣传形式", "organisation": "建强基层阵地",
    "team": "壮大普法力量", "rights": "做好信访维权", "care": "做实关爱帮扶", "development": "服务发展大局",
    "planning": "推动规划实施",
}
"""The short lead of an item: 一是抓实学法用法。…"""

SHORTCOMINGS = {
    "publicity": "普法宣传的覆盖面和针对性还需提高，{far}的法治意识有待增强",
    "media": "运用新媒体开展普法的形式还不够丰富，吸引力和传播力有待提升",
    "team": "基层普法骨干数量不足，专业能力还需提升",
    "rights": "婚姻家庭纠纷调解的专业化水平有待提高，维权服务专业人员偏少",
    "care": "关爱帮扶资源整合还不够，对困难群体的常态化服务有待加强",
    "study": "干部运用法治思维和法治方式开展工作的能力还需提升",
    "mechanism": "法治建设工作机制还需健全，责任落实的精细化程度有待提高",
    "family": "家庭教育指导服务的覆盖面还不够广",
    "development": "服务{members}创业就业的平台和载体还不够多",
    "organisation": "基层组织作用发挥还不够平衡，部分基层组织活力不足",
    "ideology": "思想引领的方式方法还需创新，覆盖面有待扩大",
    "planning": "规划实施的统筹协调和监测评估还需加强",
    "party": "党建与业务工作融合还不够深入",
}
"""Suggested shortcomings by work area: offered only when the user gave none, always marked."""
OFFICE_SHORTCOMINGS = {
    "functions": "依法全面履行职能还有差距，“放管服”改革和营商环境优化仍有提升空间",
    "decision": "重大行政决策程序执行还不够规范，合法性审查和法律顾问作用发挥还需加强",
    "enforcement": "行政执法规范化水平还需提升，执法人员的专业能力有待加强",
    "supervision": "权力制约监督机制还需健全，政务公开的及时性和规范性有待提高",
    "economy": "经济发展的质量和效益还需提升，项目招引和产业培育还有差距",
    "development": "服务群众就业创业和乡村振兴的举措还不够多",
    "study": "干部运用法治思维和法治方式开展工作的能力还需提升",
    "mechanism": "法治建设工作机制还需健全，责任落实的精细化程度有待提高",
    "party": "党建与业务工作融合还不够深入",
    "ideology": "理论学习的系统性和转化运用还需加强",
    "publicity": "普法宣传的针对性和实效性还需增强",
    "media": "运用新媒体开展普法的形式还不够丰富，吸引力和传播力有待提升",
    "team": "基层法治工作力量还比较薄弱，专业能力还需提升",
    "rights": "矛盾纠纷源头预防和多元化解机制还需完善",
    "care": "民生保障服务的精细化水平还需提高，公共服务供给还不够均衡",
    "organisation": "基层阵地建设还不够平衡，部分阵地作用发挥有待加强",
    "planning": "规划实施的统筹协调和监测评估还需加强",
    "family": "家庭教育和文明家风建设的覆盖面还不够广",
    "volunteer": "志愿服务的常态化机制还需健全",
    "work_mechanism": "工作机制还需健全，责任落实的精细化程度有待提高",
    "governance": "基层治理的精细化水平还需提升，风险隐患排查和矛盾纠纷化解能力有待加强",
}
"""A government's or department's, by its own work areas: nothing of a 妇联's."""

CAUSES_BY_THEME = {
    "team": "究其原因，主要是基层专职力量少，针对性培训还不够。",
    "rights": "究其原因，主要是专业调解和法律服务力量不足，部门联动还需加强。",
    "publicity": "究其原因，主要是普法资源向基层延伸不够，宣传方式创新不足。",
    "media": "究其原因，主要是新媒体运营的人手和能力不足。",
    "care": "究其原因，主要是关爱帮扶资源分散，统筹整合不够。",
    "study": "究其原因，主要是学法的常态化机制还不够健全。",
    "organisation": "究其原因，主要是基层组织力量分布不均，指导还不够有力。",
}
"""A suggested 原因 that fits the problems it follows, by their work area."""
OFFICE_CAUSES_BY_THEME = {
    "functions": "究其原因，主要是改革任务重、部门协同不够，服务意识还需增强。",
    "decision": "究其原因，主要是专业法律力量不足，依程序决策的意识还需增强。",
    "enforcement": "究其原因，主要是执法力量不足，执法培训的针对性还不够。",
    "supervision": "究其原因，主要是监督制度还不够健全，主动接受监督的意识还需增强。",
    "economy": "究其原因，主要是产业基础还不够牢固，要素保障能力还需提升。",
    "study": "究其原因，主要是学法的常态化机制还不够健全。",
    "publicity": "究其原因，主要是普法资源向基层延伸不够，宣传方式创新不足。",
    "team": "究其原因，主要是基层专职力量少，针对性培训还不够。",
    "rights": "究其原因，主要是基层调解力量不足，部门联动还需加强。",
    "care": "究其原因，主要是公共服务资源有限，统筹整合还不够。",
}
CAUSES = ("究其原因，主要是对新形势下法治建设的研究谋划还不够深入，工作方法创新不够。",
          "究其原因，主要是工作经费和专职人员有限，统筹社会资源的能力还需增强。")
"""The 原因 a fazhi report must give: a suggestion unless the user wrote one."""

PLANS = {
    "study": "严格落实领导干部学法制度，持续抓好干部职工学法用法",
    "mechanism": "健全完善法治建设工作机制，压紧压实工作责任",
    "publicity": "以{laws}等法律法规为重点，针对不同群体开展形式多样的普法宣传",
    "media": "用好新媒体平台，创新普法宣传方式，增强普法实效",
    "team": "加强基层执委和普法骨干培训，提升履职能力",
    "rights": "加强婚姻家庭纠纷排查化解，畅通维权渠道",
    "care": "持续做好困难群体关爱帮扶，推动各项关爱项目落地见效",
    "family": "深入开展家庭教育指导服务，推动形成良好家风",
    "development": "搭建更多创业就业平台，服务{members}建功立业",
    "organisation": "深化基层组织建设，增强基层组织活力",
    "ideology": "深入开展思想政治引领，引导广大{members}听党话、跟党走",
    "planning": "统筹推进规划实施，做好指标监测评估",
    "party": "持之以恒加强党的建设，推进全面从严治党",
}
"""Suggested plans by work area: offered when the user gave none for that area, always marked."""
GUIDE_PLANS = {"rights": "指导基层加强婚姻家庭纠纷排查化解，畅通维权渠道",
               "team": "指导基层加强普法队伍建设，提升普法骨干的专业能力",
               "organisation": "加强对基层组织建设的指导，增强基层组织活力"}
"""What a province or city plans for the work its counties do: guidance, not the doing."""
OFFICE_PLANS = {
    "functions": "持续深化“放管服”改革，优化营商环境，依法全面履行职能",
    "decision": "严格落实重大行政决策程序，发挥法律顾问和合法性审查作用",
    "enforcement": "全面落实行政执法公示、全过程记录和重大执法决定法制审核制度，推进严格规范公正文明执法",
    "supervision": "自觉接受各方面监督，深入推进政务公开",
    "economy": "聚焦高质量发展，抓好项目建设和招商引资，壮大产业基础",
    "development": "做好就业创业服务，助力乡村振兴",
    "study": "严格落实领导干部学法用法制度，提升依法履职能力",
    "mechanism": "健全完善法治建设工作机制，压紧压实工作责任",
    "party": "持之以恒加强党的建设，推进全面从严治党",
    "ideology": "持续加强理论武装，推动学习成果转化运用",
    "publicity": "深化“谁执法谁普法”普法责任制，增强普法实效",
    "media": "用好新媒体平台，创新普法宣传方式，增强普法实效",
    "team": "加强基层法治工作队伍建设，提升履职能力",
    "rights": "坚持和发展新时代“枫桥经验”，做好矛盾纠纷排查化解",
    "care": "持续办好民生实事，提升公共服务水平",
    "organisation": "加强基层阵地建设，提升基层治理能力",
    "planning": "统筹推进规划实施，做好指标监测评估",
    "family": "深化家庭教育和文明家风建设",
    "volunteer": "健全志愿服务常态化机制",
    "work_mechanism": "健全完善工作机制，压紧压实工作责任",
    "governance": "深化基层治理，做好风险隐患排查和矛盾纠纷化解",
}
"""A government's or department's suggested plans, by its own work areas."""
OFFICE_THEMES = {
    Kind.FAZHI: ("functions", "decision", "enforcement", "supervision", "study", "mechanism", "publicity", "media",
                 "team", "rights"),
    Kind.PUFA: ("publicity", "media", "team", "rights", "study", "mechanism", "enforcement"),
    Kind.ZONGJIE: ("economy", "development", "functions", "care", "party", "ideology", "governance", "organisation",
                   "planning", "family", "volunteer", "work_mechanism", "decision", "enforcement", "supervision"),
}
"""The work areas whose stock fits a government's or department's report of each kind: a 工作总结
about the economy, 党建 or 抗疫 gets no 普法 or 法治 stock."""
OFFICE_ALIAS = {
    Kind.FAZHI: {"economy": "functions", "development": "functions"},
    Kind.PUFA: {},
    Kind.ZONGJIE: {"study": "ideology", "mechanism": "work_mechanism", "rights": "governance"},
}
"""How a work area's stock is worded in a report of that kind: in a 法治 report a government's economic
work is 依法全面履行职能 (kinds.G_FUNCTIONS); in a 工作总结 its 学法 is 理论武装, its 机制 are not 法治's,
and its 排查 is 基层治理 (an epidemic's as much as a dispute's)."""
OFFICE_DEFAULTS = {Kind.FAZHI: ("decision", "enforcement", "study"), Kind.PUFA: ("publicity", "media", "team"),
                   Kind.ZONGJIE: ("economy", "care", "party")}
"""A government's or department's usual work areas when its facts name none."""

PLANS_OPENINGS = ("{ahead}，{short}将围绕{party_gov}决策部署，重点抓好以下工作：",
                  "下一步，{short}将对照上级要求，着力抓好以下几项工作：")
SHORTCOMINGS_OPENINGS = ("对照上级要求和{people}期盼，{short}的工作还存在一些不足：",
                         "在肯定成绩的同时，我们也清醒认识到工作中还存在一些问题：")
DUTY_LEAD = "{leader}认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问。"
DUTY_FRAMES = ("在履行推进法治建设第一责任人职责方面，", "{leader}切实履行推进法治建设第一责任人职责：",
               "落实第一责任人职责，")
STUDY_RULE_OF_LAW = "持续学习贯彻{congress}，把学习成果转化为推进法治建设的实际行动"
STUDY_PLAN = {Kind.ZONGJIE: "持续学习贯彻{congress}，{follow}",
              Kind.FAZHI: STUDY_RULE_OF_LAW, Kind.PUFA: STUDY_RULE_OF_LAW}
"""The first item of every plans section: framing, said by every report of its kind."""
DUTY_SUGGESTIONS = (
    "带头尊法学法守法用法，把学习贯彻{study}作为{group_study}的重要内容",
    "把法治建设纳入年度工作要点，与{business}同谋划、同推进、同考核",
    "坚持重大事项集体研究决定，自觉接受监督",
)

# Words only a 妇联 uses, and what a government or a department says instead.
DEPARTMENT_WORDS = (
    ("依法维护妇女儿童合法权益", "依法履行职责"), ("妇女儿童合法权益", "人民群众合法权益"),
    ("维护妇儿权益", "服务人民群众"), ("护航妇儿权益", "服务人民群众"), ("妇女儿童权益", "群众合法权益"),
    ("凝聚巾帼力量", "凝聚奋进力量"), ("贡献巾帼力量", "作出积极贡献"), ("巾帼力量", "奋进力量"),
    ("妇联业务工作", "业务工作"), ("妇女群众", "人民群众"), ("广大妇女", "广大群众"), ("妇女儿童", "人民群众"),
    ("上级妇联", "上级"), ("全国妇联", "上级"), ("妇联", "本单位"), ("巾帼", ""),
    ("充分发挥党和政府联系人民群众的桥梁纽带作用，", ""), ("团结引领", "带领"),
)


def neutral(text: str) -> str:
    """A 妇联 sentence in the words of a government or a department."""
    for federation_word, department_word in DEPARTMENT_WORDS:
        text = text.replace(federation_word, department_word)
    return text


FEDERATION_WORDS = re.compile(r"妇联|妇女|巾帼|妇儿|儿童|桥梁纽带|团结引领|娘家")
"""Words that speak as a 妇联 (a mass organisation: 桥梁纽带, 团结引领, 娘家人)."""


def federation_only(text: str) -> bool:
    """Whether a sentence speaks as a 妇联 (and so cannot be borrowed for a government or a department)."""
    return bool(FEDERATION_WORDS.search(text))
