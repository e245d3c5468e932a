"""A run of pasted facts is filed as a drafter reads it, top to bottom (the fourth review's pattern 1):
a fact whose area is unclear stays between the facts pasted around it, the first fact of a theme
goes with the facts after it, one sentence the paste parted at its ； stays in one subsection, and a
title's words do not decide what a fact is about. Sentences from evals/realset 001 and 011 and
evals/heldout 102 and 109 (the reviewer's cases)."""

from __future__ import annotations

from drafting.domain.facets import facet
from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from drafting.plan.placement import unnamed
from evals.realset import fact_units


def _units(org: str, year: int, kind: str, facts: str, seed_index):
    draft = draft_report(build_meta(org, year, kind, when=f"{year + 1}-02-20"), facts, index=seed_index)
    return fact_units(draft)


ZHOUJI = """组织开展党的二十大学习读书会、党史学习教育、“强党性修养 树清廉家风”主题学习等学习活动10余次
3、组织开展新领域新业态女性代表、最美家庭寻访活动
选树上报3名乡村巾帼工匠、女高管
2023年,寻访最美家庭9户、选树平安家庭2户
组织辖区23支巾帼志愿服务队开展“清洁家园共创文明”志愿服务"""


def test_a_fact_whose_area_is_unclear_stays_with_the_facts_pasted_around_it(seed_index):
    """选树上报3名乡村巾帼工匠 names no area of its own: it is the 寻访 work's result, not 思想引领."""
    units = _units("周矶街道妇女联合会", 2023, "zongjie", ZHOUJI, seed_index)
    assert units["F3"].key == units["F2"].key == units["F4"].key
    assert units["F1"].key != units["F3"].key


POZIJIE = """党政主要负责人严格履行推进法治建设第一责任人职责,就推进街道法治政府建设年度重点工作组织召开专题会议
不断完善党工委统一领导、人大、政协监督、各部门协同落实、全社会共同参与的工作机制
深入学习宣传贯彻习近平法治思想,坚持学习贯彻习近平总书记重要讲话精神
认真传达学习贯彻党的二十大精神、党的十九届六中二十届一中全会精神
5、今年来,街道主要领导亲自部署意识形态工作,组织开展中心组理论学习扩大会议10次"""


def test_the_first_fact_of_a_theme_goes_with_the_facts_after_it(seed_index):
    """深入学习宣传贯彻习近平法治思想 opens the study block; it is not left under 组织领导."""
    units = _units("长沙市天心区坡子街街道办事处", 2022, "fazhi", POZIJIE, seed_index)
    assert units["F3"].key == units["F4"].key == units["F5"].key
    assert units["F1"].key == units["F2"].key != units["F3"].key


JINGHAI = """严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》,坚持高位推动法治政府建设工作
通过区政府常务会议、区政府党组会议等形式,深入学习贯彻习近平法治思想、党中央关于全面依法治国重大决策部署。
坚持集体讨论决策制度,区政府常务会议审议并通过《静海区2024年度法治政府建设情况报告》
研究部署法治政府建设事项
组织区政府班子成员,各乡镇、街道主要负责同志参加行政案件旁听庭审活动
促进领导干部法治素养和依法行政水平的提升
区政府常务会议解读《中华人民共和国行政复议法》、《天津法院行政案件司法审查报告(2023)》；
围绕“学习贯彻安全生产法 牢固树立安全发展理念”进行专题集体学法,并结合我区案例以案说法"""


def test_one_sentence_parted_at_its_semicolon_stays_in_one_subsection(seed_index):
    """The continuation 围绕…进行专题集体学法 is not left alone under a heading without its subject."""
    units = _units("天津市静海区人民政府", 2024, "fazhi", JINGHAI, seed_index)
    assert units["F7"].key == units["F8"].key


ZHONGSHAN = "\n".join([
    "成立“七五”普法领导小组；",
    "印发《中山市妇联系统开展法制宣传教育第七个五年规划(2016-2020年)》"
    "《关于组织开展“法治我践行 巾帼建新功”妇女法治宣传教育系列活动的通知》",
    "3、建立市、镇、村三级巾帼普法维权工作网络,及时向党委政府反映妇女权益突出问题",
    "为妇女解难事办实事,实现普法维权工作目标、责任、人员、机制四个到位",
    "制作“热点面对面”“法律天地”“周五民声直播室”等电视电台节目",
    "开展“学法修身齐家,共建平安家庭”主题网上论坛。",
    "举办“法治我践行 巾帼建新功”普法大讲堂"])


def test_what_a_document_is_called_does_not_decide_what_the_work_is(seed_index):
    """Issuing a plan titled …法制宣传教育… is organising work, filed with the 领导小组 set up before it;
    a forum called “学法修身齐家…” is one of the 宣传 forms pasted around it, not 学法."""
    assert unnamed("印发《中山市妇联系统开展法制宣传教育第七个五年规划》，建立工作网络") == "印发，建立工作网络"
    assert unnamed("深入开展“打造市场化法治化国际化营商环境”等13个重点课题调研") == "深入开展等13个重点课题调研"
    assert unnamed("宣传“两癌”筛查政策") == "宣传“两癌”筛查政策"
    units = _units("中山市妇女联合会", 2020, "pufa", ZHONGSHAN, seed_index)
    assert units["F1"].key == units["F2"].key == units["F3"].key == units["F4"].key
    assert units["F5"].key == units["F6"].key == units["F7"].key != units["F4"].key


ZHENGYANG = "\n".join([
    "1、同学校、村(社区)建立普法宣传教育帮扶机制",
    "成立由镇政法单位、镇村法律顾问、法治副校长、乡村建设服务公司等组成的普法宣传服务小分队,采用“讲台+汇演”的方式",
    "建立镇村两级普法宣传教育微信群,采取“镇发布、村转发、村呼叫、镇应答”模式",
    "聚焦“三个年”活动,将普法宣传教育与优化营商环境、渡正路改扩建项目、乡村振兴、新时代文明实践活动等相结合；",
    "2023年,深入开展法律进机关、进村组、进社区、进校园、进工地、进留守家庭等",
    "通过召开院落会、职工会、留守儿童微课堂集中宣讲",
    "发放装有普法宣传彩页、普法教材、手提袋、纸杯、围裙、挂历等“普法小礼包”"])


def test_a_lead_ending_in_a_semicolon_opens_the_work_after_it_not_the_one_before(seed_index):
    """聚焦“三个年”活动，将普法宣传教育与…相结合； leads the 法律进… work pasted after it: the 普法
    facets do not leave it under the 微信群 before it."""
    units = _units("正阳镇人民政府", 2023, "pufa", ZHENGYANG, seed_index)
    assert units["F4"].key == units["F5"].key == units["F6"].key == units["F7"].key
    assert units["F3"].key != units["F4"].key


MENGDING = "\n".join([
    "县级工作队进驻挂钩村(社区)与镇、村级普法志愿者及“五类人员”合力工作",
    "对标各村(社区)的普法需求清单,齐力开展普法宣传教育工作",
    "截至目前,各级普法工作力量共联合开展普法宣传58场次、悬挂横幅46条、张贴标语65条、发放宣传资料4800余份、受教育群众52000余人",
    "清明节期间聚焦森林草原防灭火工作,组织开展森林草原防灭火宣传活动",
    "2、利用村组广播循环播放防灭火知识录音,重点宣传《中华人民共和国森林法》",
    "泼水节期间聚焦群众“舌尖上的安全”,对展销会举办方、餐饮业、酒吧、KTV等67家经营户开展食品安全知识宣传。",
    "4月10日联合县科协、各政法单位开展“法治走边关”、科普“边关行”、“4·15全民国家安全教育日”、“反电诈”等宣传活动"])


def test_a_facet_part_is_headed_by_what_its_facts_say_it_does(seed_index):
    """工作队进驻 and 普法需求清单 (with the tally that continues them) are the work of 压实普法责任, as the
    real report heads them (在压实责任上下功夫): their part is not headed by the plain 深化普法宣传."""
    units = _units("孟定镇人民政府", 2023, "pufa", MENGDING, seed_index)
    assert units["F1"].key == units["F2"].key == units["F3"].key
    assert units["F1"].title in facet("publicity", "duty").headings


def test_the_run_changes_area_only_where_the_votes_pay_for_it():
    """runs.best_run on votes as the placer gives them (a 镇妇联 工作总结: 学习 and 思想引领 are one
    subsection): a clear vote moves a fact, a weak or faint one does not, a continuation never does,
    and a fact filed in another section between two runs links nothing."""
    from drafting.domain.kinds import ZONGJIE
    from drafting.plan.placement import Placed
    from drafting.plan.runs import Step, best_run, unit_of

    def vote(weight: float, **shares: float) -> Step:
        ranked = tuple(sorted(shares.items(), key=lambda kv: -kv[1]))
        return Step(Placed(ranked[0][0], ranked[0][1], "", ranked, weight=weight))

    study, family = unit_of(ZONGJIE, "study"), unit_of(ZONGJIE, "family")
    assert unit_of(ZONGJIE, "ideology") == study
    clear = [vote(1.2, ideology=0.7, study=0.2), vote(1.1, family=0.6, ideology=0.15)]
    assert best_run(clear, ZONGJIE, "ideology") == [study, family]
    # 选树上报3名乡村巾帼工匠: an 思想引领 vote of a few alike sentences, between two 家庭 facts
    faint = [vote(1.8, family=0.5, ideology=0.1), vote(0.06, ideology=0.47, publicity=0.23), vote(1.1, family=0.6)]
    assert best_run(faint, ZONGJIE, "ideology") == [family, family, family]
    strong = [faint[0], vote(1.2, ideology=0.9, family=0.05), faint[2]]
    assert best_run(strong, ZONGJIE, "ideology") == [family, study, family]
    joined = [clear[0], Step(None, joined=True), vote(1.1, family=0.9)]
    assert best_run(joined, ZONGJIE, "ideology") == [study, study, family]
    weak = vote(0.1, ideology=0.4, family=0.35)
    assert best_run([vote(1.2, family=0.9), weak], ZONGJIE, "ideology") == [family, family]
    weak.apart = True  # a duty or a problem pasted between them: the weak vote decides alone
    assert best_run([vote(1.2, family=0.9), weak], ZONGJIE, "ideology") == [family, study]
    assert best_run([], ZONGJIE, "ideology") == []


NANCHANG = """我县事业单位分类中划入生产经营类的县属事业单位共3家
我县研究制定了《南昌县县属从事生产经营活动事业单位改革实施方案》,目前改革正在推进过程当中
将全县27个部门单位的278项行政许可事项统一划入县行政审批局"""


def test_a_fact_that_says_almost_nothing_once_its_title_is_set_aside_stays_with_its_neighbours(seed_index):
    """研究制定了《…事业单位改革实施方案》: outside its title the sentence says only that something was
    drafted, and a few corpus sentences alike in a word or two must not carry it away from the reform
    work pasted around it (evals/realset 016)."""
    units = _units("南昌县人民政府", 2019, "fazhi", NANCHANG, seed_index)
    assert units["F1"].key == units["F2"].key == units["F3"].key


ZHENGYANG_MODELS = """以镇、村文化广场为依托,因地制宜,在原有基础上融入法治元素
扎实开展农村学法用法示范户、民主法治示范村等法治示范点建设
建立镇村两级普法宣传教育微信群,采取“镇发布、村转发、村呼叫、镇应答”模式"""


def test_a_models_name_does_not_file_the_creation_under_the_work_it_names(seed_index):
    """学法用法示范户 are models to create, like 民主法治示范村: 法治示范 work beside the 法治文化 阵地,
    not 学法用法 (the fifth review's 020)."""
    units = _units("正阳镇人民政府", 2023, "pufa", ZHENGYANG_MODELS, seed_index)
    assert units["F2"].key == units["F1"].key
    assert "学法" not in units["F2"].title


QIANJIN = """部署年度依法行政工作,明确年度重要任务,推进法治政府建设各项工作
严格落实局长为建设法治政府第一责任人职责,加强组织领导力量
（4）研究法治政府建设重点工作,加强人员配备和经费保障
学习《教育法》《教师法》《未成年人保护法》《义务教育法》和《行政许可法》等法律法规。
利用单位宣传栏、微信群等,并利用“12.4”法制宣传日等活动进行集中宣传"""


def test_a_lone_fact_joins_kin_work_only_under_a_heading_that_still_says_what_it_is(seed_index):
    """学习《教育法》…等法律法规 is 学法: kin to 组织领导, but a heading of 组织领导 would not say it, so
    it stands under its own 学法 heading (the fifth review's 014)."""
    units = _units("前进区教育局", 2023, "fazhi", QIANJIN, seed_index)
    assert units["F4"].key != units["F3"].key and "学法" in units["F4"].title


ZHOUJI_TRAINING = """2023年,寻访最美家庭9户、选树平安家庭2户
我街道联合潜江市微派培训学校开办新媒体培训班,发动各村居组织30余名妇女参与培训
组织辖区23支巾帼志愿服务队开展“清洁家园共创文明”志愿服务
组织辖区妇女参与庆“三八”公益健步走活动"""


def test_women_trained_are_women_developing_not_a_team_or_a_family_item(seed_index):
    """30余名妇女参与培训 is the women's own skills (建功发展), not a 普法 team, and not 家风 work because
    the 最美家庭 search was pasted just before it (the fifth review's 001)."""
    units = _units("周矶街道妇女联合会", 2023, "zongjie", ZHOUJI_TRAINING, seed_index)
    assert units["F2"].key != units["F1"].key
    assert "家" not in units["F2"].title


DAHE = """打造“院坝课堂+流动宣讲”双普法阵地
利用农闲时段在村民院落、古树之下开展“围坐式”普法
通过案例还原、政策问答等互动形式,解读土地流转、婚姻家庭等热点法律问题28个"""


def test_how_the_work_before_was_done_stays_with_it(seed_index):
    """通过…等互动形式，解读…热点法律问题28个 tells how the 围坐式普法 went: one unit, whatever 土地流转
    or 婚姻家庭 would say on their own (evals/heldout 104)."""
    units = _units("大河乡人民政府", 2025, "fazhi", DAHE, seed_index)
    assert units["F3"].key == units["F2"].key


BAIYANG = """实现固定资产投资67.07亿元，同比增长51.8%
街道领导带队敲门招商57次,新引进企业42家,新签约重点税源企业8家
广泛开展“千名干部助千企”活动,走访重点企业300余家次,协调解决问题百余个"""


def test_helping_enterprises_is_economic_work_and_coordinating_is_no_mediation(seed_index):
    """协调解决问题百余个 holds the letters 调解 but mediates nothing: 千名干部助千企 is the economy's
    work, beside the 招商 pasted before it (the sixth reading's 114)."""
    units = _units("白杨街道办事处", 2022, "zongjie", BAIYANG, seed_index)
    assert units["F3"].key == units["F2"].key == units["F1"].key


DAHE_BRAND = """打造“院坝课堂+流动宣讲”双普法阵地
利用农闲时段在村民院落、古树之下开展“围坐式”普法
通过案例还原、政策问答等互动形式,解读土地流转、婚姻家庭等热点法律问题28个
针对青少年、老年人等特殊群体,开展“校园法治小院”“银发普法专场”活动2场"""


def test_how_the_work_was_done_is_no_new_facet_of_it(seed_index):
    """通过…等互动形式，解读…28个 tells how the 围坐式普法 went: a long run of 普法 work is split by
    facet, but never between the work and the means of it (evals/heldout 104)."""
    units = _units("大河乡人民政府", 2025, "fazhi", DAHE_BRAND, seed_index)
    assert units["F3"].key == units["F2"].key


MOUXIANG = """县妇联、县农业农村局联合举办全县新型职业农民培训女农民电商人才培训班,我乡共两名女性参与培训
2.县妇联结合当下流行的短视频+直播模式,开展了短视频+直播培训,我乡共摸底12名群众有意愿学习,现阶段已有3名群众完成培训
开展了形式多样、内容丰富的庆祝活动
一是搞好宣传工作,营适“三八”国际劳动妇女节气围,弘扬女性时代精神
乡妇联加大对马克思主义妇女观和男女平等基本国策的宣传力度"""


def test_skills_taught_to_women_are_their_development_and_a_celebration_goes_with_the_festival(seed_index):
    """短视频+直播培训 that 群众 completed is a skills training, whatever words of 新媒体 it holds; 形式多样的
    庆祝活动 is the 三八 celebration the facts after it describe, not a new 形式 of training (003)."""
    units = _units("某某乡妇女联合会", 2021, "zongjie", MOUXIANG, seed_index)
    assert units["F1"].key == units["F2"].key != units["F3"].key
    assert units["F3"].key == units["F4"].key == units["F5"].key


TONGCHENG_STUDY = """严格落实党政主要负责人推进法治建设第一责任人职责,带头尊法学法守法用法,全年组织政府班子集体学法12次
- 通过专题讲座、线上课堂、现场教学等形式,组织干部职工开展法治培训10场次,覆盖500余人次
重点学习《中华人民共和国宪法》《中华人民共和国民法典》《中华人民共和国行政处罚法》等法律法规
立足本地红色资源优势,整合革命旧址、新时代文明实践站等阵地资源"""


def test_what_a_continuation_says_counts_for_where_the_pair_goes(seed_index):
    """重点学习…等法律法规 continues the 法治培训 before it: the two go together, and what the second says
    (学法) decides it as much as the first's 讲座 and 线上课堂 — so the 红色 阵地 after them does not pull
    the study along (the sixth reading's 015)."""
    units = _units("通城镇人民政府", 2025, "fazhi", TONGCHENG_STUDY, seed_index)
    assert units["F2"].key == units["F3"].key != units["F4"].key
    assert "学法" in units["F2"].title


QIANJIN_STUDY = """（4）研究法治政府建设重点工作,加强人员配备和经费保障
以研讨和自学的方式,进行政治思想、党风廉政教育
学习《教育法》《教师法》《未成年人保护法》《义务教育法》和《行政许可法》等法律法规。"""


def test_study_by_seminar_and_self_study_is_study_with_the_laws_studied(seed_index):
    """以研讨和自学的方式进行政治思想、党风廉政教育 is the staff's 学习教育, with the laws they studied
    after it (the sixth reading's 014: the real report's 三是组织学习教育)."""
    units = _units("前进区教育局", 2023, "fazhi", QIANJIN_STUDY, seed_index)
    assert units["F2"].key == units["F3"].key != units["F1"].key


BAIYANG_COMMUNITY = """街道领导带队敲门招商57次,新引进企业42家,新签约重点税源企业8家
广泛开展“千名干部助千企”活动,走访重点企业300余家次,协调解决问题百余个
街道专题召开现代社区建设动员会
完成北银、裕园2个老旧小区改造并推进华顺公寓、东海未名园等3个老旧小区改造"""


def test_community_building_is_its_own_work_not_the_economys(seed_index):
    """现代社区建设 and 老旧小区改造 are the street office's 民生 and 社区 work: a heading of their own,
    not the tail of 招商 (the sixth reading's 114)."""
    units = _units("白杨街道办事处", 2022, "zongjie", BAIYANG_COMMUNITY, seed_index)
    assert units["F3"].key == units["F4"].key != units["F2"].key


CHANGSHUO = """全年完成财政收入12.8亿元,增长25%,完成限上服务业营收67.5亿元
以节促旅,开启“城市露营带”建设
为80位创业大学生提供担保贷款和政府贴息
成功招引元宇宙混合现实技术展演场景应用、浙江南北能源等3个亿元以上项目。
金银岛、离城等五大“文旅+康养”综合体相继开工、竣工,完成固定投资3.65亿元
完成街道园区外土地收储60亩,完成土地复垦20亩"""


def test_a_long_run_of_economic_work_is_parted_as_a_drafter_parts_it(seed_index):
    """A street office's year of economy is two items, as its real report has them: 激发主体活力
    (营收, 露营, 创业) and 项目 (招引, 综合体开工, 收储) — not one chain of nine (the sixth reading's 024)."""
    units = _units("安吉县昌硕街道办事处", 2022, "zongjie", CHANGSHUO, seed_index)
    assert units["F1"].key == units["F2"].key == units["F3"].key
    assert units["F4"].key == units["F5"].key == units["F6"].key != units["F1"].key


MENGDING_NODES = """对标各村(社区)的普法需求清单,齐力开展普法宣传教育工作
截至目前,各级普法工作力量共联合开展普法宣传58场次、悬挂横幅46条、张贴标语65条
清明节期间聚焦森林草原防灭火工作,组织开展森林草原防灭火宣传活动
2、利用村组广播循环播放防灭火知识录音,重点宣传《中华人民共和国森林法》
泼水节期间聚焦群众“舌尖上的安全”,对展销会举办方、餐饮业、酒吧、KTV等67家经营户开展食品安全知识宣传。
4月10日联合县科协、各政法单位开展“国家安全教育日”等宣传活动"""


def test_the_means_of_the_matter_before_goes_with_it_and_the_festival_part_keeps_it(seed_index):
    """利用村组广播循环播放防灭火知识录音 is how the 清明 防灭火 publicity was done: it goes on from it, and
    both open the 重要节点 part, not the 普法机制 part before them (the sixth and seventh readings' 018)."""
    units = _units("孟定镇人民政府", 2023, "pufa", MENGDING_NODES, seed_index)
    assert units["F3"].key == units["F4"].key == units["F5"].key != units["F2"].key


def test_a_governments_reform_work_is_parted_as_its_report_parts_it(seed_index):
    """A county's 放管服 year is three items, as its real report has them — 机构改革, 事业单位改革,
    行政审批 — not one （一） with nothing beside it (the sixth to eighth readings' 016)."""
    from drafting.shell.services import load_case
    from evals.realset import REALSET

    case = load_case(REALSET / "cases" / "016_nanchang_xian_2019_fazhi.yaml")
    units = _units("南昌县人民政府", 2019, "fazhi", "\n".join(case["facts"]), seed_index)
    assert units["F1"].key == units["F2"].key == units["F3"].key
    assert units["F4"].key == units["F5"].key != units["F3"].key
    assert units["F6"].key == units["F7"].key == units["F8"].key != units["F5"].key
