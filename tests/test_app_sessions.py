"""Logged-in users through the page, as their browsers call it (issue 25): a draft made with 生成提纲
belongs to the user's organisation and uses that organisation's uploaded reports; a session is
tied to the login that opened it, so another organisation's user holding its hash can neither read,
export nor change the draft open in it, nor listen to its answers or end it.

Before: `on_outline(*form, request=None)` never received the request (Gradio gives gr.Request to an
ordinary positional parameter only), so every draft was saved as nobody's: "已生成提纲，已自动保存",
then 已保存的草稿 said "还没有保存的草稿"; and any logged-in user sending someone's session hash
read and exported that person's open draft."""

from __future__ import annotations

import json
import urllib.error

import docx
import pytest

from drafting.shell.page_logins import NOT_YOURS
from drafting.shell.settings import Settings
from retrieval.index import ReportIndex

from . import gradio_calls
from .conftest import CORPUS, free_port
from .gradio_calls import Page
from .test_owned_reports import FACTS, INTERNAL, JIA, REPORT, YI

pytestmark = pytest.mark.slow
FORM = [JIA, "", 2024, "fazhi", "", "2025-01-20", "annual", FACTS, *[""] * 8, None]
"""The form as the page sends it: 单位全称, 自称, 年份, 类型, 主送, 成文日期, 期间, 事实, 级别, 性质, 负责人, 发文字号,
签发人, 抄送, 印发机关, 结构, and the facts' sources (a gr.State: None, the server keeps the page's)."""
USERS = f"wang:pw1:{JIA}\nzhao:pw3:{JIA}\nli:pw2:{YI}\n"


def serve(root, streams: bool):
    """The app over a fresh index of the shipped corpus, with three logins: wang and zhao of 甲县, li of 乙县."""
    from drafting.output.store import DraftStore
    from drafting.shell.users import Logins
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    users = root / "users.txt"
    users.write_text(USERS, encoding="utf-8")
    settings = Settings.from_env(env={}, data_dir=root / "data", port=free_port())
    index = ReportIndex(root / "index")
    index.index_corpus(CORPUS)
    bench = Workbench(settings, index, DraftStore(settings.db_path), OfflineComposer())
    demo, address = gradio_calls.serve(settings, bench, Logins.from_settings("", str(users)), streams)
    upload = root / "upload" / "苍溪县妇联2023年法治政府建设报告.txt"
    upload.parent.mkdir()
    upload.write_text(REPORT, encoding="utf-8")
    return demo, (address, bench, upload)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    demo, served = serve(tmp_path_factory.mktemp("sessions"), streams=True)
    yield served
    demo.close()


@pytest.fixture(scope="module")
def handlers_only(tmp_path_factory):
    """The same without the stream check: each event's own check of the session's user, on its own."""
    demo, served = serve(tmp_path_factory.mktemp("handlers"), streams=False)
    yield served
    demo.close()


def said(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def written(page: Page, form=FORM) -> str:
    """生成提纲 then 生成初稿 on `page`; the message beside 生成提纲."""
    outlined = said(page.run("on_outline", *form, None))
    page.run("on_write", None, [])
    return outlined


def test_a_draft_made_through_the_page_is_the_users_organisations_and_uses_its_uploads(served):
    root, bench, upload = served
    wang = Page(root).login("wang", "pw1").open()
    assert "已导入" in said(wang.run("on_import", wang.upload(upload), None))
    outlined = written(wang)
    assert "已生成提纲，已自动保存" in outlined and "法律明白人" in outlined, "its own 2023 plans as last year's"
    listed = said(wang.press("rd-search-btn", "", None))
    assert f"{JIA} · 2024" in listed and "还没有保存的草稿" not in listed, "已保存的草稿 lists it"
    assert f"{JIA} · 2024" in said(Page(root).login("zhao", "pw3").open().press("rd-search-btn", "", None))
    assert f"{JIA} · 2024" not in said(Page(root).login("li", "pw2").open().press("rd-search-btn", "", None))
    mine = bench.store.list(owner=JIA)
    assert mine and not bench.store.list(owner="\0nobody")
    draft = bench.store.load(mine[0].id)
    assert any(src.title.startswith(JIA) for s in draft.sections for src in s.sources), "its upload as an example"

    li = Page(root).login("li", "pw2").open()  # 乙县's user, drafting under 甲县's name
    outlined = written(li)
    assert "法律明白人" not in outlined
    theirs = bench.store.load(bench.store.list(owner=YI)[0].id)
    assert not any(src.title.startswith(JIA) for s in theirs.sections for src in s.sources)
    assert INTERNAL not in said(li.cards())


def test_another_organisations_user_holding_the_session_hash_can_neither_read_export_nor_change(handlers_only,
                                                                                                tmp_path):
    root, bench, _ = handlers_only
    wang = Page(root).login("wang", "pw1").open()
    written(wang, [JIA, "", 2023, "fazhi", "", "2024-01-20", "annual", FACTS, *[""] * 8, None])
    cards = wang.cards()
    text = cards["rd-text-s1"]["value"]
    assert "28场次" in text
    draft_id = next(r.id for r in bench.store.list(owner=JIA) if r.year == 2023)
    before = bench.store.versions(draft_id, "s1")

    li = Page(root).login("li", "pw2")
    li.session, li.rendered = wang.session, wang.rendered  # the hash and the card buttons' events, however obtained
    li.press("rd-save-s1", None, None, None, "乙县改写的文字")
    li.press("rd-lock-s1", None, None, None, True, trigger="input")
    li.press("rd-regen-s1", None, None, None, "")
    assert bench.store.versions(draft_id, "s1") == before, "nothing saved"
    assert not bench.store.load(draft_id).section("s1").locked
    for read in (li.cards, lambda: li.run("on_change", None)):  # the cards, the text behind the copy buttons
        with pytest.raises(AssertionError) as refused:
            read()
        assert "28场次" not in str(refused.value)
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    docx.Document().save(tmp_path / "edited.docx")
    upload, edited = li.upload(tmp_path / "report.txt"), li.upload(tmp_path / "edited.docx")
    answers = [li.run("on_export", None), li.run("on_check", None, None), li.run("on_write", None, []),
               li.press("rd-move", None, "F1", "s2"), li.run("on_outline", *FORM, None), li.run("on_new", *FORM, None),
               li.run("on_import", upload, None), li.run("on_merge", None, edited[0]),
               li.press("rd-delete-section", None, None), li.press("rd-undo-step", None),
               li.press("rd-undo-outline", None),
               li.run("on_redraft", None, [], []), li.run("on_redraft_all", None, [])]
    for answer in answers:
        assert NOT_YOURS in said(answer) and "28场次" not in said(answer) and ".docx" not in said(answer)

    assert bench.store.versions(draft_id, "s1") == before and bench.store.load(draft_id).section("s1") is not None
    again = wang.cards()
    assert again["rd-text-s1"]["value"] == text, "the owner's page is as it was"
    exported = said(wang.run("on_export", None))
    assert ".docx" in exported and NOT_YOURS not in exported, "and still works for its owner"


def test_a_call_without_a_login_is_refused(served):
    root, _, _ = served
    with pytest.raises(urllib.error.HTTPError):
        Page(root).run("on_outline", *FORM, None)


def test_the_sessions_event_stream_and_heartbeat_are_its_users_only(served):
    """Gradio serves a session's answers (the draft's text among them) to whoever names its hash, and
    ends the session when a heartbeat connection to it closes: both are refused to another login."""
    root, _, _ = served
    wang = Page(root).login("wang", "pw1").open()
    li = Page(root).login("li", "pw2")
    for route in (f"/gradio_api/queue/data?session_hash={wang.session}", f"/gradio_api/heartbeat/{wang.session}"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            li.opener.open(root + route, timeout=20)
        assert refused.value.code == 403 and NOT_YOURS in refused.value.read().decode()
    assert "已生成提纲" in said(wang.run("on_outline", *FORM, None)), "its own user's stream still answers"
