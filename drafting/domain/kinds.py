"""The three report kinds: their sections, the subsections (topics) activities are filed under,
required parts, titles and preamble endings.

A topic gathers one or more themes (themes.py): in a 法治政府建设 report 家庭教育讲座 is 普法宣传
work; in a work summary it is 家庭家教家风. Headings come in the four-character house style with
variants; regenerating moves to the next variant. Stock sentences live in phrases.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.errors import InputError
from lexicon.roles import SHAPES, Kind, Role


@dataclass(frozen=True)
class Topic:
    """A subsection of a measures section: its headings and the themes filed under it."""

    key: str
    headings: tuple[str, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class SectionSpec:
    """One section a kind of report has."""

    key: str
    role: Role
    headings: tuple[str, ...]
    """Variants in the four-character house style; regenerating moves to the next one."""
    required: bool = True
    topics: tuple[Topic, ...] = ()

    @property
    def themes(self) -> set[str]:
        return {t for topic in self.topics for t in topic.themes}

    def topic_for(self, theme: str) -> Topic | None:
        return next((t for t in self.topics if theme in t.themes), None)


def part(role: Role, headings: tuple[str, ...], required: bool = True) -> SectionSpec:
    """A section that is one of the report's set parts (不足, 下一步 …): its key is its role."""
    return SectionSpec(role.value, role, headings, required)


@dataclass(frozen=True)
class ReportKind:
    key: Kind
    title: str
    """Template: {org} {year} {next_year} {period_title}."""
    report_line: str
    """The end of the preamble: 现将…报告如下："""
    rule: str
    """Where the required parts come from."""
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)
    required_labels: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.key.label

    def spec(self, key: str) -> SectionSpec:
        return next(s for s in self.sections if s.key == key)

    def measures(self) -> list[SectionSpec]:
        return [s for s in self.sections if s.role == Role.MEASURES]

    def themes(self) -> set[str]:
        return {t for spec in self.measures() for t in spec.themes}

    def section_for(self, theme: str) -> SectionSpec:
        """The measures section a theme is filed under (the first one when none names it)."""
        measures = self.measures()
        return next((s for s in measures if theme in s.themes), measures[0])


T = Topic
STUDY = T("study", ("加强学法用法，提升法治素养", "抓实学法用法，提升依法履职能力"), ("study", "ideology"))
MECHANISM = T("mechanism", ("健全工作机制，压实法治责任", "完善制度机制，推动责任落实"), ("mechanism", "party"))
PUBLICITY = T("publicity", ("广泛开展普法宣传，营造浓厚法治氛围", "聚焦重要节点，开展主题普法"), ("publicity",))
FAMILY_LAW = T("family", ("加强家庭教育指导，涵养文明家风", "推进家庭教育，促进家庭和谐"), ("family",))
MEDIA = T("media", ("创新宣传方式，拓展普法阵地", "用好网络平台，增强普法实效"), ("media", "organisation"))
TEAM = T("team", ("加强普法队伍建设，夯实普法工作基础", "壮大普法力量，提升普法能力"), ("team", "volunteer"))
RIGHTS = T("rights", ("做好矛盾纠纷排查化解，维护家庭和谐稳定", "做好信访维权工作，依法维护合法权益"), ("rights",))
CARE = T("care", ("做实关爱帮扶工作，温暖困难群体", "用心用情关爱，办好民生实事"), ("care", "development"))
PLANNING = T("planning", ("推进源头维权，优化发展环境", "推动规划实施，促进妇女儿童发展"), ("planning",))
DECISION = T("decision", ("健全依法决策机制，推进科学民主依法决策", "严格规范性文件管理，提升制度建设质量"),
             ("decision",))
# A government or department files its work under the areas of 《法治政府建设实施纲要》, never a federation's.
G_LEAD = T("g_lead", ("加强组织领导，压实法治建设责任", "健全责任体系，统筹推进法治建设"), ("mechanism", "party"))
G_STUDY = T("g_study", ("抓好学法用法，提升依法行政能力", "强化理论武装，提升法治素养"), ("study", "ideology"))
G_FUNCTIONS = T("functions", ("依法全面履行职能，持续优化营商环境", "深化“放管服”改革，转变政府职能"),
                ("functions", "economy"))
G_ENFORCE = T("enforcement", ("严格规范公正文明执法，提升执法水平", "深化行政执法改革，规范执法行为"), ("enforcement",))
G_SUPERVISION = T("supervision", ("强化权力制约监督，促进权力规范运行", "自觉接受各方监督，推进政务公开"),
                  ("supervision",))
G_PUBLICITY = T("g_publicity", ("深化普法宣传教育，营造良好法治氛围", "落实普法责任制，增强普法实效"),
                ("publicity", "media", "team", "family", "volunteer", "organisation"))
"""A government's 阵地 are its 法治文化/普法 阵地: they go with 普法, not with 民生."""
G_RIGHTS = T("g_rights", ("依法化解矛盾纠纷，维护社会和谐稳定", "畅通诉求表达渠道，化解社会矛盾"), ("rights",))
G_CARE = T("g_care", ("保障和改善民生，服务人民群众", "办好民生实事，增进群众福祉"),
           ("care", "development", "planning"))

FAZHI_TAIL = (
    part(Role.SHORTCOMINGS, ("存在的不足和原因", "存在的问题和不足")),
    part(Role.FIRST_RESPONSIBLE,
         ("主要负责人履行推进法治建设第一责任人职责情况", "压实第一责任人职责，强化法治建设领导")),
    part(Role.PLANS, ("{next_year}年推进法治建设工作安排", "下一步工作打算")),
    part(Role.OTHER, ("其他需要报告的情况",), required=False),
)
"""After the work, the statutory order (《法治政府建设与责任落实督察工作规定》): 不足和原因, 第一责任人,
下一年度安排."""
FAZHI_REQUIRED = {
    Role.MEASURES: "推进法治政府建设的主要举措和成效",
    Role.SHORTCOMINGS: "存在的不足和原因",
    Role.FIRST_RESPONSIBLE: "党政主要负责人履行推进法治建设第一责任人职责情况",
    Role.PLANS: "下一年度推进法治政府建设的主要安排",
}
MEASURES_HEADINGS = ("{year}年推进法治政府建设的主要举措和成效", "{year}年法治政府建设工作开展情况及成效")


def _fazhi(topics: tuple[Topic, ...], themed: tuple[SectionSpec, ...]) -> dict[str, tuple[SectionSpec, ...]]:
    """The two shapes of a 法治政府建设 report: one measures section with （一）（二） by work area (the
    statutory order most real reports follow), or themed 一、二、三 sections (as seed 000)."""
    measures = SectionSpec(Role.MEASURES.value, Role.MEASURES, MEASURES_HEADINGS, topics=topics)
    return {"statutory": (measures,) + FAZHI_TAIL, "themed": themed + FAZHI_TAIL}


FAZHI_SHAPES = {
    True: _fazhi((STUDY, MECHANISM, DECISION, PUBLICITY, FAMILY_LAW, MEDIA, TEAM, RIGHTS, CARE, PLANNING), (
        SectionSpec("organisation", Role.MEASURES, ("加强组织领导，压实法治责任", "高度重视，强化组织保障",
                                                    "健全工作机制，夯实法治基础"), topics=(STUDY, MECHANISM, DECISION)),
        SectionSpec("publicity", Role.MEASURES, ("深化普法宣传，营造法治氛围", "聚焦普法主题，提升宣传实效",
                                                 "创新普法形式，推动法治宣传"),
                    topics=(PUBLICITY, FAMILY_LAW, MEDIA, TEAM)),
        SectionSpec("rights", Role.MEASURES, ("依法履职尽责，维护妇儿权益", "加强履职，强化维权实效",
                                              "聚焦主责主业，护航妇儿权益"), topics=(RIGHTS, CARE, PLANNING)))),
    False: _fazhi((G_LEAD, G_STUDY, G_FUNCTIONS, DECISION, G_ENFORCE, G_SUPERVISION, G_PUBLICITY, G_RIGHTS, G_CARE), (
        SectionSpec("organisation", Role.MEASURES, ("加强组织领导，压实法治建设责任", "健全工作机制，夯实法治基础"),
                    topics=(G_LEAD, G_STUDY)),
        SectionSpec("duties", Role.MEASURES, ("依法全面履行职能，推进依法行政", "坚持依法行政，规范权力运行"),
                    topics=(G_FUNCTIONS, DECISION, G_ENFORCE, G_SUPERVISION)),
        SectionSpec("publicity", Role.MEASURES, ("深化普法宣传，化解矛盾纠纷", "推进全民普法，服务基层治理"),
                    topics=(G_PUBLICITY, G_RIGHTS, G_CARE)))),
}

FAZHI = ReportKind(
    key=Kind.FAZHI,
    title="{org}{year}年度法治政府建设工作情况报告",
    report_line="现将{year}年度法治政府建设工作情况报告如下：",
    rule="《法治政府建设与责任落实督察工作规定》（2019年）规定的年度报告内容",
    sections=FAZHI_SHAPES[True]["statutory"],
    required_labels=FAZHI_REQUIRED,
)


def _pufa(topics: tuple[Topic, ...]) -> tuple[SectionSpec, ...]:
    return (SectionSpec("duties", Role.MEASURES, ("“谁执法谁普法”普法责任制履职情况", "普法责任制落实情况"),
                        topics=topics),
            part(Role.SHORTCOMINGS, ("存在的不足", "存在的问题和不足")),
            part(Role.PLANS, ("下一步工作举措", "下一步工作打算")))


PUFA_LEAD = T("lead", ("强化组织领导，压实普法责任", "健全普法机制，落实普法责任"),
              ("mechanism", "study", "party", "ideology"))
PUFA_SECTIONS = {
    True: _pufa((PUFA_LEAD, T("publicity", PUBLICITY.headings, ("publicity", "family")), MEDIA, TEAM, RIGHTS,
                 T("care", ("用心用情服务，维护妇儿权益",), ("care", "development", "planning")))),
    # A department's 普法 report: its 法律顾问 and 执法人员 are 普法 people here, not 依法决策 work.
    False: _pufa((PUFA_LEAD, T("publicity", PUBLICITY.headings, ("publicity", "family")), MEDIA,
                  T("team", TEAM.headings, ("team", "volunteer", "decision")), G_RIGHTS, G_ENFORCE, G_CARE)),
}
PUFA = ReportKind(
    key=Kind.PUFA,
    title="{org}{year}年度“谁执法谁普法”普法责任制履职报告",
    report_line="现将{year}年度普法责任制履职情况报告如下：",
    rule="“谁执法谁普法”普法责任制履职报告的通行内容（履职情况、存在的不足、下一步工作举措）",
    sections=PUFA_SECTIONS[True],
    required_labels={Role.MEASURES: "普法责任制履职情况", Role.SHORTCOMINGS: "存在的不足",
                     Role.PLANS: "下一步工作举措"},
)


def _zongjie(topics: tuple[Topic, ...]) -> tuple[SectionSpec, ...]:
    return (SectionSpec("work", Role.MEASURES, ("{period}主要工作及成效", "{period}工作开展情况"), topics=topics),
            part(Role.HIGHLIGHTS, ("工作亮点",), required=False),
            part(Role.SHORTCOMINGS, ("存在的问题", "存在的问题和不足")),
            part(Role.PLANS, ("{next_period}工作谋划", "{next_period}工作打算")))


ZONGJIE_SECTIONS = {
    True: _zongjie((
        T("ideology", ("强化思想引领，凝聚巾帼力量", "坚持政治引领，筑牢思想根基"), ("ideology", "study")),
        T("development", ("服务发展大局，建功新时代", "聚焦中心工作，展现巾帼作为"), ("development", "economy")),
        T("family", ("注重家庭家教家风，涵养文明新风", "深化家庭建设，弘扬文明家风"), ("family",)),
        T("rights", ("依法维护权益，守护妇女儿童", "强化维权服务，促进和谐稳定"), ("rights",)),
        # A work summary's publicity is 宣传引领: 法治 only where its facts are about the law (heading_claims).
        T("publicity", ("加强宣传引领，弘扬时代新风", "开展主题宣传，凝聚奋进力量", "深化普法宣传，增强法治意识"),
          ("publicity", "media")),
        T("care", ("用心用情关爱，温暖困难群体", "办好民生实事，传递党的温暖", "开展巾帼志愿服务，弘扬文明新风"),
          ("care", "volunteer")),
        T("planning", ("推动规划实施，优化发展环境", "做好规划工作，推动事业发展"), ("planning",)),
        T("organisation", ("深化改革创新，建强组织阵地", "夯实基层基础，激发组织活力"),
          ("organisation", "party", "mechanism", "team")))),
    False: _zongjie((
        T("g_party", ("坚持党建引领，加强自身建设", "全面从严治党，锻造过硬队伍"),
          ("party", "ideology", "study", "mechanism")),
        T("economy", ("聚焦经济发展，激发主体活力", "推动项目建设，增强发展动能"),
          ("economy", "development", "functions")),
        T("g_livelihood", ("保障改善民生，增进群众福祉", "办好民生实事，提升服务水平"),
          ("care", "volunteer", "family")),
        T("g_governance", ("加强基层治理，维护社会稳定", "推进平安建设，化解矛盾纠纷",
                           "推进平安法治建设，提升基层治理水平", "依法化解矛盾纠纷，维护社会和谐稳定"),
          ("rights", "publicity", "media", "team", "enforcement", "supervision", "decision")),
        T("g_organisation", ("夯实基层基础，建强阵地队伍",), ("organisation", "planning")))),
}
ZONGJIE = ReportKind(
    key=Kind.ZONGJIE,
    title="{org}{period_title}",
    report_line="现将{period}工作总结如下：",
    rule="半年、年度工作总结的通行内容（工作情况、存在问题、工作谋划）",
    sections=ZONGJIE_SECTIONS[True],
    required_labels={Role.MEASURES: "工作情况", Role.SHORTCOMINGS: "存在问题", Role.PLANS: "工作谋划"},
)

KINDS: dict[str, ReportKind] = {k.key: k for k in (FAZHI, PUFA, ZONGJIE)}


def shaped(kind: ReportKind, shape: str = "", federation: bool = True) -> ReportKind:
    """The kind with the sections for its writer (a federation or a government body) and shape."""
    from dataclasses import replace

    if kind.key == Kind.FAZHI:
        return replace(kind, sections=FAZHI_SHAPES[federation][shape if shape in SHAPES else "statutory"])
    if kind.key == Kind.PUFA:
        return replace(kind, sections=PUFA_SECTIONS[federation])
    return replace(kind, sections=ZONGJIE_SECTIONS[federation])


def get_kind(key: str) -> ReportKind:
    try:
        return KINDS[Kind(key)]
    except (KeyError, ValueError, TypeError):
        choices = "、".join(f"{k.value}（{k.label}）" for k in Kind)
        raise InputError(f"未知的报告类型 {key!r}：请选择 {choices}。") from None


def fill_title(kind: ReportKind, meta) -> str:
    """The report's title for its organisation, year and period."""
    half = meta.period == "half"
    period_title = (f"{meta.year}年上半年工作总结及下半年工作谋划" if half
                    else f"{meta.year}年工作总结及{meta.year + 1}年工作谋划")
    return kind.title.format(org=meta.org, year=meta.year, next_year=meta.year + 1, period_title=period_title)
