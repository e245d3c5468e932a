"""In a real browser, logged in as a user of an organisation, with the app served as `python app.py`
serves it (its session streams kept to their login): outline, draft, then a save the disk refuses
leaves the typed text in the box, marked unsaved, and the same box saves once there is room."""

from __future__ import annotations

import shutil

import pytest

from drafting.shell.settings import Settings
from drafting.shell.users import Logins

from . import gradio_calls
from .browser_flow import FACTS, LAUNCH_ARGS, WAIT, cards, field, texts
from .conftest import free_port

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (CI installs it)")]


def test_logged_in_a_refused_save_keeps_the_typed_text_in_the_box(tmp_path, seed_index):
    from playwright.sync_api import expect, sync_playwright

    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    store = DraftStore(settings.db_path)
    (tmp_path / "users.txt").write_text("wang:pw1:青川县妇女联合会\n", encoding="utf-8")
    demo, root = gradio_calls.serve(settings, Workbench(settings, seed_index, store, OfflineComposer()),
                                    Logins.from_settings("", str(tmp_path / "users.txt")))
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=LAUNCH_ARGS)
            page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
            page.goto(root + "/")
            page.locator("input[type=text]").first.fill("wang")
            page.locator("input[type=password]").first.fill("pw1")
            page.locator("button").filter(has_text="Login").or_(page.locator("button").filter(has_text="登录")).first.click()
            field(page, "rd-org").fill("青川县妇女联合会")
            field(page, "rd-year").fill("2024")
            field(page, "rd-date").fill("2025-01-20")
            field(page, "rd-facts").fill(FACTS)
            page.click("#rd-outline")
            expect(page.locator("#rd-outline-msg")).to_contain_text("已生成提纲，已自动保存", timeout=WAIT)
            page.click("#rd-write")
            expect(page.locator("#rd-write-msg")).to_contain_text("初稿完成", timeout=60_000)
            expect(page.locator("#rd-progress")).to_contain_text("全文", timeout=WAIT)  # the draft on the screen
            assert [row.owner for row in store.list()] == ["青川县妇女联合会"], "the draft is wang's organisation's"

            first = cards(page)[1]
            saved = texts(page)[first]
            pages = store._db.execute("PRAGMA page_count").fetchone()[0]
            store._db.execute(f"PRAGMA max_page_count = {pages}")  # sqlite's own 'database or disk is full'
            typed = saved + "另组织巾帼普法志愿者进村入户宣讲。" * 300
            field(page, f"rd-text-{first}").fill(typed)
            page.click(f"#rd-save-{first}")
            expect(page.locator(f"#rd-note-{first}")).to_contain_text("磁盘已满", timeout=WAIT)
            expect(page.locator(f"#rd-title-{first}")).to_contain_text("未保存", timeout=WAIT)
            expect(page.locator(f"#rd-note-{first}")).to_contain_text("仍在框中，但没有保存")
            assert field(page, f"rd-text-{first}").input_value() == typed, "the typed text, not the saved one"

            store._db.execute("PRAGMA max_page_count = 1073741823")
            page.click(f"#rd-save-{first}")
            expect(page.locator(f"#rd-note-{first}")).to_contain_text("已保存修改", timeout=WAIT)
            expect(page.locator(f"#rd-title-{first}")).not_to_contain_text("未保存")
            assert field(page, f"rd-text-{first}").input_value() == typed
            assert store.load(store.list()[0].id).section(first).text == typed
            browser.close()
    finally:
        demo.close()
