"""Facets of one work area: how a drafter splits a long run of 普法 work into （一）（二）（三）.

A report with many facts in one area does not list them under one heading: real 普法 reports split
them into 压实责任, 重要节点, 进村入户, 网络平台, 文化阵地, 形式创新. A group of four facts or more
is split by these facets, in the order pasted; a fact naming no facet stays with the one before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    key: str
    words: re.Pattern[str]
    headings: tuple[str, ...]


def _re(words: str) -> re.Pattern[str]:
    return re.compile("|".join(words.split()))


FACETS: dict[str, tuple[Facet, ...]] = {
    "publicity": (
        Facet("duty", _re("工作队 需求清单 责任 调度 分解 任务 下发 实施意见 工作机制 信息报送 一企业一"),
              ("压实普法责任，形成工作合力", "健全普法机制，层层传导压力")),
        Facet("nodes", _re("期间 宣传周 宣传日 维权周 教育日 节点 三八 宪法日 清明 泼水节 春节 庆祝 妇女节 "
                           "国际.{0,6}日 [0-9.·]+日"),
              ("聚焦重要节点，开展主题普法", "抓住关键节点，集中开展宣传")),
        Facet("outreach", _re("进机关 进村 进社区 进校园 进企业 进单位 进乡村 进工地 进家庭 六进 集市 田间 院落 入户 "
                              "拉家常 深入群众 走村 小礼包 线下 现场解答"),
              ("深入基层一线，推动普法进村入户", "拓展普法途径，扩大普法覆盖面")),
        Facet("media", _re("微信 公众号 线上 网络 短视频 直播 广播 推送 平台"),
              ("用好网络平台，增强普法实效", "创新宣传载体，拓展普法渠道")),
        Facet("culture", _re("阵地 文化广场 法治元素 示范村 示范户 民主法治 法治文化 漫画 基地"),
              ("建设法治文化阵地，丰富普法载体", "打造普法阵地，营造法治氛围")),
        Facet("forms", _re("形式(?!多样) 小分队 汇演 以案释法 案例 讲座 宣讲团 讲台"),
              ("创新普法形式，增强普法吸引力", "丰富宣传形式，提升普法实效")),
    ),
    "functions": (
        Facet("bodies", _re("机构改革 三定 涉改 转隶 挂牌 班子配备 机构设置 职能配置"),
              ("优化政府组织机构，稳步推进机构改革", "理顺职责关系，优化机构设置")),
        Facet("units", _re("事业单位 生产经营类 公益类"),
              ("深化事业单位改革，理顺管理体制", "稳妥推进事业单位改革")),
        Facet("approval", _re("行政审批 审批 许可 一枚印章 一网通办 减证便民 证明事项 政务服务 放管服"),
              ("推行行政审批制度改革，提升政务服务效能", "深化“放管服”改革，优化营商环境")),
    ),
    "economy": (
        Facet("vitality", _re("营收 消费 旅游 夜市 露营 流量 创业 孵化 大学生 市场主体"),
              ("激发主体活力，推动消费提质", "培育市场主体，激发发展活力")),
        Facet("projects", _re("项目 招引 开工 竣工 综合体 亩均 腾笼换鸟 收储 复垦 出清 低效"),
              ("加快项目建设，增强发展后劲", "抓实招商引资，推动项目落地")),
    ),
}
"""Facets by the theme of a group (its key in themes.THEMES)."""
SPLIT_AT = 4
"""A group of this many facts or more is split by facet."""


def facet_of(theme: str, text: str) -> str:
    """The facet a fact's words name first ('' for none)."""
    best, at = "", len(text) + 1
    for facet in FACETS.get(theme, ()):
        m = facet.words.search(text)
        if m and m.start() < at:
            best, at = facet.key, m.start()
    return best


def facet(theme: str, key: str) -> Facet | None:
    return next((f for f in FACETS.get(theme, ()) if f.key == key), None)
