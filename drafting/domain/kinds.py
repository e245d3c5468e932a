"""The three report kinds: their sections, required parts, headings, titles and preambles."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.errors import InputError

from .roles import Kind, Role


@dataclass(frozen=True)
class Topic:
    """A subsection of a section: its heading and the words that place a fact in it."""

    heading: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class SectionSpec:
    """One section a kind of report has."""

    key: str
    role: str
    headings: tuple[str, ...]
    """Variants in the four-character house style; regenerating moves to the next one."""
    required: bool = True
    topics: tuple[Topic, ...] = ()
    openings: tuple[str, ...] = ()
    closings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportKind:
    key: Kind
    title: str
    """Template: {org} {year} {next_year} {period}."""
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


ORG_TOPICS = (
    Topic("加强学法用法，提升法治素养", ("学法", "学习", "中心组", "考试", "培训", "会前", "讲座", "专题", "党组", "理论")),
    Topic("健全工作机制，压实普法责任", ("责任制", "领导小组", "制度", "机制", "计划", "要点", "清单", "考核", "部署", "方案")),
)
PUFA_TOPICS = (
    Topic("加大普法宣传力度，营造良好法治环境", ("普法", "宣传", "资料", "手册", "宣传周", "主题", "民法典", "法律", "进村", "进社区", "场次")),
    Topic("创新普法宣传形式，增强普法工作实效", ("公众号", "推文", "短视频", "视频", "直播", "线上", "网络", "微信", "新媒体", "竞赛", "小程序")),
    Topic("加强普法队伍建设，夯实普法工作基础", ("队伍", "志愿者", "培训", "讲师", "律师", "明白人", "执委", "调解员", "人民陪审员", "师资")),
    Topic("强化矛盾纠纷化解，筑牢安全稳定防线", ("纠纷", "调解", "化解", "排查", "信访", "家暴", "家庭暴力", "维权", "热线", "12338", "保护令", "来访")),
)
RIGHTS_TOPICS = (
    Topic("做实关爱帮扶工作", ("关爱", "慰问", "救助", "两癌", "春蕾", "困境", "留守", "困难", "帮扶", "资助", "就业")),
    Topic("做好信访维权工作", ("信访", "维权", "调解", "纠纷", "家暴", "家庭暴力", "保护令", "热线", "12338", "法律援助", "来访", "案件")),
)
ZONGJIE_TOPICS = (
    Topic("强化思想引领，凝聚巾帼力量", ("学习", "宣讲", "引领", "党建", "二十大", "理论", "主题", "思想")),
    Topic("服务发展大局，建功新时代", ("就业", "创业", "培训", "乡村振兴", "巾帼", "技能", "岗位", "致富", "基地", "庭院")),
    Topic("注重家庭家教家风，涵养文明新风", ("家庭", "家教", "家风", "最美", "家长", "亲子", "婚姻")),
    Topic("依法维护权益，守护妇女儿童", ("维权", "普法", "纠纷", "调解", "信访", "家暴", "法律", "保护令", "热线")),
    Topic("用心用情关爱，温暖困难群体", ("关爱", "慰问", "困境", "留守", "两癌", "春蕾", "救助", "儿童", "帮扶")),
    Topic("深化改革创新，建强组织阵地", ("改革", "组织", "基层", "执委", "妇女之家", "阵地", "新领域", "队伍", "网上")),
)

FAZHI = ReportKind(
    key=Kind.FAZHI,
    title="{org}{year}年度法治政府建设工作情况报告",
    report_line="现将{year}年度法治政府建设工作情况报告如下：",
    rule="《法治政府建设与责任落实督察工作规定》（2019年）规定的年度报告内容",
    sections=(
        SectionSpec("organisation", Role.MEASURES, ("加强组织领导，压实法治责任", "高度重视，强化组织保障", "健全工作机制，夯实法治基础"),
                    topics=ORG_TOPICS,
                    openings=("{short}党组始终把法治建设摆在突出位置，纳入全年工作计划，与妇联业务工作同部署、同推进、同落实。",
                              "{short}高度重视法治建设工作，坚持把法治建设与妇女工作紧密结合，认真谋划、精心组织。"),
                    closings=("通过持续抓学习、建机制、压责任，干部职工尊法学法守法用法的意识明显增强。",)),
        SectionSpec("publicity", Role.MEASURES, ("深化普法宣传，营造法治氛围", "聚焦普法主题，提升宣传实效", "创新普法形式，推动法治宣传"),
                    topics=PUFA_TOPICS[:2],
                    openings=("{short}认真落实“谁执法谁普法”普法责任制，围绕妇女儿童权益保障广泛开展普法宣传。",
                              "{short}紧扣妇女群众需求，借助重要时间节点和各类阵地，常态化开展法治宣传教育。"),
                    closings=("广大妇女群众尊法学法守法用法的意识和依法维权的能力进一步提升。",)),
        SectionSpec("rights", Role.MEASURES, ("依法履职尽责，维护妇儿权益", "加强履职，强化维权实效", "聚焦主责主业，护航妇儿权益"),
                    topics=RIGHTS_TOPICS,
                    openings=("{short}坚持依法维权、源头维权，用心用情为妇女儿童办实事、解难题。",
                              "{short}立足妇联职能，把依法维护妇女儿童合法权益作为法治建设的重要着力点。"),
                    closings=("切实把党和政府的关怀送到妇女儿童心坎上。",)),
        SectionSpec("first_responsible", Role.FIRST_RESPONSIBLE,
                    ("主要负责人履行推进法治建设第一责任人职责情况", "压实第一责任人职责，强化法治建设领导"),
                    openings=("{short}党组书记、主席认真履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办。",),
                    closings=("以“关键少数”示范带动干部职工尊法学法守法用法。",)),
        SectionSpec("shortcomings", Role.SHORTCOMINGS, ("存在的不足和原因", "存在的问题和不足"),
                    openings=("{year}年，{short}法治建设工作取得了一定成效，但对照上级要求和妇女群众期盼，仍存在一些不足：",),
                    closings=("究其原因，主要是对法治建设的研究谋划还不够深入，工作力量和专业人才相对不足。",)),
        SectionSpec("plans", Role.PLANS, ("{next_year}年推进法治建设工作安排", "下一步工作打算"),
                    openings=("{next_year}年，{short}将坚持以习近平新时代中国特色社会主义思想为指导，重点抓好以下工作：",),
                    closings=("为推进法治政府建设贡献巾帼力量。",)),
        SectionSpec("other", Role.OTHER, ("其他需要报告的情况",), required=False),
    ),
    required_labels={
        Role.MEASURES: "推进法治政府建设的主要举措和成效",
        Role.SHORTCOMINGS: "存在的不足和原因",
        Role.FIRST_RESPONSIBLE: "党政主要负责人履行推进法治建设第一责任人职责情况",
        Role.PLANS: "下一年度推进法治政府建设的主要安排",
    },
)

PUFA = ReportKind(
    key=Kind.PUFA,
    title="{org}“谁执法谁普法”普法责任制履职报告",
    report_line="现将{year}年度普法责任制履职情况报告如下：",
    rule="“谁执法谁普法”普法责任制履职报告的通行内容（履职情况、存在的不足、下一步工作举措）",
    sections=(
        SectionSpec("duties", Role.MEASURES, ("“谁执法谁普法”普法责任制履职情况", "普法责任制落实情况"),
                    topics=(Topic("强化组织领导，压实普法责任", ORG_TOPICS[0].keywords + ORG_TOPICS[1].keywords),)
                    + PUFA_TOPICS + (Topic("用心用情服务，维护妇儿权益", RIGHTS_TOPICS[0].keywords),),
                    openings=("{short}认真落实“谁执法谁普法”普法责任制，把普法工作与妇联业务工作同部署、同推进。",),
                    closings=()),
        SectionSpec("shortcomings", Role.SHORTCOMINGS, ("存在的不足", "存在的问题和不足"),
                    openings=("{year}年，{short}普法工作取得了一定成效，但与上级要求和妇女群众期盼相比还存在差距：",),
                    closings=()),
        SectionSpec("plans", Role.PLANS, ("下一步工作举措", "下一步工作打算"),
                    openings=("下一步，{short}将继续坚持“谁执法谁普法”原则，重点做好以下工作：",),
                    closings=("为推进法治建设贡献巾帼力量。",)),
    ),
    required_labels={Role.MEASURES: "普法责任制履职情况", Role.SHORTCOMINGS: "存在的不足",
                     Role.PLANS: "下一步工作举措"},
)

ZONGJIE = ReportKind(
    key=Kind.ZONGJIE,
    title="{org}{period_title}",
    report_line="现将{period}工作总结如下：",
    rule="妇联半年、年度工作总结的通行内容（工作情况、存在问题、工作谋划）",
    sections=(
        SectionSpec("work", Role.MEASURES, ("{period}主要工作及成效", "{period}工作开展情况"), topics=ZONGJIE_TOPICS,
                    openings=("{period}，{short}围绕中心、服务大局，团结引领广大妇女建功新时代，各项工作取得新进展。",),
                    closings=()),
        SectionSpec("highlights", Role.HIGHLIGHTS, ("工作亮点",), required=False),
        SectionSpec("shortcomings", Role.SHORTCOMINGS, ("存在的问题", "存在的问题和不足"),
                    openings=("在肯定成绩的同时，我们也清醒认识到工作中还存在一些问题：",),
                    closings=()),
        SectionSpec("plans", Role.PLANS, ("{next_period}工作谋划", "{next_period}工作打算"),
                    openings=("按照{party}工作部署和{superior}工作要求，{short}将重点做好以下工作：",),
                    closings=()),
    ),
    required_labels={Role.MEASURES: "工作情况", Role.SHORTCOMINGS: "存在问题", Role.PLANS: "工作谋划"},
)

KINDS: dict[str, ReportKind] = {k.key: k for k in (FAZHI, PUFA, ZONGJIE)}


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
