"""The words that tell what a clause of a news item is: its time, its subject, what was done, and
what a drafter leaves out (purpose, praise, quotes, plans, slogans). One table each; the extractor
only combines them."""

from __future__ import annotations

import re

from lexicon.cues import FUTURE_LEAD, PLANNED_ANYWHERE, WILL_DO_LEAD
from lexicon.levels import ANY_UNIT

DAY = r"\d{1,2}月(?:\d{1,2}日)?(?:至(?:\d{1,2}月)?\d{1,2}日)?"
TIME = re.compile(
    rf"^(?P<year>\d{{4}}年)?(?P<keep>{DAY}(?:以来|底|初|中旬|下旬|份|期间)?|截至(?:\d{{4}}年)?{DAY}底?"
    r"|今年以来|年初以来|上半年|下半年|全年|今年|\d{4}年以来)?"
    r"(?P<drop>上午|下午|晚上|晚|前夕|当天|当日|近日|日前|近期|目前|截至目前)?[，,]?")
"""A time at the start of a clause: `keep` is what the candidate says (3月8日, 上半年), `year`
and `drop` are left out (2024年, 上午, 近日)."""
PERIOD_WORDS = ("上半年", "全年", "今年以来", "年初以来")
"""What a round-up's figures count over, put before a candidate taken from it that names no time."""
SUBJECT = re.compile(rf"^(?P<place>[\u4e00-\u9fff]{{0,10}}?{ANY_UNIT})?(?:妇女联合会|妇联)|^我会")
"""The organisation as subject: the fact is the organisation's, so the drafter leaves it out."""
TAG = re.compile(r"^【[^】]{1,12}】")
"""A column label before a post: 【妇联动态】, 【巾帼普法】."""
LEAD_WORDS = re.compile(r"^(?:同时|此外|另外|活动中|活动现场|现场|会上|会议上|期间|随后|据统计|据悉"
                        r"|经统计|目前|还)[，,]?")
ACTIONS = re.compile(
    "开展|举办|召开|组织|举行|联合|邀请|走访|慰问|发放|签订|签署|聘请|建立|成立|新建|建成|排查|化解|调解|协助|办理|"
    "承办|推送|开设|开通|培训|表彰|发布|评选|推荐|启动|印发|制定|出台|审查|清理|接听|接待|受理|设立|设置|打造|实施|"
    "完成|走进|深入|宣讲|讲授|授课|捐赠|资助|救助|申请|检查|筛查|签发|录制|拍摄|制作|编印|评估|监测|参加|参与|出席|"
    "作出|提供|帮助|联系|链接|赠送|送去|送上|对接|选派|摸排|招募|共建|学习|辅导|宣传|解答")
"""What was done: a clause or sentence without a figure is kept only when it says one of these."""
LEFT_OUT = [
    re.compile(r"^(?:为了|为(?:进一步|深入|切实|推动|推进|做好|加强|全面|更好|营造|提高|提升|增强|确保|促进|让|使|"
               r"贯彻|落实|庆祝|纪念|迎接|丰富|弘扬|引导|充分)|旨在|以(?![^，]*“)[^，]{1,30}为(?:契机|抓手|主题|载体|切入点|重点|目标|指导|引领)"
               r"|正值|恰逢|值此|按照|根据|坚持|紧紧围绕|深入学习贯彻|认真贯彻落实)"),
    re.compile(r"^在[^，]{1,40}(?:之际|领导下|指导下|关心下|支持下)$"),
    re.compile(r"^(?:进一步|有效|切实|充分|不断|大力|全面)?(?:增强|提升|提高|营造|促进|推动了|确保|助力|激发|彰显|展现|"
               r"赢得|受到|得到|取得|获得了)"),
    re.compile(r"(?:意识|氛围|好评|效果|成效|欢迎|称赞|肯定|满意|心坎上|心坎里|实用|帮助)$"),
    re.compile(r"表示|强调|指出|认为|希望|要求|纷纷|说$|^据.{0,6}介绍"),
    re.compile(r"团结引领|凝心聚力|建功新时代|巾帼力量|巾帼担当|各项工作$|各项任务$"),
    re.compile(r"^围绕[^，]{0,24}(?:工作|中心|大局|部署|目标|任务)$|^(?:这|此)(?:已|是|也是)"),
]
"""Purpose and background, praise and effect, what people said, slogans: not facts. (以“美丽庭院”创建
为抓手 stays: the quoted name says what the work was.)"""
PLAN = re.compile("|".join(p.pattern for p in (FUTURE_LEAD, WILL_DO_LEAD, PLANNED_ANYWHERE)))
"""A plan, as the fact reader sees one (lexicon.cues)."""
NOT_A_FACT = [
    re.compile(r"^现将.{0,20}如下"),
    re.compile(r"^(?:下一步|下步|今后|接下来)"),
    PLAN,
]
"""Sentences a drafter never takes: the item's own framing and its plans."""
ITEM_LEAD = re.compile(r"^([一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d))")
"""A counter at the start of a sentence: 一是 / （一） / 1. — a new point of a round-up begins."""
SHORT_HEADING = 18
"""A counted sentence this short without a figure is the point's heading (一是加强学法用法。)."""


def left_out(clause: str) -> bool:
    return any(p.search(clause) for p in LEFT_OUT)


def not_a_fact(sentence: str) -> bool:
    return any(p.search(sentence) for p in NOT_A_FACT)
