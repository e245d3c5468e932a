"""A subheading says what the facts under it are about and nothing more: "创新普法形式" over ordinary
lectures claims 创新, "提升基层治理水平" over a 公众号 review claims 基层治理, "加强组织领导" over ten
epidemic facts (one of which says 保障) claims 组织领导 — the review's pattern 3 (evals/realset 025,
evals/heldout 108, 110, 113). With no heading that fits, a lone group of work stands without one."""

from __future__ import annotations

import re

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.write.heading_claims import from_facts, holds
from lexicon.areas import claims_only_named
from lexicon.roles import Kind

LECTURES = ["深入(村)社区开展普法讲座、答疑解惑等法治宣传教育活动",
            "在13个乡镇(街道)17个村(社区)组织开展“建设法治巧家·巾帼在行动”巡回宣讲活动",
            "发放宣传折页6000余张、围裙3000条、环保袋5000个,受益群众2000余人"]


def test_a_heading_claims_no_area_its_facts_do_not_name():
    assert not claims_only_named("创新普法形式，增强普法吸引力", LECTURES)
    assert claims_only_named("深化普法宣传", LECTURES)
    review = ["执行信息“三审”制度,规范“健康青阳”微信公众号和网络工作群管理"]
    assert not claims_only_named("推进平安法治建设，提升基层治理水平", review)


def test_one_word_among_many_facts_does_not_make_their_theme():
    epidemic = ["累计开展各类重点人员数据核查超17万人次", "动态设置便民核酸检测点111个", "累计核酸检测约821万人次",
                "累计完成加强针近10万剂次", "连续6轮全员核酸检测", "做好1250名管控人员的服务保障"]
    assert not claims_only_named("加强组织领导", epidemic)


XIASHA = """始终围绕“高水平打造钱塘门户•星城客厅,加快建设共同富裕先行地时代样板”的奋斗目标,努力推进经济社会高质量发展
上半年,累计开展各类重点人员数据核查超17万人次,占全区36%；
围绕“无疫单元”创建,在辖区内动态设置便民核酸检测点111个,改造移动核酸检测方舱18处
积极组织发动全民接种,累计完成加强针近10万剂次,老年人接种逾万人
快速组建街道、公安以及社区党员、志愿者等1800余名战时力量,连续6轮全员核酸检测
做好1250名管控人员的服务保障,14天内实现疫情风险零扩散。"""


def test_epidemic_work_is_not_headed_as_organising_work(seed_index):
    draft = draft_report(build_meta("下沙街道办事处", 2022, "zongjie", period="half", when="2022-07-10"), XIASHA,
                         index=seed_index)
    measures = next(s for s in draft.sections if s.role == "measures")
    assert "组织领导" not in measures.text
    assert all(f"【F{n}】" in measures.text for n in range(2, 7))
    preamble = next(s for s in draft.sections if s.role == "preamble")
    assert "【F1】" in preamble.text, "the framing line opens the report"


def test_ordinary_lectures_are_not_headed_as_innovation(seed_index):
    facts = "\n".join(["定制妇女群众喜欢的普法围裙、普法宣传袋等作为普法宣传品", *LECTURES])
    draft = draft_report(build_meta("巧家县妇女联合会", 2023, "pufa", when="2024-02-20"), facts, index=seed_index)
    assert "创新" not in "\n".join(s.text for s in draft.sections if s.role == "measures")


def test_a_governments_aim_of_lawful_administration_claims_nothing():
    """依法行政能力 and 履行职能 are what every government body says of any work: a heading with them
    over study items or a 营商环境 survey claims no more than 学法 or 营商环境."""
    study = ["建立乡村干部会前学法制度,制定年度学法计划", "组织学习《民法典》《信访工作条例》等法律法规5次"]
    assert claims_only_named("抓好学法用法，提升依法行政能力", study)
    survey = ["深入开展“打造市场化法治化国际化营商环境”等13个重点课题调研,形成调研成果30多项、政策措施16项"]
    assert claims_only_named("依法全面履行职能，持续优化营商环境", survey)


# -- a heading claims only what most of its facts show (review round 5, patterns 2 and 3) ------------

SUB = re.compile(r"（[一二三四五六七八九十]+）([^。]*)。")


def _subheadings(org: str, year: int, kind: str, facts: list[str], seed_index, **meta) -> list[str]:
    draft = draft_report(build_meta(org, year, kind, **meta), "\n".join(facts), index=seed_index)
    return [h for s in draft.sections if s.role == "measures" for h in SUB.findall(s.text)]


def test_a_town_federations_half_year_publicity_is_not_headed_as_the_law(seed_index):
    """A town federation's half-year summary about 三八, 清明 and 防灾减灾 publicity: its heading says
    宣传/引领, never 法治 or 普法 — one of the five events named the law, the rest did not."""
    facts = ["在广大妇女和家庭中深入开展理想信念和“中国梦”宣传教育",
             "3月8日,开展庆祝“三八”国际妇女节系列活动,为一线女职工送上鲜花",
             "4月2日,开展“文明祭祀绿色清明”宣传活动",
             "4月15日,开展“平安同行”国家安全教育日宣传活动,讲解法治知识",
             "5月12日,开展防灾减灾主题日宣传教育活动"]
    headings = _subheadings("新江镇妇女联合会", 2022, "zongjie", facts, seed_index, period="half", when="2022-07-05")
    assert headings, "five publicity events under one work summary get a heading"
    assert not any(re.search("法治|普法|依法|法律", h) for h in headings), headings


def test_skills_training_for_village_women_is_not_headed_as_online_law_publicity(seed_index):
    """电商 and 短视频直播 courses are skills training: a 乡妇联's work summary heads them by the
    work they serve (服务发展大局), never 用好网络平台，增强普法实效."""
    facts = ["县妇联联合县人社局举办农村妇女电商人才培训班,我乡5名女性参加培训",
             "开展短视频+直播带货技能培训,我乡有8名妇女完成培训",
             "组织全乡妇女干部学习习近平总书记关于妇女工作的重要论述",
             "开展“最美家庭”寻访活动,评选最美家庭6户"]
    headings = _subheadings("石门乡妇女联合会", 2022, "zongjie", facts, seed_index, when="2023-01-10")
    assert not any(re.search("普法|法治|网络平台", h) for h in headings), headings


def test_volunteering_and_a_walk_are_not_headed_as_care_for_people_in_hardship(seed_index):
    """Cleaning up the village with volunteers and a 三八 walk are not help for 困难群体: the heading
    over them does not claim it."""
    facts = ["组织开展党的二十大精神学习读书会等学习活动8次",
             "组织辖区15支巾帼志愿服务队开展“清洁家园”志愿服务",
             "组织辖区妇女参与庆“三八”公益健步走活动",
             "开展“美丽庭院”志愿服务活动3次"]
    headings = _subheadings("东湖街道妇女联合会", 2023, "zongjie", facts, seed_index, when="2024-01-08")
    assert not any("困难" in h or "关爱" in h for h in headings), headings


def test_a_street_offices_epidemic_work_is_headed_as_epidemic_work(seed_index):
    """A street office's annual summary: 排查, 核酸 and 疫苗 are epidemic work, not 矛盾纠纷; the
    heading is drawn from them, and the economy keeps its own."""
    facts = ["累计排查居民12.5万人,集中隔离8000人；",
             "组织常态化核酸检测,投放30个核酸采样屋",
             "扎实推进疫苗接种,60岁以上老人全程接种率达90.1%",
             "全年街道实现财政总收入10.2亿元,同比增长12.5%",
             "街道领导带队招商40次,新引进企业30家"]
    headings = _subheadings("江滨街道办事处", 2022, "zongjie", facts, seed_index, when="2023-01-10")
    assert not any(re.search("矛盾|纠纷|法治|依法", h) for h in headings), headings
    assert any("疫情" in h for h in headings), headings


def test_a_bureaus_political_work_is_not_headed_as_studying_the_law(seed_index):
    """A 司法局's general work summary: 党组会议, 中心组 and 三会一课 are 党建 — not 学法用法."""
    facts = ["充分发挥党组把方向、管大局、保落实的领导作用,召开党组会议30次",
             "组织党组理论学习中心组学习会议15次",
             "持续开展党史学习教育,学习贯彻习近平总书记重要讲话精神",
             "严肃党内政治生活,落实“三会一课”制度"]
    headings = _subheadings("江州市司法局", 2022, "zongjie", facts, seed_index, when="2023-02-10")
    assert not any(re.search("学法|法治|普法", h) for h in headings), headings


def test_claims_of_stock_headings_need_most_of_their_facts():
    """The table behind the choice: a heading's claim holds when most facts show it; the law is
    claimed freely only in a report about the law."""
    publicity = ["3月8日,开展庆祝“三八”妇女节活动", "4月3日,开展清明节文明祭祀宣传活动", "开展防灾减灾宣传教育活动"]
    assert not holds("开展主题宣传，弘扬法治精神", publicity, Kind.ZONGJIE)
    assert holds("开展主题宣传，弘扬时代新风", publicity, Kind.ZONGJIE)
    assert holds("广泛开展普法宣传，营造浓厚法治氛围", publicity, Kind.PUFA)
    leaflets = ["“线上”利用微信公众号推送普法案例", "“线下”深入超市、公园发放法律知识宣传单"]
    assert not holds("用好网络平台，增强普法实效", leaflets, Kind.PUFA), "leaflets are no online channel"
    organising = ["成立普法领导小组", "印发《妇联系统法制宣传教育五年规划》", "建立市、镇、村三级普法维权工作网络"]
    assert not holds("加大普法宣传力度，营造良好法治环境", organising, Kind.PUFA)
    assert from_facts(organising, Kind.PUFA) == "加强组织领导"
    assert from_facts(["组织常态化核酸检测", "推进疫苗接种", "召开现代社区建设动员会", "完成2个老旧小区改造"],
                      Kind.ZONGJIE, federation=False) == "抓实疫情防控，推进社区建设"


def test_two_headings_of_one_section_do_not_say_the_same_half(seed_index):
    """注重家庭家教家风，涵养文明新风 then 开展巾帼志愿服务，弘扬文明新风 says 文明新风 twice: the second
    heading is one that says something else (the sixth reading's 001)."""
    from drafting.domain.meta import build_meta
    from drafting.engine import draft_report

    facts = ("2023年,寻访最美家庭9户、选树平安家庭2户\n组织开展家庭教育讲座5场\n"
             "组织辖区23支巾帼志愿服务队开展“清洁家园共创文明”志愿服务\n组织辖区妇女参与庆“三八”公益健步走活动")
    draft = draft_report(build_meta("周矶街道妇女联合会", 2023, "zongjie", when="2024-01-10"), facts, index=seed_index)
    heads = [line.split("。")[0] for s in draft.sections for line in s.text.split("\n") if line.startswith("（")]
    halves = [h[3:].split("，")[-1][-4:] for h in heads if "，" in h]
    assert len(heads) >= 2 and len(halves) == len(set(halves)), heads


def test_a_volunteers_heading_is_kept_when_only_a_word_of_its_half_was_said(seed_index):
    """…弘扬时代新风 then …弘扬文明新风 are two things: the volunteering keeps its own heading instead of
    one drawn from two of its facts (抓实疫情防控 over 国际家庭日 volunteering: the eighth reading's 002)."""
    from drafting.engine import draft_report
    from drafting.shell.services import load_case, meta_from_case
    from evals.realset import REALSET

    case = load_case(REALSET / "cases" / "002_xiangzhen_fulian_2021_half.yaml")
    draft = draft_report(meta_from_case(case), "\n".join(case["facts"]), index=seed_index)
    measures = next(s for s in draft.sections if s.role == "measures").text
    line = next(x for x in measures.split("\n") if "【F8】" in x)
    assert "疫情" not in line.split("。")[0], line[:40]
