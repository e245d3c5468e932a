"""撤销 goes back, one action at a time, and a second 撤销 goes further back (it used to put back what
was just undone); a section's own 撤销到上一版 walks back through its versions the same way. Saved
drafts have names of their own: a second draft of one report is numbered, and a draft's default name
follows its organisation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafting.domain.types import Draft, DraftMeta, Fact, Section
from drafting.errors import DraftingError


def draft(text: str = "开展学法12次【F1】。", org: str = "清河县妇女联合会", locked: bool = False) -> Draft:
    meta = DraftMeta(org=org, year=2025, report_type="fazhi", title=f"{org}2025年度报告")
    sections = [Section("s0", "preamble", "", "导语。"), Section("s1", "measures", "主要举措", text, locked=locked)]
    return Draft(meta, [Fact("F1", "开展学法12次")], sections, id="d1")


def test_each_undo_goes_one_action_further_back(store):
    store.save(draft("初稿。"), "draft")
    store.save(draft("第一次修改。"), "edit")
    store.save(draft("第一次修改。", locked=True), "lock")
    back, undone, before = store.undo_step("d1")
    assert back.section("s1").locked is False and back.section("s1").text == "第一次修改。"
    assert (undone, before) == ("lock", "edit"), "what was undone, and what the next 撤销 would undo"
    back, undone, _ = store.undo_step("d1")
    assert back.section("s1").text == "初稿。" and undone == "edit", "a second 撤销 goes further back"
    assert store.load("d1").section("s1").text == "初稿。", "the draft as saved is the one shown"
    with pytest.raises(DraftingError, match="没有可以撤销的步骤"):
        store.undo_step("d1")


def test_an_action_after_undo_is_the_newest_step_and_undo_returns_from_it(store):
    store.save(draft("初稿。"), "draft")
    store.save(draft("改了。"), "edit")
    store.undo_step("d1")
    store.save(draft("另一种改法。"), "edit")
    back, undone, _ = store.undo_step("d1")
    assert back.section("s1").text == "初稿。" and undone == "edit"
    assert store.load("d1").section("s1").text == "初稿。"


def test_saving_the_same_draft_twice_is_one_step(store):
    store.save(draft("初稿。"), "draft")
    store.save(draft("改了。"), "edit")
    store.save(draft("改了。"), "edit")
    assert store.undo_step("d1")[0].section("s1").text == "初稿。"


def test_a_sections_undo_walks_back_through_its_versions(store):
    store.save(draft(""), "outline")
    store.save(draft("初稿。"), "draft")
    store.save(draft("第一次修改。"), "edit")
    store.save(draft("第二次修改。"), "edit")
    current = store.load("d1")
    once = store.undo(current, "s1")
    assert once.section("s1").text == "第一次修改。" and once.section("s1").edited
    twice = store.undo(once, "s1")
    assert twice.section("s1").text == "初稿。", "the second 撤销到上一版 goes further back, it does not toggle"
    assert not twice.section("s1").edited, "the text is the tool's again"
    assert store.undo(twice, "s1").section("s1").text == ""
    with pytest.raises(DraftingError, match="没有更早的版本"):
        store.undo(store.load("d1"), "s1")


def test_after_undoing_a_section_an_edit_goes_on_from_where_it_stands(store):
    store.save(draft("初稿。"), "draft")
    store.save(draft("改了。"), "edit")
    back = store.undo(store.load("d1"), "s1")
    store.save(replace(back, sections=[back.sections[0], replace(back.sections[1], text="重写。")]), "edit")
    assert store.undo(store.load("d1"), "s1").section("s1").text == "初稿。"


def test_the_whole_draft_undo_and_a_sections_undo_agree(store):
    store.save(draft("初稿。"), "draft")
    store.save(draft("改了。"), "edit")
    store.undo_step("d1")  # back to 初稿
    with pytest.raises(DraftingError, match="没有更早的版本"):
        store.undo(store.load("d1"), "s1")  # not back to 改了: that was undone


def test_a_second_draft_of_one_report_is_numbered_and_a_rename_keeps_names_apart(store):
    store.save(draft())
    store.save(replace(draft(), id="d2"))
    store.save(replace(draft(), id="d3"))
    names = {r.id: r.name for r in store.list()}
    assert names == {"d1": "清河县妇女联合会 · 2025 · 法治政府建设年度报告",
                     "d2": "清河县妇女联合会 · 2025 · 法治政府建设年度报告（2）",
                     "d3": "清河县妇女联合会 · 2025 · 法治政府建设年度报告（3）"}
    assert store.rename("d3", "终稿") == "终稿" and store.rename("d2", "终稿") == "终稿（2）"


def test_a_default_name_follows_the_organisation_a_given_name_stays(store):
    store.save(draft())
    store.save(draft(org="清河县妇联联合会"), "outline")
    assert store.row("d1").name == "清河县妇联联合会 · 2025 · 法治政府建设年度报告"
    store.rename("d1", "给县委的")
    store.save(draft(), "outline")
    assert store.row("d1").name == "给县委的"
