"""In a real browser, a working day: refusals beside the button → outline → move a fact by its text →
draft → edit → save → regenerate a locked section (refused beside it, every other section intact) →
unlock → regenerate → checks → click a failing check → copy → export → reopen from the saved list
(form restored, on the draft tab) → rename and delete (with undo) a saved draft.

Screenshots of each step go to $REPORTDRAFT_SHOTS when set (1366×768; the draft at 1920×1080 too)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import docx
import pytest

from drafting.shell.settings import Settings
from drafting.shell.users import Logins

from .browser_flow import run_session
from .conftest import free_port

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (CI installs it)")]


@pytest.fixture
def app_url(tmp_path):
    import app
    from drafting.shell.launch import serve_static_from_memory
    from drafting.shell.services import make_workbench

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    demo = app.build_app(settings, make_workbench(settings))
    demo.queue().launch(**app.launch_options(settings, Logins()), prevent_thread_lock=True, quiet=True)
    serve_static_from_memory(app.gr, demo.app)  # as python app.py serves gradio's front-end files
    yield f"http://127.0.0.1:{settings.port}/", settings
    demo.close()


def test_a_working_day_in_the_browser(app_url, tmp_path):
    url, settings = app_url
    shots = Path(os.environ["REPORTDRAFT_SHOTS"]) if os.environ.get("REPORTDRAFT_SHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    out = run_session(url, tmp_path, shots, shots / "wide-1920.png" if shots else None)

    refused = out["refusals"]
    assert refused["no_outline"].startswith("⚠ 请先") and "2099" in refused["year"] and "事实" in refused["no_facts"]
    assert "一、2024年推进法治政府建设的主要举措和成效" in out["moved_row"], \
        "the fact chosen by its text moved to the heading chosen"
    assert out["sections"] == 5 and "全文 " in out["progress"]
    assert "⚠ 这一部分已锁定" in out["locked_note"]
    assert out["after_refusal"] == out["before_refusal"], "every section intact after the refusal"
    assert "只换用其他范例句式和语序" in out["regen_note"]
    assert out["regenerated"] != out["before_refusal"][out["target"]]
    assert "未通过" in out["check_msg"] or "5 / 7" in out["check_msg"]
    assert out["jumped_to"] == f"rd-card-{out['first']}", "a click on the failing check shows its section"
    assert "【F" not in out["copied_clean"] and "28场次【F1】" in out["copied_marked"]
    assert "另培训妇女骨干60人" in out["copied_clean"], "the copy carries the saved edit"
    assert out["downloads_hidden_before"], "no empty download box before anything is exported"
    texts = [p.text for p in docx.Document(str(out["docx"])).paragraphs]
    assert texts[0].replace("\n", "") == "青川县妇女联合会2024年度法治政府建设工作情况报告"
    assert any("另培训妇女骨干60人" in t for t in texts) and all("【F" not in t for t in texts)
    assert out["tab"] == "2 初稿与修改", "reopening switches to the draft tab"
    assert out["form"]["org"] == "青川县妇女联合会" and out["form"]["year"] == "2024"
    assert out["form"]["date"] == "2025-01-20" and "偏远山区普法覆盖面还不够" in out["form"]["facts"]
    assert out["reopened_texts"][out["first"]] == out["edited"]
    assert "给县委的终稿" not in out["after_delete"] and "给县委的终稿" in out["after_restore"]
    assert out["hosts"] == {url.split("/")[2]}, "the page fetched nothing from the internet"
    from drafting.output.store import DraftStore

    saved = DraftStore(settings.db_path)
    assert saved.count() == 1, "one saved draft for the outline, however often it was pressed"


def test_closing_the_tab_stops_the_model_and_closes_its_connection(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    import app
    from drafting.shell.services import make_workbench

    from .browser_flow import FACTS, LAUNCH_ARGS, field
    from .test_cancel import Drip

    drip = Drip(pieces=6000)  # two minutes of streaming unless someone hangs up
    env = {"OPENAI_BASE_URL": drip.url, "REPORTDRAFT_MODEL": "m", "REPORTDRAFT_TIMEOUT": "300",
           "REPORTDRAFT_RETRIES": "0"}
    settings = Settings.from_env(env=env, data_dir=tmp_path / "data", port=free_port())
    demo = app.build_app(settings, make_workbench(settings))
    demo.queue().launch(**app.launch_options(settings, Logins()), prevent_thread_lock=True, quiet=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=LAUNCH_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{settings.port}/")
            field(page, "rd-org").fill("青川县妇女联合会")
            field(page, "rd-facts").fill(FACTS)
            page.click("#rd-outline")
            expect(page.locator("#rd-outline-msg")).to_contain_text("已生成提纲", timeout=30_000)
            page.click("#rd-write")
            expect(page.locator("#rd-write-msg")).to_contain_text("正在起草", timeout=30_000)
            assert drip.started.wait(30) and not drip.hung_up.is_set(), "the model is streaming"
            page.close()
            browser.close()
        assert drip.hung_up.wait(20), "the model's connection was closed when the tab closed"
    finally:
        demo.close()
        drip.close()
