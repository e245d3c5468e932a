"""Nothing typed is lost (issue 25), through the page as a browser calls it: a save the disk refuses
leaves the user's text in the box, marked unsaved, with a message that says so; an edit made while
PostgreSQL is stopped is kept and written when it answers again.

Before: with the disk full the message was true ("未保存…请重试") but the box went back to the last
saved version, so there was nothing left to retry with; with PostgreSQL stopped, the edit's check
read the catalog first and failed ("无法连接数据库") before the save could keep it, and after the
database came back none of three edits was in the draft."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from drafting.shell.settings import Settings
from drafting.shell.users import Logins
from evals.fixtures.servers import postgres_bin, start_postgres

from . import gradio_calls
from .conftest import CORPUS, free_port
from .gradio_calls import Page

pytestmark = pytest.mark.slow
FACTS = "全年开展普法宣传28场次，发放宣传资料8万余册\n基层普法力量不足"
FORM = ["青川县妇女联合会", "", 2024, "fazhi", "", "2025-01-20", "annual", FACTS, "", "", "", "", "", "", "", "", None]
EDITED = "全年开展普法宣传28场次【F1】，发放宣传资料8万余册【F1】，" + "普法宣传进村入户，" * 400 + "成效明显。"
"""A section rewritten at length (about 4,000 characters: more than a full disk has room for)."""


def drafted(root: str) -> Page:
    page = Page(root).login("wang", "pw1").open()
    page.run("on_outline", *FORM, None)
    page.run("on_write", None, [])
    page.cards()
    return page


def test_a_save_the_disk_refuses_leaves_the_text_in_the_box_marked_unsaved(tmp_path):
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer
    from retrieval.index import ReportIndex

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    index = ReportIndex(tmp_path / "index")
    index.index_corpus(CORPUS)
    store = DraftStore(settings.db_path)
    (tmp_path / "users.txt").write_text("wang:pw1:青川县妇女联合会\n", encoding="utf-8")
    logins = Logins.from_settings("", str(tmp_path / "users.txt"))
    demo, root = gradio_calls.serve(settings, Workbench(settings, index, store, OfflineComposer()), logins)
    try:
        page = drafted(root)
        saved = page.cards()["rd-text-s1"]["value"]
        pages = store._db.execute("PRAGMA page_count").fetchone()[0]
        store._db.execute(f"PRAGMA max_page_count = {pages}")  # sqlite's own 'database or disk is full'

        page.press("rd-save-s1", None, None, None, EDITED)
        card = page.cards()
        assert card["rd-text-s1"]["value"] == EDITED, "the user's text, not the last saved version"
        assert "（未保存）" in card["rd-title-s1"]["value"]
        note = card["rd-note-s1"]["value"]
        assert "磁盘已满" in note and "本次改动未保存" in note and "仍在框中，但没有保存" in note
        draft_id = store.list()[0].id
        assert store.load(draft_id).section("s1").text == saved

        store._db.execute("PRAGMA max_page_count = 1073741823")  # room again: the same box saved
        page.press("rd-save-s1", None, None, None, EDITED)
        card = page.cards()
        assert card["rd-text-s1"]["value"] == EDITED and "未保存" not in card["rd-title-s1"]["value"]
        assert card["rd-note-s1"]["value"] == "已保存修改。"
        assert store.load(draft_id).section("s1").text == EDITED
    finally:
        demo.close()


@pytest.mark.skipif(postgres_bin() is None, reason="apt-get install postgresql")
def test_edits_made_while_postgresql_is_stopped_are_all_there_when_it_answers_again(tmp_path):
    """The province's shape: drafts and the catalog in PostgreSQL, the app built as `python app.py`
    builds it (make_workbench). The database stops mid-edit; three edits; it starts again."""
    from drafting.output.store import DraftStore
    from drafting.shell.services import make_workbench

    postgres = start_postgres()
    demo = None
    try:
        settings = Settings.from_env(env={"REPORTDRAFT_DATABASE_URL": postgres.url}, data_dir=tmp_path / "data",
                                     port=free_port())
        bench = make_workbench(settings)
        (tmp_path / "users.txt").write_text("wang:pw1:青川县妇女联合会\n", encoding="utf-8")
        demo, root = gradio_calls.serve(settings, bench, Logins.from_settings("", str(tmp_path / "users.txt")))
        page = drafted(root)
        draft_id = bench.store.list()[0].id

        postgres.stop(remove=False)
        edits = [f"第{n}次修改：全年开展普法宣传28场次【F1】，发放宣传资料8万余册【F1】。" for n in (1, 2, 3)]
        for text in edits:
            started = time.monotonic()
            page.press("rd-save-s1", None, None, None, text)
            card = page.cards()
            took = time.monotonic() - started
            assert card["rd-text-s1"]["value"] == text and "未保存" not in card["rd-title-s1"]["value"], took
            assert "数据库恢复后自动保存" in card["rd-note-s1"]["value"], card["rd-note-s1"]["value"]
            print(f"edit while PostgreSQL is stopped: {took:.1f} s")
        assert bench.store.unsaved == 3
        page.press("rd-undo-s1", None, None, None)  # what needs the database itself says so
        card = page.cards()
        assert "无法连接数据库" in card["rd-note-s1"]["value"] and card["rd-text-s1"]["value"] == edits[-1]
        assert "无法连接数据库" in page.press("rd-search-btn", "", None)[-1]

        postgres.start()
        deadline = time.monotonic() + 60
        while bench.store.unsaved and time.monotonic() < deadline:
            time.sleep(0.5)
        texts = [v[2] for v in DraftStore(postgres.url).versions(draft_id, "s1")]
        assert texts[-3:] == edits, "all three, in order"

        again = Page(root).login("wang", "pw1").open()  # another page opens it from 已保存的草稿
        again.press("rd-search-btn", "", None)
        again.press("rd-saved", None, trigger="select", event_data={"index": [0, 0], "value": "", "selected": True})
        again.press("rd-open", None)
        assert again.cards()["rd-text-s1"]["value"] == edits[-1]
    finally:
        if demo is not None:
            demo.close()
        try:
            postgres.stop()
        except subprocess.CalledProcessError:  # stopped when the test failed
            shutil.rmtree(postgres.directory, ignore_errors=True)
