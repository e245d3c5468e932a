"""Issue 26's day in Chromium (tests/browser_day.py): numbered facts, outline, move, rename, add,
draft, two edits, a lock, a corrected figure and 生成提纲 again → every edit, move, rename, addition
and lock still there and the changed section offered; 生成初稿 again asks; a section deleted and
撤销 twice going back twice; the 版头 and 版记 in the Word file; closing the tab with an edit not
saved → the page warns. Screenshots to $REPORTDRAFT_SHOTS when set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest

from drafting.shell.settings import Settings
from drafting.shell.users import Logins

from .browser_day import ADDED, HEADER, RENAMED, run_day
from .conftest import free_port

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (CI installs it)")]


@pytest.fixture
def app_url(tmp_path, seed_index):
    import app
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    workbench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    demo = app.build_app(settings, workbench)
    demo.queue().launch(**app.launch_options(settings, Logins()), prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{settings.port}/"
    demo.close()


def test_a_day_where_nothing_is_lost(app_url, tmp_path):
    shots = Path(os.environ["REPORTDRAFT_SHOTS"]) / "day" if os.environ.get("REPORTDRAFT_SHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    out = run_day(app_url, tmp_path, shots)
    ids, edits = out["ids"], out["edits"]

    assert "起草前请看" in out["profile"] and "繁体字转换为简体字" in out["profile"], "a notice shown before drafting"
    answers = out["answers_beside"]
    assert "已移动" in answers["move"] and "已改名" in answers["rename"] and "已添加" in answers["add"], \
        "each outline change answered beside its own button"
    assert answers["move_after_rename"] == "", "only the button pressed last has an answer beside it"

    # 生成提纲 again after 138 → 145: nothing lost, the changed section offered
    assert "F3 改了" in out["said"] and "主要举措和成效" in out["said"] and "需要重新生成" in out["said"]
    assert "第一责任人" in out["moved_to"], "the user's move kept"
    assert ADDED in out["added_row"], "the added section and the fact moved into it kept"
    assert out["after_outline_again"] == out["before_outline_again"], "every section's text kept, edits included"
    assert RENAMED in out["titles"]["gaps"] and "已锁定" in out["titles"]["gaps"], "rename and lock kept"
    assert "事实有变" in out["titles"]["measures"]
    assert len(out["redraft_ticked"]) == 1 and "主要举措和成效" in out["redraft_ticked"][0], out["redraft_ticked"]
    assert any("您手改过" in label for label in out["redraft_labels"])

    # 生成初稿 again asks, then only the ticked section is redrafted
    assert "已经起草过" in out["asked"] and "手改过" in out["asked"]
    after = out["after_redraft"]
    assert after[ids["measures"]] != out["before_outline_again"][ids["measures"]] and "145起" in after[ids["measures"]]
    assert all(after[sid] == text for sid, text in edits.items()), "hand-edited sections untouched"
    assert after[ids["gaps"]] == out["before_outline_again"][ids["gaps"]], "the locked section untouched"

    # delete a section, 撤销 twice goes back twice
    assert "未分配" in out["after_delete_row"] and ids["added"] not in out["cards_after_delete"]
    first, second = out["undo_said"]
    assert "删除部分" in first and "生成初稿" in first, first
    assert ADDED in out["after_undo"][0]["row"] and ids["added"] in out["after_undo"][0]["cards"]
    assert out["after_undo"][0]["texts"][ids["added"]] == edits[ids["added"]], "the deleted section's text is back"
    assert "生成初稿" in second, second
    assert out["after_undo"][1]["texts"][ids["measures"]] == out["before_outline_again"][ids["measures"]], \
        "the second 撤销 took the redraft back"

    # 版头 and 版记 in the Word file
    paragraphs = [p.text for p in docx.Document(str(out["docx"])).paragraphs]
    assert any(HEADER["doc_number"] in p for p in paragraphs) and any("签发人" in p and "王丽" in p for p in paragraphs)
    assert any(p.startswith("抄送：") and HEADER["cc"] in p for p in paragraphs)
    assert any(HEADER["printer"] in p and "印发" in p for p in paragraphs)

    # closing the tab with an edit not saved: the page warns, and the text stays in the box
    assert out["dialogs"] == ["beforeunload"] and out["still_open"]
    assert out["kept_in_box"].endswith("还没保存的一句。")
