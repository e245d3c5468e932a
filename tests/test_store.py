"""The saved drafts: named, renamed, deleted with undo, found by search and paging, one per outline,
kept per organisation when there is a login; an older database is migrated in place."""

from __future__ import annotations

import sqlite3

import pytest

from drafting.domain.types import Draft, DraftMeta, Fact, Section
from drafting.errors import DraftingError
from drafting.output.schema import SCHEMA_VERSION
from drafting.output.store import DraftStore

from .conftest import qingchuan


def make(draft_id: str, org: str = "青川县妇女联合会", year: int = 2024, kind: str = "fazhi",
         title: str = "") -> Draft:
    meta = DraftMeta(org=org, year=year, report_type=kind, title=title or f"{org}{year}年度报告")
    return Draft(meta, [Fact("F1", "开展学法12次")],
                 [Section("s1", "measures", "加强组织领导", "开展学法12次【F1】。")], id=draft_id)


def test_a_new_draft_is_named_organisation_year_kind(store):
    store.save(make("a"))
    assert store.list()[0].name == "青川县妇女联合会 · 2024 · 法治政府建设年度报告"


def test_a_renamed_draft_keeps_its_name_when_saved_again(store):
    store.save(make("a"))
    assert store.rename("a", "  给县委的  终稿 ") == "给县委的 终稿"
    store.save(make("a"), "edit")
    assert store.list()[0].name == "给县委的 终稿"
    with pytest.raises(DraftingError, match="不能为空"):
        store.rename("a", "   ")
    with pytest.raises(DraftingError, match="没有编号"):
        store.rename("missing", "x")


def test_a_deleted_draft_leaves_the_list_and_undo_brings_it_back(store):
    store.save(make("a"))
    store.save(make("b", org="剑阁县妇女联合会"))
    store.delete("a")
    assert [r.id for r in store.list()] == ["b"] and store.count() == 1
    assert store.load("a").meta.org == "青川县妇女联合会", "soft delete: nothing is erased"
    store.restore("a")
    assert {r.id for r in store.list()} == {"a", "b"}


def test_search_finds_drafts_by_name_organisation_or_title(store):
    store.save(make("a", org="青川县妇女联合会"))
    store.save(make("b", org="剑阁县妇女联合会", kind="pufa"))
    store.save(make("c", org="旺苍县妇女联合会", title="旺苍县妇联半年总结"))
    store.rename("c", "上半年那份")
    assert [r.id for r in store.list("剑阁")] == ["b"]
    assert [r.id for r in store.list("普法责任制")] == ["b"], "the default name carries the kind"
    assert [r.id for r in store.list("半年总结")] == ["c"], "by title"
    assert [r.id for r in store.list("上半年那份")] == ["c"], "by the name the user gave"
    assert store.count("妇女联合会") == 3 and store.count("剑阁 2024") == 1
    assert store.list("100%_") == [], "LIKE wildcards in a search are plain characters"


def test_every_draft_is_reachable_by_paging_not_only_the_newest(store):
    for i in range(25):
        store.save(make(f"d{i:02}"))
    pages = [store.list(offset=o, limit=10) for o in (0, 10, 20)]
    assert [len(p) for p in pages] == [10, 10, 5]
    assert len({r.id for p in pages for r in p}) == 25 == store.count()


def test_with_a_login_each_organisation_sees_its_own_drafts(store):
    store.save(make("a"), owner="青川")
    store.save(make("b", org="剑阁县妇女联合会"), owner="剑阁")
    store.save(make("a"), "edit", owner="剑阁")  # saving again never moves a draft to another owner
    assert [r.id for r in store.list(owner="青川")] == ["a"]
    assert [r.id for r in store.list(owner="剑阁")] == ["b"]
    assert store.count(owner="青川") == 1 and store.count() == 2, "no login: one office shares one list"
    assert store.row("a").owner == "青川"


def test_an_older_database_is_migrated_in_place(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    old = sqlite3.connect(path)
    old.executescript("""
        CREATE TABLE drafts (id TEXT PRIMARY KEY, org TEXT, report_type TEXT, year INTEGER, title TEXT,
            created REAL, updated REAL, body TEXT);
        CREATE TABLE versions (draft_id TEXT, section_id TEXT, version INTEGER, heading TEXT, text TEXT,
            reason TEXT, created REAL, PRIMARY KEY (draft_id, section_id, version));""")
    draft = make("old1", org="古县妇女联合会", year=2021)
    old.execute("INSERT INTO drafts VALUES (?,?,?,?,?,?,?,?)",
                ("old1", "古县妇女联合会", "fazhi", 2021, "t", 1.0, 2.0, draft.to_json()))
    old.execute("INSERT INTO versions VALUES ('old1','s1',1,'h','旧文本','draft',1.0)")
    old.commit()
    old.close()

    store = DraftStore(path)
    assert store.notice == ""
    assert store.schema_version == SCHEMA_VERSION
    assert [(r.id, r.name, r.owner) for r in store.list()] == [
        ("old1", "古县妇女联合会 · 2021 · 法治政府建设年度报告", "")]
    assert store.load("old1") == draft and store.versions("old1", "s1")[0][2] == "旧文本"
    store.close()
    again = DraftStore(path)  # opening a migrated database again changes nothing
    assert again.count() == 1
    again.close()


def test_a_database_from_a_newer_tool_is_refused_not_altered(tmp_path):
    path = tmp_path / "drafts.sqlite3"
    DraftStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(DraftingError, match="更新版本"):
        DraftStore(path)


def test_pressing_outline_again_updates_the_same_saved_draft(tmp_path, seed_index):
    from dataclasses import replace

    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), None)
    form = qingchuan("开展普法宣传28场次")
    first = bench.outline(form, owner="青川")
    second = bench.outline(replace(form, facts="开展普法宣传28场次\n基层力量不足"), current=first)
    assert second.id == first.id and bench.store.count() == 1
    assert len(bench.store.load(first.id).facts) == 2, "the saved draft has the new facts"
    other_year = bench.outline(replace(form, year=2023, facts="开展普法宣传20场次"), current=second)
    assert other_year.id != first.id
    fresh = bench.outline(form, current=second, new=True)
    assert fresh.id != first.id and bench.store.count() == 3
    assert bench.store.row(first.id).owner == "青川"
