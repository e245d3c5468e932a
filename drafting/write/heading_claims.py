"""What a subheading claims, and whether most of the facts under it show it.

lexicon.areas reads work areas coarsely (the eval's independent reading). A heading says more than
its area: "温暖困难群体" claims the facts are about people in hardship, not any 志愿 work; "弘扬法治精神"
claims they are about the law, which 三八 and 清明 publicity is not; "用好网络平台" claims an online
channel, which leaflets handed out in a park are not. Each claim here pairs the words a heading says
it with the words a fact shows it by; a heading is used only when most of its facts show every
claim it makes. The same table gives a plain heading drawn from the facts when no stock one fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from lexicon.roles import Kind


def _re(words: str) -> re.Pattern[str]:
    return re.compile("|".join(words.split()))


@dataclass(frozen=True)
class Claim:
    key: str
    said: re.Pattern[str]
    """Words of a heading that make this claim."""
    shown: re.Pattern[str]
    """Words of a fact that show it (a law's or a document's title left out)."""
    plain: tuple[str, ...] = ()
    """Plain headings naming it, a federation's first; the first that holds is used."""
    unlike: re.Pattern[str] | None = None
    """Words of a fact that show the opposite (线下 for an online channel)."""
    government: tuple[str, ...] = ()
    """A government body's plain headings, when they differ from a federation's."""


LAW = Claim("law", _re("法治 普法 学法 依法 法律 法制 守法"),
            _re(r"法治 法制 普法 学法 依法 执法 司法 法律 法规 法典 律师 法院 法庭 宪法 法援 以案释法 "
                r"[\u4e00-\u9fff]{1,12}(?<![方办做想说用写手技])法(?=[等和与及、，。；》\s]|$)"))
"""A heading that speaks of the law, in a report that is not about the law (a 工作总结)."""

CLAIMS: tuple[Claim, ...] = (
    Claim("epidemic", _re("疫情 抗疫 防疫"),
          _re("疫情 抗疫 防疫 核酸 疫苗 接种 隔离 管控 清零 无疫 流调 动态清零 外防输入 防控"),
          ("抓实疫情防控",)),
    Claim("ideology", _re("思想引领 政治 党建 党的建设 从严治党 意识形态 理论武装"),
          _re("党建(?!带) 党组 党委 党支部 党员 党史 党性 政治 三会一课 主题党日 从严治党 廉政 廉洁 意识形态 "
              "民主生活会 一岗双责 党风 习近平 总书记 二十大 十九大 全会精神 理想信念 思想建设 三审 舆情"),
          ("强化思想引领",), government=("坚持党建引领",)),
    Claim("study", _re("学习 学法 理论 素养 武装"),
          _re("学习 学法 理论 中心组 读书 研讨 讲座 集中学 干部培训 法治培训 专题培训 习近平 总书记 二十大 "
              "十九大 全会精神 主题教育 领学 核心要义"),
          ("抓好学法用法", "强化理论学习")),
    Claim("economy", _re("经济 发展大局 项目 营商 招商 产业 建功 发展动能"),
          _re("经济 财政 收入 投资 项目 招商 招引 企业 产业 营收 税收 消费 旅游 文旅 创业 就业 增收 "
              "电商 直播 技能 职业农民 人才培训 贷款 营商 市场主体 助企 亩均 园区 土地"),
          ("服务发展大局",), government=("推动经济发展",)),
    Claim("community", _re("社区 基层治理 城市建设"),
          _re("社区建设 社区治理 现代社区 小区 网格 老旧 物业 人居 城市更新 环境整治"),
          ("推进社区建设",)),
    Claim("disputes", _re("矛盾 纠纷 化解 调解 信访 和谐稳定"),
          _re("矛盾 纠纷 调解 信访 诉求 化解 排查化解 上访"),
          ("化解矛盾纠纷",)),
    Claim("rights", _re("维权 权益 守护 妇儿"),
          _re("维权 权益(?!保障法) 权利 家暴 家庭暴力 法律援助 侵害 保护令 告诫书 投诉 纠纷 调解 信访"),
          ("维护妇女儿童权益",), government=("维护群众合法权益",)),
    Claim("care", _re("关爱 困难 温暖 帮扶 救助 慰问"),
          _re("关爱 帮扶 慰问 救助 资助 困难 困境 留守 空巢 残疾 低保 贫困 特困 春蕾 助学 送温暖 大病 单亲"),
          ("做好关爱帮扶",)),
    Claim("livelihood", _re("民生 福祉"),
          _re("民生 就业 医疗 教育 养老 住房 社保 救助 困难 低保 帮扶 慰问 福祉 实事"),
          ("办好民生实事",)),
    Claim("volunteer", _re("志愿"), _re("志愿 公益 义务"), ("开展志愿服务",)),
    Claim("family", _re("家庭 家风 家教"), _re("家庭 家风 家教 家长 亲子 婚姻 家训"), ("注重家庭家教家风",)),
    Claim("honours", _re("典型 选树 榜样 先进"),
          _re("选树 寻访 评选 典型 榜样 先进 表彰 最美 标兵 工匠 模范"),
          ("选树先进典型",)),
    Claim("network", _re("网络 线上 新媒体 融媒体 云端"),
          _re("网络 网上 线上 微信 公众号 短视频 抖音 视频号 网站 新媒体 融媒体 QQ 微博 小程序 直播"),
          ("用好网络平台",), unlike=_re("线下 发放 面对面 集市 现场")),
    Claim("publicity", _re("宣传 宣讲 宣教"),
          _re("宣传 宣讲 讲座 讲堂 发放 推送 展播 以案释法 答疑 咨询 法律进 节目 论坛 横幅 标语 展板 "
              "进(?:村|社区|校园|学校|企业|机关|家庭|乡村|单位) 开展.{0,6}普法 "
              "普法(?:活动|知识|宣传|讲座|教育|课|进|小分队|志愿) 微信 公众号 短视频"),
          ("深化普法宣传", "做好宣传引领")),
    Claim("nodes", _re("节点 节日"),
          _re(r"节日 节期间 妇女节 三八 清明 春节 端午 中秋 国庆 重阳 元宵 宪法日 宣传周 宣传日 教育日 纪念日 "
              r"国际.{0,6}日"),
          ("聚焦重要节点",)),
    Claim("leadership", _re("组织领导 工作机制 普法机制 制度机制 压实.{0,4}责任 责任落实"),
          _re("领导小组 领导 机制 责任 制度 规划 方案 部署 工作网络 到位 统筹 协调 印发 下发 制定 出台 调度 任务 "
              "工作队 需求清单 分解 信息报送"),
          ("加强组织领导",)),
    Claim("organisation", _re("组织建设 阵地 基层基础 队伍 组织活力"),
          _re("组织建设 组织改革 换届 执委 妇联组织 妇建 妇代会 阵地 妇女之家 队伍 基层组织 服务站 示范点"),
          ("建强组织阵地",)),
)
"""Claims a subheading may make; a heading that says none of them is read by lexicon.areas alone."""

TITLES = re.compile(r"《[^》]*》")
MOST = 0.5
"""More than this share of a group's facts must show a claim for a heading to make it."""


def law_report(kind: Kind | str) -> bool:
    """In a 法治政府建设 or 普法 report all the work is the law's: its headings may say so."""
    return kind in (Kind.FAZHI, Kind.PUFA)


def shown_by(claim: Claim, text: str) -> bool:
    text = TITLES.sub("", text) if claim is not LAW else text
    return bool(claim.shown.search(text)) and not (claim.unlike and claim.unlike.search(text))


def share(claim: Claim, texts: list[str]) -> float:
    return sum(shown_by(claim, t) for t in texts) / max(1, len(texts))


def claims_of(heading: str, kind: Kind | str) -> list[Claim]:
    """The claims a heading makes (the law's only where the report is not about the law)."""
    table = CLAIMS if law_report(kind) else (LAW, *CLAIMS)
    return [c for c in table if c.said.search(heading)]


def holds(heading: str, texts: list[str], kind: Kind | str, most: float = MOST) -> bool:
    """Whether most of the facts show every claim the heading makes. A fact that shows no work of
    any kind (a result clause, a rule coming into force) neither fits a heading nor speaks against it."""
    telling = [t for t in texts if any(shown_by(c, t) for c in CLAIMS)] or texts
    return all(share(c, telling if c is not LAW else texts) > most for c in claims_of(heading, kind))


def from_facts(texts: list[str], kind: Kind | str, federation: bool = True, most: float = MOST) -> str:
    """A plain heading naming what most of the facts do (抓实疫情防控), or the two things that
    together most of them do, each two at least, in the order pasted (建强组织阵地，加强理论学习);
    "" when nothing does. `most` lower, for a group that must not run on under the heading before
    it, half of them is enough."""
    ranked = [c for c in sorted(CLAIMS, key=lambda c: -share(c, texts)) if share(c, texts) > 0]
    single = _plain(ranked[0], texts, kind, federation) if ranked and share(ranked[0], texts) > most else ""
    if single:
        return single
    best, covered = "", most
    for pair in combinations(ranked[:4], 2):
        cover = sum(any(shown_by(c, t) for c in pair) for t in texts) / len(texts)
        if cover <= covered or min(share(c, texts) for c in pair) * len(texts) < 2:
            continue
        pair = sorted(pair, key=lambda c: next(n for n, t in enumerate(texts) if shown_by(c, t)))
        halves = [_plain(c, texts, kind, federation, lenient=True) for c in pair]
        if all(halves):
            best, covered = "，".join(halves), cover
    return best


def _plain(claim: Claim, texts: list[str], kind: Kind | str, federation: bool, lenient: bool = False) -> str:
    """The claim's first plain heading whose other claims hold (加强理论学习 where the study is not of
    the law); with `lenient`, as one half of a heading, only the law is checked."""
    options = claim.plain if federation or not claim.government else claim.government
    for text in options:
        others = [c for c in claims_of(text, kind) if c is not claim]
        if all(share(c, texts) > MOST for c in others if not lenient or c is LAW):
            return text
    return ""
