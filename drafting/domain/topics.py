"""What a report's measures usually cover, finer than the themes: the parts a drafter checks the
year's facts against (“法律顾问写了吗？规范性文件审查呢？”). One table; the words of each topic
are what its subheadings and sentences say in real reports. Which topics are usual for a kind and
level is not written here: the corpus says it (plan/material/coverage.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    """How the question names it: 同类报告通常还写到“法律顾问”."""
    words: re.Pattern[str]
    theme: str
    """The work area (themes.THEMES) an answer is filed under."""


def _topic(key: str, label: str, words: str, theme: str) -> Topic:
    return Topic(key, label, re.compile("|".join(words.split())), theme)


TOPICS = [
    _topic("study", "学法用法（中心组学法、会前学法）", "中心组 会前学法 学法 法治讲座 学法考试 法律知识考试 述法",
           "study"),
    _topic("review", "规范性文件和合法性审查", "规范性文件 合法性审查 合法性审核 公平竞争审查", "mechanism"),
    _topic("counsel", "法律顾问", "法律顾问 公职律师", "mechanism"),
    _topic("duty_system", "普法责任制（责任清单）", "普法责任制 责任清单 谁执法谁普法 普法清单 普法计划", "mechanism"),
    _topic("decision", "依法决策（重大事项集体研究）", "重大决策 重大事项 集体研究 集体决策 三重一大 民主集中制",
           "mechanism"),
    _topic("openness", "政务公开", "政务公开 信息公开 党务公开", "mechanism"),
    _topic("proposals", "人大代表建议、政协委员提案办理", "代表建议 委员提案 建议提案 议案 提案办理", "mechanism"),
    _topic("festival", "重要节点普法（三八维权周、宪法宣传周等）",
           "维权周 宪法宣传周 宪法日 民法典宣传月 国际家庭日 反家暴日 消除对妇女的暴力 12·4 3·8", "publicity"),
    _topic("outreach", "普法宣讲进村进社区进校园", "进村 进社区 进校园 进农家 进家庭 进企业 宣讲 巡讲 法治讲座",
           "publicity"),
    _topic("media", "新媒体普法（公众号、短视频）", "公众号 短视频 微信 抖音 网络 线上 直播 推文 新媒体", "media"),
    _topic("team", "普法队伍和志愿者", "志愿者 讲师团 普法队伍 法律明白人 执委 骨干培训 宣讲团", "team"),
    _topic("family", "家庭教育和家风建设", "家庭教育 家风 家教 最美家庭 家长学校", "family"),
    _topic("disputes", "婚姻家庭矛盾纠纷排查化解", "矛盾纠纷 排查 化解 (?<!协)调解", "rights"),
    _topic("petitions", "信访接待和12338热线", "信访 来信来访 接访 12338 热线", "rights"),
    _topic("violence", "反家庭暴力（告诫书、人身安全保护令）", "家暴 家庭暴力 保护令 告诫书", "rights"),
    _topic("legal_aid", "法律援助和维权服务", "法律援助 法律咨询 维权服务 维权站 维权岗", "rights"),
    _topic("care", "关爱帮扶困难妇女儿童", "慰问 救助 帮扶 两癌 困境儿童 留守儿童 春蕾", "care"),
    _topic("planning", "妇女儿童发展规划实施", "发展规划 两纲 规划实施 儿童友好", "planning"),
]
TOPIC = {t.key: t for t in TOPICS}


def topics_in(text: str) -> set[str]:
    """The topics a text names."""
    return {t.key for t in TOPICS if t.words.search(text)}
