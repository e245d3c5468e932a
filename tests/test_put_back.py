"""A fact the tool will not write as an item is in the outline with its reason, and one click puts it
back (issue 27), through the page as a browser calls it: staff paste a fragment (综治中心、司法所等多部门
— no work said), the outline shows it in no section with "缺少“做了什么”", 放回未写入的事实 puts it at the
end of the first section of work, the draft then writes it, the checks only remind, and 撤销上一步
takes the click back."""

from __future__ import annotations

import pytest

from drafting.shell.settings import Settings
from retrieval.index import ReportIndex

from . import gradio_calls
from .conftest import CORPUS, free_port
from .gradio_calls import Page

pytestmark = pytest.mark.slow
FRAGMENT = "综治中心、司法所、派出所等多部门"
FACTS = f"全年开展普法宣传28场次，发放宣传资料8万余册\n{FRAGMENT}\n开展会前学法12次"
FORM = ["青川县妇女联合会", "", 2024, "fazhi", "", "2025-01-20", "annual", FACTS, *[""] * 8, None]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    from drafting.output.store import DraftStore
    from drafting.shell.users import Logins
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    home = tmp_path_factory.mktemp("put_back")
    (home / "users.txt").write_text("wang:pw1:青川县妇女联合会\n", encoding="utf-8")
    settings = Settings.from_env(env={}, data_dir=home / "data", port=free_port())
    index = ReportIndex(home / "index")
    index.index_corpus(CORPUS)
    bench = Workbench(settings, index, DraftStore(settings.db_path), OfflineComposer())
    demo, address = gradio_calls.serve(settings, bench, Logins.from_settings("", str(home / "users.txt")))
    yield address
    demo.close()


def _said(data) -> str:
    return " ".join(str(d.get("value", d) if isinstance(d, dict) else d) for d in data if d)


def _outline(data) -> dict[str, list]:
    table = next(d for d in data if isinstance(d, dict) and isinstance(d.get("value"), dict)
                 and "headers" in d["value"])["value"]
    return {row[0]: row for row in table["data"]}


def test_a_left_out_fact_is_put_back_with_one_click_and_the_click_can_be_undone(root):
    page = Page(root).login("wang", "pw1").open()
    rows = _outline(page.run("on_outline", *FORM, None))
    assert rows["F2"][3] == "（未分配）" and "缺少“做了什么”" in " ".join(rows["F2"]), "left out, with its reason"

    back = page.press("rd-put-back", None)
    assert "已放回" in _said(back)
    rows = _outline(back)
    assert rows["F2"][3] != "（未分配）" and "主要举措" in rows["F2"][3], rows["F2"]

    undone = _outline(page.press("rd-undo-outline", None))
    assert undone["F2"][3] == "（未分配）", "撤销上一步 takes the put-back away again"
    page.press("rd-put-back", None)

    page.run("on_write", None, [])
    texts = " ".join(str(c.get("value", "")) for c in page.cards().values())
    assert FRAGMENT in texts and "【F2】" in texts, "the draft writes the fact the user put back"
    checked = str(page.run("on_check", None, None))
    assert "F2" in checked and "仅供参考" in checked, "事实归位 reminds the user of it, as of any of their moves"

    again = page.press("rd-put-back", None)
    assert "没有未写入草稿的事实" in _said(again), "a second click says there is nothing left out"
