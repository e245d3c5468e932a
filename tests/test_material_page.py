"""The 本年度工作信息 section through the page, as a logged-in user's browser calls it (Gradio's HTTP
path, tests/gradio_calls.py): upload a year's items, tick, edit and add candidates, answer a
question, add them to the facts box, outline and draft — each fact taken from an item keeps its
source to the card and the Word comments. The candidates are the session's: another organisation's
user holding its session id can neither read them nor add them to anything, and a session of their
own has none."""

from __future__ import annotations

import json

import pytest

from drafting.shell.settings import Settings
from evals.material import load_set, make_files

from . import gradio_calls
from .conftest import CORPUS, free_port
from .gradio_calls import Page
from .test_flags_in_files import comments

pytestmark = pytest.mark.slow
LANXI, OTHER = "岚溪县妇女联合会", "旺苍县妇女联合会"
USERS = f"wang:pw1:{LANXI}\nli:pw2:{OTHER}\n"
ITEMS = ["三八维权周（公众号推文）.md", "人身安全保护令.txt", "县政府网站-反家暴宣传.html", "家庭教育工作信息.docx",
         "健康知识进乡村（繁体稿）.txt", "2023年宪法宣传周.txt", "扫描件.pdf"]
"""Five of the eval set's items, one from 2023 and one hostile file (a PDF that is none)."""
WHO = [LANXI, 2024, "fazhi", "annual", "", "", ""]
"""The fields a reading takes: 单位全称, 年份, 类型, 期间, 级别, 性质, 负责人 (then the facts box)."""
TYPED = "党组书记、主席带头讲授法治专题党课1次"


def said(data) -> str:
    return json.dumps(data, ensure_ascii=False)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app with two logins of two organisations; the events' own check of the session's user
    (the event stream's check is off, so each event must refuse by itself)."""
    from drafting.output.store import DraftStore
    from drafting.shell.users import Logins
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer
    from retrieval.index import ReportIndex

    root = tmp_path_factory.mktemp("material-page")
    (root / "users.txt").write_text(USERS, encoding="utf-8")
    settings = Settings.from_env(env={}, data_dir=root / "data", port=free_port())
    index = ReportIndex(root / "index")
    index.index_corpus(CORPUS)
    bench = Workbench(settings, index, DraftStore(settings.db_path), OfflineComposer())
    demo, address = gradio_calls.serve(settings, bench, Logins.from_settings("", str(root / "users.txt")), False)
    (root / "items").mkdir()
    yield address, bench, make_files(load_set(), root / "items")
    demo.close()


def test_items_in_ticked_facts_and_answers_out_each_traceable_to_its_item(served, tmp_path):
    root, bench, items = served
    wang = Page(root).login("wang", "pw1").open()
    read = wang.press("rd-mat-read", wang.upload(*[items / name for name in ITEMS]), "", *WHO, TYPED)
    table, report, boxes = read[1], read[2], read[3:11]
    assert read[0] is None, "the candidates themselves stay on the server, in the session"
    rows = table["value"]["data"] if "value" in table else table["data"]
    assert [row[1] for row in rows[:-1]] == [f"C{n}" for n in range(1, len(rows))] and len(rows) >= 6
    assert rows[-1][1:4] == ["", "", ""], "a blank row for the user's own fact"
    assert "2023年宪法宣传周.txt" in report and "不在报告期" in report, "the 2023 item set aside, with why"
    assert "跳过文件 扫描件.pdf" in report, "the hostile file costs one line"
    questions = [b for b in boxes if b.get("visible")]
    assert len(questions) >= 2 and all(b["label"].startswith("同类报告通常还写到") for b in questions)

    week = next(r for r in rows if "三八" in r[3])
    order = next(r for r in rows if "人身安全保护令" in r[3])
    health = next(r for r in rows if "健康知识进乡村" in r[3])
    health[0] = False  # not this one
    order[3] = order[3].replace("6月，", "6月，县妇联")  # edited: still its item's, marked edited
    rows[-1][3] = "全年开展普法宣传28场次"  # the user's own
    study = next(n for n, b in enumerate(boxes) if "学法用法" in b.get("label", ""))
    answers = [""] * 8
    answers[study] = "组织党组理论学习中心组学法4次"
    added = wang.press("rd-mat-add", None, {"headers": table.get("headers"), "data": rows}, TYPED, None, *answers)
    facts, message = added[0], added[-1]
    assert facts.startswith(TYPED + "\n") and week[3] in facts and order[3] in facts
    assert health[3] not in facts and "全年开展普法宣传28场次" in facts and "组织党组理论学习中心组学法4次" in facts
    assert "（其中 1 条经您修改）" in message and "回答 1 条" in message and "自己补充 1 条" in message

    wang.run("on_outline", LANXI, "", 2024, "fazhi", "", "2025-01-20", "annual", facts, *[""] * 8, None, None)
    wang.run("on_write", None, [])
    draft = bench.store.load(bench.store.list(owner=LANXI)[0].id)
    by_text = {f.text: f for f in draft.facts}
    assert [o.file for o in by_text[week[3]].origins] == ["三八维权周（公众号推文）.md"]
    assert by_text[order[3]].origins[0].edited and not by_text[week[3]].origins[0].edited
    assert by_text[TYPED].origins == [] and by_text["组织党组理论学习中心组学法4次"].origins == []
    info = "".join(v.get("value") or "" for k, v in wang.cards().items() if k.startswith("rd-info-"))
    assert "取自《【巾帼普法】维权周" in info and "（三八维权周（公众号推文）.md，2024-03-08）" in info
    word = next(f["path"] for f in wang.run("on_export", None)[0]["value"] if f["path"].endswith(".docx"))
    sources = [text for text, _ in comments(word) if text.startswith("来源：")]
    assert any("三八维权周（公众号推文）.md" in text for text in sources)
    assert any("人身安全保护令.txt" in text and "文字经用户修改" in text for text in sources)


def test_another_organisations_user_holding_the_session_id_cannot_read_the_candidates(served):
    root, _, items = served
    wang = Page(root).login("wang", "pw1").open()
    read = wang.press("rd-mat-read", wang.upload(items / "三八维权周（公众号推文）.md"), "", *WHO, "")
    table = read[1]
    candidate = (table["value"] if "value" in table else table)["data"][0][3]
    assert "1200余份" in candidate

    li = Page(root).login("li", "pw2").open()
    assert "请先上传或粘贴工作信息" in said(li.press("rd-mat-add", None, {"headers": [], "data": []}, "", None,
                                                     *[""] * 8)), "a session of their own holds none"
    li.session = wang.session  # wang's session id, however obtained
    answers = [li.press("rd-mat-add", None, {"headers": [], "data": []}, "", None, *[""] * 8),
               li.press("rd-mat-read", None, "", *WHO, "")]
    for answer in answers:
        assert "这个页面会话属于另一位登录用户" in said(answer) and "1200余份" not in said(answer)
    again = wang.press("rd-mat-add", None, {"headers": [], "data": [[True, "C1", "", candidate, "", "", ""]]}, "",
                       None, *[""] * 8)
    assert again[0] == candidate, "the owner's candidates are as they were"
