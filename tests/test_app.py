"""The app's actions as a session runs them (drafting.shell.session over a real Workbench): each
answer or refusal comes back as the message beside the button, the draft otherwise untouched;
sessions keep their own drafts; saved drafts are per organisation when there is a users file."""

from __future__ import annotations

import threading

import pytest

from drafting.errors import InputError
from drafting.shell import session as S
from drafting.shell.form import Form
from drafting.shell.settings import Settings

from .conftest import qingchuan


@pytest.fixture
def bench(tmp_path, seed_index):
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    return Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())


def written(bench, facts="开展普法宣传28场次\n受理信访案件43件\n基层力量不足", owner=""):
    draft, _ = S.outline(bench, qingchuan(facts), owner=owner)
    return [d for d, done in S.write(bench, draft, []) if done][-1]


def test_a_locked_section_is_refused_beside_it_and_nothing_else_changes(bench):
    draft = written(bench)
    plans = next(s for s in draft.sections if s.role == "plans")
    locked, view = S.section_action(bench, draft, {}, plans.id, "lock", True)
    assert view["notes"] == {plans.id: "已锁定。"}
    new, view = S.section_action(bench, locked, view, plans.id, "regenerate", "")
    assert new is None, "the draft stays as it was"
    assert "⚠ 这一部分已锁定：先解锁再重新生成。" in view["notes"][plans.id] and list(view["notes"]) == [plans.id]
    assert bench.store.load(draft.id) == locked


def test_unlocked_it_regenerates_and_says_what_changed_without_a_model(bench):
    draft = written(bench)
    plans = next(s for s in draft.sections if s.role == "plans")
    new, view = S.section_action(bench, draft, {}, plans.id, "regenerate", "更简练")
    assert new.section(plans.id).text != plans.text
    assert "修改要求需要大模型" in view["notes"][plans.id]
    assert [s.text for s in new.sections if s.id != plans.id] == [s.text for s in draft.sections if s.id != plans.id]


def test_saving_an_emptied_section_warns_and_undo_brings_it_back(bench):
    draft = written(bench)
    sid = draft.sections[1].id
    emptied, view = S.section_action(bench, draft, {}, sid, "edit", "   ")
    assert emptied.section(sid).text == "" and "现在是空的" in view["notes"][sid]
    back, view = S.section_action(bench, emptied, view, sid, "undo")
    assert back.section(sid).text == draft.sections[1].text and view["notes"][sid].startswith("已撤销到上一版")


def test_pressing_lock_on_a_locked_section_changes_nothing(bench):
    draft = written(bench)
    assert S.section_action(bench, draft, {}, draft.sections[1].id, "lock", False) == (None, None)


def test_no_draft_yet_is_a_message_not_an_error(bench):
    new, view = S.section_action(bench, None, {}, "s1", "edit", "x")
    assert new is None and "⚠ 这份草稿里没有这一部分" in view["notes"]["s1"]
    with pytest.raises(InputError, match="请先"):
        list(S.write(bench, None, []))
    refused = S.refusal(InputError("年份 2099 不在 2016–2027 之间"))
    assert refused == "<span class='rd-refusal'>⚠ 年份 2099 不在 2016–2027 之间</span>"
    assert "&lt;b&gt;" in S.refusal(InputError("没有事实 <b>")), "user text in a refusal is shown as text"
    assert "没有保存" in S.refusal(KeyError("x")), "an unexpected failure never claims the work was saved"


def test_switching_to_the_models_attempt_and_back(bench):
    from dataclasses import replace

    draft = written(bench)
    sid = draft.sections[1].id
    with_attempt = replace(draft, sections=[replace(s, attempt="大模型的尝试稿【F1】。") if s.id == sid else s
                                            for s in draft.sections])
    swapped, view = S.section_action(bench, with_attempt, {}, sid, "use_attempt")
    assert swapped.section(sid).text == "大模型的尝试稿【F1】。" and "换回" in view["notes"][sid]
    back, _ = S.section_action(bench, swapped, view, sid, "use_attempt")
    assert back.section(sid).text == draft.sections[1].text
    assert [v[3] for v in bench.store.versions(draft.id, sid)][-2:] == ["attempt", "attempt"]


def test_two_sessions_keep_their_own_drafts(bench):
    a = written(bench, "开展普法宣传28场次")
    b, _ = S.outline(bench, Form("剑阁县妇女联合会", year=2023, kind="pufa", facts="开展普法宣传30场次"))
    b = [d for d, done in S.write(bench, b, []) if done][-1]
    assert "28场次" in "".join(s.text for s in bench.store.load(a.id).sections)
    assert "28场次" not in "".join(s.text for s in bench.store.load(b.id).sections)


def test_outline_again_keeps_one_saved_draft_and_says_so(bench):
    first, said = S.outline(bench, qingchuan("开展普法宣传28场次"))
    again, said_again = S.outline(bench, qingchuan("开展普法宣传28场次\n基层力量不足"), current=first)
    assert again.id == first.id and "同一份草稿" in said_again and bench.store.count() == 1


def test_outline_changes_move_rename_and_add(bench):
    draft, _ = S.outline(bench, qingchuan("开展普法宣传28场次\n基层力量不足"))
    plans = next(s for s in draft.sections if s.role == "plans")
    moved = S.outline_change(bench, "move_fact", draft, "F1", plans.id)
    assert "F1" in moved.section(plans.id).fact_ids
    renamed = S.outline_change(bench, "rename_section", moved, plans.id, "2025年工作打算")
    assert renamed.section(plans.id).heading == "2025年工作打算"
    added = S.outline_change(bench, "add_section", renamed, "创新工作亮点")
    assert any(s.heading == "创新工作亮点" for s in added.sections)
    with pytest.raises(InputError, match="请先选择"):
        S.outline_change(bench, "move_fact", draft, "", plans.id)


def test_last_years_panel_refreshes_when_an_upload_finishes(tmp_path):
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from retrieval.index import ReportIndex

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")  # its own index: the shared one stays as it is
    bench = Workbench(settings, ReportIndex(tmp_path / "index"), DraftStore(settings.db_path), None)
    draft, _ = S.outline(bench, qingchuan("开展普法宣传28场次", org="旺苍县妇女联合会", period=""))
    assert not draft.previous.found
    mine = tmp_path / "wangcang2023.txt"
    mine.write_text("旺苍县妇女联合会2023年度法治政府建设工作情况报告\n县委、县政府：\n一、加强组织领导\n开展普法宣传21场次。\n"
                    "二、2024年工作计划\n一是开展普法宣传。\n旺苍县妇女联合会\n2024年1月10日\n", encoding="utf-8")
    refreshed, log = S.import_files(bench, [mine], draft)
    assert "已导入" in log
    assert refreshed.previous.found and refreshed.previous.year == 2023


def test_uploads_are_imported_or_skipped_with_a_reason(bench, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    _, log = S.import_files(bench, [bad], None)
    assert log.startswith("- bad.pdf：跳过")


def test_saved_drafts_rename_delete_with_undo_and_open(bench):
    draft = written(bench)
    rows, ids, offset, label = S.saved_page(bench, "", 0, None)
    assert ids == [draft.id] and label == "第 1–1 份，共 1 份"
    assert "已改名" in S.saved_action(bench, "rename", draft.id, "给县委的终稿", None)
    assert S.saved_page(bench, "终稿", 0, None)[0][0][0] == "给县委的终稿"
    assert "撤销删除" in S.saved_action(bench, "delete", draft.id, "", None)
    assert S.saved_page(bench, "", 0, None)[1] == []
    S.saved_action(bench, "restore", draft.id, "", None)
    opened, reopened, said = S.open_saved(bench, draft.id, None)
    assert opened == bench.store.load(draft.id) and reopened.org == "青川县妇女联合会" and said.startswith("已打开")
    with pytest.raises(InputError, match="请先"):
        S.saved_action(bench, "delete", "", "", None)


def test_with_a_users_file_each_organisation_sees_only_its_drafts(bench):
    mine = written(bench, owner="青川县妇联")
    other, _ = S.outline(bench, Form("剑阁县妇女联合会", year=2024, kind="fazhi", facts="开展普法宣传30场次"),
                         owner="剑阁县妇联")
    assert S.saved_page(bench, "", 0, "青川县妇联")[1] == [mine.id]
    assert S.saved_page(bench, "", 0, "剑阁县妇联")[1] == [other.id]
    with pytest.raises(InputError, match="没有找到"):
        S.open_saved(bench, mine.id, "剑阁县妇联")
    with pytest.raises(InputError, match="没有找到"):
        S.saved_action(bench, "delete", mine.id, "", "剑阁县妇联")


def test_leaving_the_page_cancels_what_the_session_has_running(bench):
    with bench.running.call("tab-1") as mine, bench.running.call("tab-2") as other:
        assert bench.running.cancel("tab-1") == 1
        assert mine.is_set() and not other.is_set()
    assert other.is_set(), "an action that ended (or was abandoned mid-stream) stops what it started"


def test_a_cancelled_draft_stops_before_writing_more(bench):
    draft, _ = S.outline(bench, qingchuan("开展普法宣传28场次"))
    cancel = threading.Event()
    cancel.set()
    from drafting.write.base import DraftCancelled

    with pytest.raises(DraftCancelled):
        list(bench.write(draft, cancel=cancel))


def test_the_app_builds_and_hides_its_api_behind_a_login(bench):
    import app
    from drafting.shell.users import Logins

    open_app = app.build_app(bench.settings, bench)
    assert {"/on_outline", "/on_write"} <= set(open_app.get_api_info(all_endpoints=True)["named_endpoints"]), \
        "callable by API clients (the load benchmark)"
    assert open_app.get_api_info()["named_endpoints"] == {}, "but not public: the MCP server would list them as tools"
    locked = app.build_app(bench.settings, bench, Logins({"clerk": "pw"}))
    assert locked.get_api_info()["named_endpoints"] == {}
