"""Where the draft's words meet the user's facts, the sentence holds: a fact joined into a sentence
that has said who and when does not say them again, a stock phrase does not repeat the fact's, a
means clause does not wait for a verb that never comes, and a pasted sentence cut short is said to
the user; a joined fact keeps the connective it needs (同时, 通过, 会上, 会议要求) and a marker never
splits a list. Sentences from the reviews' real-report drafts (evals/heldout 101, 102, 103, 106, 107,
108, 110, 111, 114 and evals/realset 001, 002, 010, 020, 026); figures always kept."""

from __future__ import annotations

from drafting.domain.meta import build_meta
from drafting.domain.types import Draft, DraftMeta, Section, strip_markers
from drafting.engine import draft_report
from evals.realset import fact_units


def _draft(org: str, year: int, kind: str, facts: str, seed_index, when: str = ""):
    meta = build_meta(org, year, kind, when=when or f"{year + 1}-02-20")
    return draft_report(meta, facts, index=seed_index)


def _preamble(draft) -> str:
    return next(s.text for s in draft.sections if s.role == "preamble")


def _text(draft) -> str:
    return "\n".join(s.text for s in draft.sections)


def test_the_preamble_takes_a_guiding_fact_without_its_own_subject(seed_index):
    facts = ("切实履行妇联基本职能,不断强化工作措施,着力推动法治政府建设全面提质提效\n"
             "1、县妇联高度重视依法治理和普法工作。\n"
             "认真组织机关干部集中学习、参加全县公务员法律知识考试")
    draft = _draft("南华县妇女联合会", 2023, "fazhi", facts, seed_index)
    preamble = _preamble(draft)
    assert "【F1】，高度重视依法治理和普法工作【F2】" in preamble
    assert all(sentence.count("县妇联") <= 1 for sentence in preamble.split("。")), preamble


def test_the_preamble_does_not_say_the_facts_verb_again(seed_index):
    facts = ("紧紧围绕天津市法治政府建设综合示范区创建目标,扎实推进依法行政\n"
             "坚持集体讨论决策制度,区政府常务会议审议并通过《静海区2024年度法治政府建设情况报告》")
    draft = _draft("天津市静海区人民政府", 2024, "fazhi", facts, seed_index)
    preamble = _preamble(draft)
    assert "扎实推进依法行政【F1】" in preamble and preamble.count("扎实推进") == 1, preamble


def test_a_plan_does_not_name_the_organisation_again_inside_the_list(seed_index):
    draft = _draft("头铺镇人民政府", 2024, "pufa", "组织开展普法志愿服务活动\n"
                   "头铺镇将继续加强普法宣传教育,不断提升辖区群众的法治素养", seed_index)
    plans = next(s.text for s in draft.sections if s.role == "plans")
    assert "继续加强普法宣传教育，不断提升辖区群众的法治素养【F2】" in plans
    assert "是头铺镇将" not in plans


def test_a_means_clause_after_its_work_names_what_was_done(seed_index):
    facts = ("今年我镇紧紧围绕“常态化扫黑除恶、反走私反偷渡、禁毒”等主题开展一系列的法制宣传活动\n"
             " 通过举办法治讲座4次、挂宣传横幅12条、宣传海报35张、发放小册子2000余册")
    draft = _draft("下洋镇人民政府", 2023, "fazhi", facts, seed_index)
    text = _text(draft)
    assert "法制宣传活动【F1】，举办法治讲座4次【F2】" in text and "2000余册【F2】" in text
    assert "，通过举办" not in text


def test_a_fact_that_opens_with_its_year_is_a_sentence_of_its_own(seed_index):
    facts = ("深入(村)社区开展普法讲座、答疑解惑等法治宣传教育活动，\n"
             "2023年,巧家县妇联在13个乡镇(街道)17个村(社区)组织开展“建设法治巧家·巾帼在行动”巡回宣讲活动")
    draft = _draft("巧家县妇女联合会", 2023, "pufa", facts, seed_index)
    text = _text(draft)
    assert "【F1】，2023年" not in text
    assert "活动【F1】；在13个乡镇（街道）17个村（社区）组织开展" in text, "no marker between a name and its bracket"
    assert "巡回宣讲活动【F2】" in text


def test_a_framing_line_stays_in_the_preamble_not_glued_to_the_figures_after_it(seed_index):
    draft = _draft("白杨街道办事处", 2022, "zongjie", "团结依靠广大党员群众,扎实推进各项工作,着力打造“美好白杨家”\n"
                   "累计排查居民17.34万人,管控5.79万人,集中隔离1.07万人；", seed_index)
    units = fact_units(draft)
    assert units["F1"].role == "preamble" and units["F2"].role == "measures"
    assert "【F1】，累计排查" not in _text(draft)


def test_a_sentence_cut_after_its_means_is_said_to_the_user(seed_index):
    facts = ("成立由镇政法单位、镇村法律顾问、法治副校长、乡村建设服务公司等组成的普法宣传服务小分队,"
             "采用“讲台+汇演”的方式\n建立镇村两级普法宣传教育微信群")
    draft = _draft("正阳镇人民政府", 2023, "pufa", facts, seed_index)
    assert "停在“……的方式”" in draft.fact("F1").note
    assert "停在" not in draft.fact("F2").note


def test_a_purpose_clause_follows_the_work_it_serves(seed_index):
    facts = ("开展会前学法11次\n始终将强化领导干部法治意识作为一项基础性工作来抓\n"
             "通过专题学法、学习分享会和集中庭审旁听,组织学习中央依法治国委员会会议精神\n"
             "切实提高领导干部法律素质和依法行政能力")
    text = _text(_draft("坡子街街道办事处", 2022, "fazhi", facts, seed_index))
    assert "会议精神【F3】，切实提高领导干部法律素质和依法行政能力【F4】" in text
    assert text.index("【F2】") < text.index("【F3】"), "the framing still leads its group"


def test_a_marker_never_splits_a_name_from_its_bracketed_part(seed_index):
    facts = "全市4个村有望被命名为第九批“全国民主法治示范村（社区）”\n创建示范村（社区）2个，开展活动5场"
    text = _text(_draft("长治市司法局", 2022, "zongjie", facts, seed_index))
    assert "示范村【F" not in text and "示范村（社区）”【F1】" in text
    assert "示范村（社区）2个【F2】" in text


def test_a_means_clause_that_says_what_it_did_keeps_its_tongguo(seed_index):
    facts = ("立足法治建设统筹协调职能,主动担当作为,扎实推动法治建设各项工作有序开展\n"
             "通过党组理论学习中心组(扩大)专题学习、机关支部党员大会、科室政治理论学习等方式在全局掀起学习热潮。")
    text = _text(_draft("重庆市长寿区司法局", 2022, "fazhi", facts, seed_index))
    assert "通过党组理论学习中心组（扩大）专题学习" in text
    assert "，党组理论学习中心组" not in text, "the means without its 通过 leaves the sentence broken"


def test_a_fact_pasted_with_tongshi_keeps_it_and_the_federation_among_its_subjects(seed_index):
    facts = ("疫情期间,镇妇联认真贯彻落实习近平总书记重要讲话精神,积极行动\n"
             "同时镇妇联团委和镇组织办联合发布招募令,号召广大巾帼志愿者参与到疫情防控工作中。")
    meta = build_meta("xx镇妇女联合会", 2021, "zongjie", when="2021-07-10", period="half", short_name="镇妇联")
    text = _text(draft_report(meta, facts, index=seed_index))
    assert "积极行动。同时镇妇联团委和镇组织办联合发布招募令" in strip_markers(text), "the lead is a sentence"
    assert "，团委和镇组织办" not in text, "团委 must not become the subject of the federation's work"


def test_what_was_said_at_a_meeting_reads_as_the_meeting_said_it(seed_index):
    facts = ("在镇直机关范围内开展了主题鲜明的“国策四法两纲”集中宣传活动\n"
             "2、镇长董鹏带领与会人员共同学习了“国策四法两纲”的核心内容\n"
             "镇直各部门干部要带头学法守法用法,在工作之余深入学习领会相关法律知识")
    text = _text(_draft("青疃镇妇女联合会", 2025, "pufa", facts, seed_index))
    assert "【F1】，会上，镇长董鹏带领与会人员" in text, text
    assert "【F2】，会议要求，镇直各部门干部要带头学法守法用法" in text, "a requirement is not work done"


def test_a_result_with_no_subject_goes_on_from_the_work_it_came_of(seed_index):
    facts = ("“六个一”活动深化主题教育、检视整改助企纾困等工作做法5次被省委主题教育办肯定推广\n"
             "得到主题教育中央第七指导组的充分肯定\n"
             "出台《2023年度法治政府建设工作清单》《2023年度法治政府建设考评办法》\n"
             "为我市成功入围全国法治政府建设示范创建城市贡献了市场监管力量")
    text = _text(_draft("广东省市场监督管理局", 2023, "fazhi", facts, seed_index))
    assert "【F1】，得到主题教育中央第七指导组的充分肯定【F2】" in text, text
    assert "【F3】，为我市成功入围" in text, text


def test_one_marker_after_a_list_the_figure_stands_in(seed_index):
    facts = ("选树上报3名乡村巾帼工匠、女高管\n全市司法行政系统共有7个集体、7名同志获得省部级以上表彰\n"
             "完成北银、裕园2个老旧小区改造并推进华顺公寓、东海未名园等3个老旧小区改造")
    draft = _draft("周矶街道妇女联合会", 2023, "zongjie", facts, seed_index)
    text = _text(draft)
    assert "3名乡村巾帼工匠、女高管【F1】" in text and "工匠【F1】、" not in text
    assert "7个集体、7名同志获得省部级以上表彰【F2】" in text
    assert "推进华顺公寓、东海未名园等3个老旧小区改造【F3】" in text and "华顺公寓【F3】" not in text
    flags = [f for s in draft.sections for f in s.flags]
    assert not [f for f in flags if "来源标记" in str(f)], flags


def test_a_framing_of_several_facts_is_a_sentence_of_its_own_that_pushes_once(seed_index):
    facts = ("切实履行妇联基本职能,不断强化工作措施,着力推动法治政府建设全面提质提效\n"
             "1、县妇联高度重视依法治理和普法工作。\n"
             "认真组织机关干部集中学习、参加全县公务员法律知识考试")
    preamble = _preamble(_draft("南华县妇女联合会", 2023, "fazhi", facts, seed_index))
    framing = next(s for s in preamble.split("。") if "【F1】" in s)
    assert framing.startswith("县妇联切实履行妇联基本职能") and "【F2】" in framing, preamble
    assert sum(preamble.count(verb) for verb in ("推进", "推动")) == 1, preamble


def test_a_framing_lead_is_a_sentence_of_its_own_before_the_work_it_leads(seed_index):
    """始终将…作为一项基础性工作来抓 leads the 学法 work after it: the reader sees a lead closed with 。,
    not the first of the items joined by ； (the sixth reading's 011)."""
    facts = ("开展会前学法11次\n始终将强化领导干部法治意识作为一项基础性工作来抓\n组织干部旁听庭审2次\n"
             "组织机关干部参加学法考试，参考率100%")
    text = _text(_draft("青川县妇女联合会", 2024, "fazhi", facts, seed_index))
    assert "作为一项基础性工作来抓。开展会前学法11次；组织干部旁听庭审2次" in strip_markers(text), text


def test_what_the_study_achieved_is_said_after_the_study_not_before_it(seed_index):
    """准确把握…核心要义，进一步压紧压实…责任 is what the study before it achieved: written on after it,
    not moved to the front as the lead of the study (the sixth reading's 106)."""
    facts = ("将学习习近平法治思想列为党组理论学习中心组年度重点学习内容\n"
             "专题学习习近平法治思想和党的二十大报告中关于法治建设的重要内容\n"
             "准确把握习近平法治思想“十一个坚持”的核心要义,进一步压紧压实法治政府建设责任")
    text = strip_markers(_text(_draft("广东省市场监督管理局", 2023, "fazhi", facts, seed_index)))
    assert "重要内容，准确把握习近平法治思想" in text, text


def test_a_figure_inside_the_phrase_of_the_one_before_shares_its_marker_and_no_word_is_written_twice():
    """31名执委组建4个“帮帮团”: the 31名's phrase runs on past 4个“帮帮团”; one marker after it covers both
    figures, and the quoted name is written once (the draft of seed 000 had “帮帮团”【F9】【F9】“帮帮团”)."""
    from drafting.domain.facts import parse_facts
    from drafting.review.accuracy import markers
    from drafting.write.items import fact_clause

    fact = parse_facts("2023年度，市妇联31名执委组建4个“帮帮团”，领办56件民生实事。")[0]
    clause = fact_clause(fact)
    assert clause == "2023年度，市妇联31名执委组建4个“帮帮团”【F1】，领办56件民生实事【F1】"
    draft = Draft(DraftMeta(org="万源市妇女联合会", year=2023, report_type="fazhi"), [fact],
                  [Section("s1", "measures", "主要举措和成效", clause + "。")])
    assert markers(draft).passed, "every figure still has its marker before the clause ends"
