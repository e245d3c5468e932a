"""In a real browser, from a year's 工作信息 to a draft (issue 24): upload five items of the eval set,
one of 2023 and one hostile file → candidates, the 2023 item set aside and the file skipped, each
with its reason → untick one, edit one, add one's own → answer two coverage questions → add to the
facts box → outline → draft: the draft holds the ticked facts and the answers, not the unticked one;
each fact taken from an item names it beside its card and in a Word comment on its sentence.

Screenshots of each step go to $REPORTDRAFT_SHOTS when set."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from drafting.shell.settings import Settings
from drafting.shell.users import Logins
from evals.material import load_set, make_files

from .conftest import free_port
from .material_flow import ANSWERS, OWN, run_material
from .test_flags_in_files import comments

TIME_LEAD = re.compile(r"^(?:今年|本年|20\d\d年)[，,]")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (CI installs it)")]
SOURCES = {"3月8日": "三八维权周（公众号推文）.md", "6月，县妇联": "人身安全保护令.txt",
           "11月25日": "县政府网站-反家暴宣传.html", "4月以来": "家庭教育工作信息.docx",
           "今年，": "家庭教育工作信息.docx"}
"""How each ticked candidate opens, and the item it was taken from."""


def test_a_years_items_become_traceable_facts_of_the_draft(tmp_path):
    import app
    from drafting.shell.services import make_workbench

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    demo = app.build_app(settings, make_workbench(settings))
    demo.queue().launch(**app.launch_options(settings, Logins()), prevent_thread_lock=True, quiet=True)
    (tmp_path / "items").mkdir()
    items = make_files(load_set(), tmp_path / "items")
    shots = Path(os.environ["REPORTDRAFT_SHOTS"]) / "material" if os.environ.get("REPORTDRAFT_SHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    try:
        out = run_material(f"http://127.0.0.1:{settings.port}/", items, tmp_path, shots)
    finally:
        demo.close()

    assert "2023年宪法宣传周.txt" in out["summary"] and "不在报告期" in out["summary"]
    assert "跳过文件 扫描件.pdf" in out["summary"], "the hostile file: one line"
    assert len(out["questions"]) >= 2
    assert "候选事实 5 条（其中 1 条经您修改）、自己补充 1 条、回答 2 条" in out["added"]
    assert out["unticked"] not in out["facts"] and out["edited"] in out["facts"] and OWN in out["facts"]

    body = "".join(out["texts"].values())
    assert "1300余人" not in body, "the unticked candidate is not in the draft"
    for figure in ("80余人次", "1200余份", "600余份", "4500余人次", "2300余户", "28场次"):
        assert figure in body, figure
    assert "学法4次" in body and "推送普法文章46篇" in body, "the two answers"
    info = "\n".join(out["info"].values())
    said = [text for text, _ in comments(out["docx"]) if text.startswith("来源：")]
    for opening, item in SOURCES.items():
        fact = next(line for line in out["facts"].split("\n") if line.startswith(opening))
        assert f"（{item}" in info, f"{item} beside the card"
        here = [text for text, anchor in comments(out["docx"]) if text.startswith("来源：") and item in text]
        assert here, f"{item} as a Word comment"
        core = TIME_LEAD.sub("", fact)  # 今年，… is written without the lead the report's year already says
        assert core[:12] in "".join(anchor for text, anchor in comments(out["docx"]) if item in text)
    assert any("人身安全保护令.txt" in text and "文字经用户修改" in text for text in said)
    assert "文字经您修改" in info
    assert not any(ANSWERS[topic][:8] in text for text in said for topic in ANSWERS), "an answer is the user's own"
