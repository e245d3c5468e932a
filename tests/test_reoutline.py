"""A working day where nothing is lost (issue 26), through the functions the page's buttons call: a
second 生成提纲 after a fact was corrected keeps every move, rename, added section, lock and edited
text, says what changed and offers the changed section for redrafting; a second 生成初稿 asks
first and then redrafts only what was chosen; a section can be deleted and 撤销 brings it back; a
user's move is the truth for the draft (the placement check notes it, never fails on it), and the
gap warning about 第一责任人 goes once a fact is moved there."""

from __future__ import annotations

import pytest

from drafting.domain.types import USER_PLACED
from drafting.plan.outline import GAP_NOTES
from drafting.shell import present as P
from drafting.shell import session as S
from drafting.shell.settings import Settings
from lexicon.roles import Role

from .conftest import qingchuan

FACTS = """1、全年开展普法宣传28场次，发放宣传资料8万余册
2、开展会前学法16次，年度学法考试优秀率达到100%
3、受理妇女儿童信访案件138起，办结率100%
4、偏远山区普法覆盖面还不够
5、联合县法院发出人身安全保护令5份
6、组织“三八”维权周宣传活动12场"""


@pytest.fixture
def bench(tmp_path, seed_index):
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    return Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())


def role(draft, name):
    return next(s for s in draft.sections if s.role == name)


def written(bench, draft, only=None):
    return next(d for d, done in S.write(bench, draft, [], only=only) if done)


def worked_on(bench):
    """Outline, move, rename, add, draft, edit two sections, lock one: the day before the fact changes."""
    draft, _ = S.outline(bench, qingchuan(FACTS))
    leader, gaps = role(draft, Role.FIRST_RESPONSIBLE), role(draft, Role.SHORTCOMINGS)
    draft = S.outline_change(bench, "move_fact", draft, "F2", leader.id)
    draft = S.outline_change(bench, "rename_section", draft, gaps.id, "存在的问题和短板")
    draft = S.outline_change(bench, "add_section", draft, "创新维权服务")
    added = next(s for s in draft.sections if s.added)
    draft = S.outline_change(bench, "move_fact", draft, "F5", added.id)
    draft = written(bench, draft)
    draft, _ = S.section_action(bench, draft, {}, added.id, "edit",
                                "联合县法院发出人身安全保护令5份【F5】，手改的一句。")
    draft, _ = S.section_action(bench, draft, {}, leader.id, "edit", "党组书记带头，会前学法16次【F2】。手改。")
    draft, _ = S.section_action(bench, draft, {}, gaps.id, "lock", True)
    return draft, leader.id, gaps.id, added.id


def test_outline_again_after_a_fact_changed_keeps_every_piece_of_work(bench):
    draft, leader, gaps, added = worked_on(bench)
    measures = role(draft, Role.MEASURES)
    kept_text = {s.id: s.text for s in draft.sections}
    corrected = FACTS.replace("138起", "145起")

    again, said = S.outline(bench, qingchuan(corrected), draft)

    assert again.id == draft.id and bench.store.count() == 1, "the same saved draft"
    assert "F2" in again.section(leader).fact_ids and again.section(leader).placement["F2"] == USER_PLACED
    assert again.section(gaps).heading == "存在的问题和短板" and again.section(gaps).locked
    assert again.section(added).heading == "创新维权服务" and again.section(added).fact_ids == ["F5"]
    assert {s.id: s.text for s in again.sections} == kept_text, "no text emptied or rewritten"
    assert again.section(added).edited and again.section(leader).edited
    assert again.fact("F3").text.startswith("受理妇女儿童信访案件145起")
    assert "F3 改了" in said and f"“{P.heading_of(again, measures.id)}”需要重新生成" in said
    assert again.section(measures.id).outdated == ["F3 改了"]
    choices, ticked, which = P.redraft_choices(again)
    assert ticked == [measures.id] and which == "事实有变的部分", "the changed section offered, nothing else ticked"
    assert any("（已锁定，不会改动）" in label for label, sid in choices if sid == gaps)


def test_a_second_draft_asks_first_and_redrafts_only_what_was_chosen(bench):
    draft, leader, gaps, added = worked_on(bench)
    assert S.written(draft)
    asked = S.ask_redraft(draft)
    assert "手改过" in asked and "按勾选重新起草" in asked and "全部重新起草" in asked
    _, ticked, which = P.redraft_choices(draft)
    assert which == "没有手改过的部分" and leader not in ticked and added not in ticked and gaps not in ticked
    measures = role(draft, Role.MEASURES).id
    redrafted = written(bench, draft, only=frozenset([measures]))
    assert redrafted.section(leader).text == draft.section(leader).text, "a hand-edited section is left as it is"
    assert redrafted.section(added).text == draft.section(added).text
    assert redrafted.section(gaps).text == draft.section(gaps).text
    everything = written(bench, redrafted)
    assert everything.section(gaps).text == draft.section(gaps).text, "a locked section is never rewritten"
    assert everything.section(leader).text != draft.section(leader).text, "全部重新起草 rewrites the hand-edited ones"


def test_a_deleted_section_comes_back_with_undo_and_undo_again_goes_further(bench):
    draft, leader, gaps, added = worked_on(bench)
    after_delete = S.outline_change(bench, "delete_section", draft, added)
    assert added not in {s.id for s in after_delete.sections}
    assert "（未分配）" in [row[3] for row in P.outline_rows(after_delete) if row[0] == "F5"]
    back, said = S.undo_step(bench, after_delete)
    assert back.section(added).text == draft.section(added).text and "删除部分" in said
    assert "锁定/解锁" in said, "says what a second 撤销 would undo"
    before_lock, said = S.undo_step(bench, back)
    assert not before_lock.section(gaps).locked and "锁定/解锁" in said
    with pytest.raises(Exception, match="导语"):
        S.outline_change(bench, "delete_section", draft, "s0")


def test_the_users_move_is_the_truth_and_the_gap_warning_follows_the_facts(bench):
    draft, _ = S.outline(bench, qingchuan(FACTS))
    gap, leader = GAP_NOTES[Role.FIRST_RESPONSIBLE], role(draft, Role.FIRST_RESPONSIBLE)
    assert not leader.fact_ids and gap in draft.warnings and gap in P.profile_markdown(draft)
    draft = S.outline_change(bench, "move_fact", draft, "F3", leader.id)  # a 信访 figure under 第一责任人
    assert gap not in draft.warnings, "the gap is filled: the Word file no longer says it"
    assert gap not in P.profile_markdown(draft)
    draft = written(bench, draft)
    placement = next(r for r in bench.check(draft) if r.name == "placement")
    notes = [r for r in placement.reminders if "F3" in r]
    assert placement.passed and len(notes) == 1 and "您的安排" in notes[0]
    rows, _, _, _ = P.check_view(draft, bench.check(draft))
    row = next(r for r in rows if r[0] == "事实归位")
    assert row[1] == "通过" and "提醒：F3" in row[2], "said once in the checks table, as a reminder"


def test_a_changed_organisation_name_keeps_the_draft_and_its_name_follows(bench):
    draft, _ = S.outline(bench, qingchuan(FACTS, org="青川县妇联联合会"))
    again, _ = S.outline(bench, qingchuan(FACTS), draft)
    assert again.id == draft.id and bench.store.count() == 1
    assert bench.store.row(draft.id).name == "青川县妇女联合会 · 2024 · 法治政府建设年度报告"
    other, said = S.outline(bench, qingchuan(FACTS, year=2023), again)
    assert other.id != draft.id and "另起一份新草稿" in said


def test_the_header_and_record_fields_and_the_shape_reach_the_draft(bench):
    form = qingchuan(FACTS, doc_number="青妇发〔2025〕3号", signer="王丽", cc="市妇联", printer="青川县妇联办公室",
                     shape="themed")
    draft, _ = S.outline(bench, form)
    m = draft.meta
    assert (m.doc_number, m.signer, m.cc, m.printer, m.shape) == ("青妇发〔2025〕3号", "王丽", "市妇联",
                                                                  "青川县妇联办公室", "themed")
    assert len([s for s in draft.sections if s.role == Role.MEASURES]) >= 2, "themed: several measures sections"
    assert "按工作主题" in P.profile_markdown(draft)
    statutory, _ = S.outline(bench, qingchuan(FACTS, shape="statutory"), draft)
    assert len([s for s in statutory.sections if s.role == Role.MEASURES]) == 1
