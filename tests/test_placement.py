"""Facts filed and written the way a drafter would: types, placement from the corpus, themed items,
honest stock text — and the checks that catch a draft that does otherwise."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafting.domain.classify import FactKind, classify
from drafting.domain.meta import build_meta
from drafting.domain.phrases import STOCK_PHRASES
from drafting.domain.types import DraftMeta, Fact, strip_markers
from drafting.engine import draft_report
from drafting.review import run_checks
from evals.placement import case_results, seed_results, summary

META = DraftMeta(org="青川县妇女联合会", year=2024, report_type="fazhi")


@pytest.mark.parametrize("text, kind", [
    ("开展会前学法16次，年度学法考试优秀率达到100%", FactKind.ACTIVITY),
    ("获评全省维护妇女儿童权益先进集体", FactKind.HONOUR),
    ("偏远山区普法覆盖面还不够，基层调解力量薄弱", FactKind.PROBLEM),
    ("2025年计划在全县建成10个婚姻家庭纠纷调解室", FactKind.PLAN),
    ("下一步将推动建立纠纷多元化解机制", FactKind.PLAN),
    ("将法治建设纳入年度目标考核", FactKind.ACTIVITY),
    ("党组书记、主席带头讲授法治专题党课1次", FactKind.DUTY),
    ("以建设法治妇联为目标", FactKind.GUIDING),
    ("1月18日上午，看望慰问抗疫一线医护人员", FactKind.EVENT),
    ("2023年，县妇联在县委的领导下", FactKind.FRAGMENT),
    ("普法宣传", FactKind.FRAGMENT),
])
def test_each_fact_is_typed_the_way_a_drafter_reads_it(text, kind):
    assert classify(Fact("F1", text), META) == kind


def test_placement_is_right_for_at_least_nine_facts_in_ten(seed_index):
    """The placement eval: seeds by leave-one-out plus the hand-labelled cases (docs/BENCHMARKS.md)."""
    seeds, cases = seed_results(seed_index), case_results(seed_index)
    assert len(seeds) >= 30 and len(cases) >= 40
    assert summary(cases) >= 0.95, [r for r in cases if not r.ok]
    assert summary(seeds) >= 0.85, [r for r in seeds if not r.ok]
    assert summary(seeds + cases) >= 0.90


FACTS = """2023年，县妇联在县委的领导下
以建设法治妇联为目标
党组理论学习中心组开展法治专题学习4次，开展会前学法11次
组织机关干部参加学法考试，参考率100%
开展“三八”维权周主题普法宣传32场次，发放宣传资料1.2万余份
依托微信公众号推送普法文章46篇
受理妇女儿童来信来访56件，办结率100%
为120名低收入妇女争取“两癌”救助金60万元
获评全省维护妇女儿童权益工作先进集体"""


@pytest.fixture(scope="module")
def drafted(seed_index):
    return draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), FACTS, index=seed_index)


def test_a_fragment_is_a_question_not_an_item_and_a_guiding_statement_frames_the_preamble(drafted):
    fragment, guiding = drafted.facts[0], drafted.facts[1]
    assert fragment.kind == FactKind.FRAGMENT and not any(fragment.id in s.fact_ids for s in drafted.sections)
    assert any("缺少" in w and fragment.id in w for w in drafted.warnings)
    preamble = drafted.sections[0]
    assert guiding.id in preamble.fact_ids and "以建设法治妇联为目标【F2】" in preamble.text
    assert not any("以建设法治妇联为目标" in s.text for s in drafted.body_sections())


def test_facts_on_one_theme_become_one_item_under_a_fitting_subheading(drafted):
    measures = drafted.body_sections()[0]
    assert measures.fact_ids[:2] == ["F3", "F4"]
    study = [p for p in measures.text.split("\n") if "【F3】" in p][0]
    assert study.startswith("（一）加强学法用法") and "【F4】" in study, "both study facts in one item"
    assert study.count("是") < 3 or not study.startswith("一是")
    outline_reason = measures.placement["F3"]
    assert "学法用法" in outline_reason and "相近" in outline_reason


def test_no_stock_phrase_twice_no_unsupported_claim_and_suggestions_are_marked(drafted):
    own = "".join(strip_markers(s.text) for s in drafted.sections)
    for phrase in STOCK_PHRASES:
        assert own.count(phrase) <= 1, phrase
    checks = {r.name: r for r in run_checks(drafted)}
    assert checks["claims"].passed and checks["repetition"].passed and checks["placement"].passed
    shortcomings = next(s for s in drafted.sections if s.role == "shortcomings")
    assert shortcomings.stock and all(m in strip_markers(shortcomings.text) for m in shortcomings.stock)
    assert any("存在的不足" in w for w in drafted.warnings), "no problems given: the user is told"


def test_each_reader_check_fails_on_its_planted_defect(drafted):
    def failed(draft):
        return {r.name for r in run_checks(draft) if not r.passed}

    body = drafted.body_sections()
    first, shortcomings = body[0], next(s for s in body if s.role == "shortcomings")

    def edit(section, text):
        return replace(drafted, sections=[replace(s, text=text) if s.id == section.id else s for s in drafted.sections])

    claimed = edit(first, first.text + "干部职工尊法学法守法用法的意识明显增强。")
    assert "claims" in failed(claimed)
    twice = edit(first, first.text + "县妇联高度重视法治建设。县妇联高度重视普法工作。")
    assert "repetition" in failed(twice)
    same_opening = edit(shortcomings, drafted.sections[0].text.split("，")[0] + "，工作还有不足。")
    assert "repetition" in failed(same_opening)
    with_problem = [replace(s, fact_ids=s.fact_ids + ["F10"], text=s.text + "基层普法力量不足【F10】。")
                    if s.id == first.id else s for s in drafted.sections]
    problem_in_measures = replace(drafted, facts=drafted.facts + [Fact("F10", "基层普法力量不足", kind="problem")],
                                  sections=with_problem)
    assert "placement" in failed(problem_in_measures)
    fragment_in = replace(drafted, sections=[replace(s, fact_ids=s.fact_ids + ["F1"]) if s.id == first.id else s
                                             for s in drafted.sections])
    assert "placement" in failed(fragment_in)


def test_a_measures_section_with_nothing_to_say_is_left_out_not_filled_with_stock(seed_index):
    facts = "受理妇女儿童来信来访56件，办结率100%\n基层力量不足，原因是专职人员少"
    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    measures = [s for s in draft.sections if s.role == "measures"]
    assert [s.fact_ids for s in measures] == [["F1"]], "only the section that has facts"
    assert "究其原因" not in next(s.text for s in draft.sections if s.role == "shortcomings"), \
        "the user's own cause is the 原因"


def test_copied_figures_pasted_fact_words_and_conflicts_are_named_beside_the_sentence(seed_index):
    facts = ("同时，全年开展普法宣传28场次，发放宣传资料8万余册，辐射人群超10万人次\n"
             "一是开展会前学法16次\n受理妇女儿童信访案件43件\n全年开展普法宣传30场次\n"
             "2025年将在全县建成调解室10个\n2025年计划举办培训班3期")
    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    assert any("万源" in w and "照搬" in w for w in draft.warnings), "万源's own figures: asked, not trusted"
    assert draft.facts[0].text.startswith("全年") and draft.facts[1].text.startswith("开展"), "no 同时/一是 pasted in"
    assert "30场次" in draft.facts[0].note and "28场次" in draft.facts[3].note, "the conflict stands beside both"
    plans = next(s for s in draft.sections if s.role == "plans").text
    assert "二是在全县建成调解室10个【F5】" in plans and "是2025年" not in plans


def test_broken_text_is_caught_in_the_facts_and_in_the_draft(seed_index):
    facts = "联合法院处理处理3起重难点纠纷\n开展《民法典宣讲20场次"
    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    assert any("处理处理" in w for w in draft.warnings) and any("《》" in w for w in draft.warnings)
    broken = next(r for r in run_checks(draft) if r.name == "broken")
    assert not broken.passed and {f.section_id for f in broken.findings} - {""}
