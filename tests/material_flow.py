"""A drafter's year of 工作信息 into a draft, in a real browser, step by step with a screenshot of each:
upload the items → read the candidates, the items set aside and the files skipped → untick one, edit
one, write one of their own → answer two of the questions → add to the facts box → outline → draft
→ each card's sources → export the Word file.

Used by tests/test_material_browser.py; run by hand against a running app with
    python -m tests.material_flow http://127.0.0.1:7860/ ITEMS_DIR /tmp/shots
"""

from __future__ import annotations

import sys
from pathlib import Path

from evals.browser import cards, field, launch, texts

from .browser_day import drafted
from .browser_flow import WAIT, Session, download_docx

ITEMS = ["三八维权周（公众号推文）.md", "人身安全保护令.txt", "县政府网站-反家暴宣传.html", "家庭教育工作信息.docx",
         "健康知识进乡村（繁体稿）.txt", "2023年宪法宣传周.txt", "扫描件.pdf"]
"""Five items of evals/material's set, one of 2023 and one hostile file (a PDF that is none)."""
UNTICK, EDIT = "健康知识进乡村", "人身安全保护令"
OWN = "全年开展普法宣传28场次"
ANSWERS = {"学法用法": "组织党组理论学习中心组学法4次，机关干部职工参加年度学法考试合格率100%",
           "新媒体普法": "“岚溪女性”公众号推送普法文章46篇、普法短视频12条"}


def cell(page, row: int, col: int):
    """A cell of the candidates table, scrolled into the table's view (it draws only the rows in view)."""
    found = page.locator(f"#rd-mat-table [data-testid=cell-{row}-{col}]")
    for step in range(40):
        if found.count():
            found.scroll_into_view_if_needed()
            return found
        page.locator("#rd-mat-table").evaluate(  # scroll the table's own scroller a little further
            "(t, y) => { for (const e of t.querySelectorAll('*')) if (e.scrollHeight > e.clientHeight + 4)"
            " e.scrollTop = y; }", 150 * step)
        page.wait_for_timeout(100)
    raise AssertionError(f"no cell {row},{col} in the candidates table")


def row_of(page, text: str, rows: int) -> int:
    """The row whose candidate's text holds `text`."""
    return next(r for r in range(rows) if text in cell(page, r, 3).inner_text())


def untick(page, row: int) -> None:
    """A person's clicks on a tick until it is off (Gradio's table takes the first click to select the cell)."""
    box = cell(page, row, 0).locator("input[type=checkbox]")
    for _ in range(3):
        if not box.is_checked():
            return
        box.click()
        page.wait_for_timeout(200)
    raise AssertionError("the tick stays on")


def write_cell(page, row: int, text: str) -> None:
    """Double-click the candidate's text, replace it, Enter."""
    cell(page, row, 3).dblclick()
    editor = page.locator("#rd-mat-table textarea[aria-label='Edit cell']").first
    editor.fill(text)
    editor.press("Enter")
    page.wait_for_timeout(200)


def read_items(s: Session, expect, items: Path) -> dict:
    page, out = s.page, {}
    field(page, "rd-org").fill("岚溪县妇女联合会")
    field(page, "rd-year").fill("2024")
    field(page, "rd-date").fill("2025-01-20")
    page.locator("#rd-material").get_by_text("本年度工作信息").first.click()
    page.locator("#rd-mat-files input[type=file]").set_input_files([str(items / name) for name in ITEMS])
    expect(page.locator("#rd-mat-files")).to_contain_text("扫描件", timeout=WAIT)  # all uploaded
    page.click("#rd-mat-read")
    expect(page.locator("#rd-mat-msg")).to_contain_text("已提取", timeout=WAIT)
    out["summary"] = page.locator("#rd-mat-summary").inner_text()
    out["rows"] = int(out["summary"].split("提取候选事实 ")[1].split(" 条")[0]) + 1  # and the blank row
    out["questions"] = {n: page.locator(f"#rd-mat-q{n}").inner_text() for n in range(1, 9)
                        if page.locator(f"#rd-mat-q{n}").is_visible()}
    page.locator("#rd-mat-summary").scroll_into_view_if_needed()
    s.shot("material-read")
    return out


def choose_and_answer(s: Session, expect, rows: int, questions: dict[int, str]) -> dict:
    page, out = s.page, {}
    candidates = [cell(page, r, 3).inner_text() for r in range(rows - 1)]
    out["unticked"] = candidates[row_of(page, UNTICK, rows)]
    edit_row = row_of(page, EDIT, rows)
    untick(page, row_of(page, UNTICK, rows))
    out["edited"] = candidates[edit_row].replace("6月，", "6月，县妇联")
    write_cell(page, edit_row, out["edited"])
    write_cell(page, rows - 1, OWN)
    out["ticked"] = [c for c in candidates if c != out["unticked"]]
    s.shot("ticked-edited-own-row")
    for topic, answer in ANSWERS.items():
        n = next(n for n, label in questions.items() if topic in label)
        field(page, f"rd-mat-q{n}").fill(answer)
    page.locator("#rd-mat-q1").scroll_into_view_if_needed()
    s.shot("two-questions-answered")
    page.click("#rd-mat-add")
    expect(page.locator("#rd-mat-add-msg")).to_contain_text("已加入事实框", timeout=WAIT)
    out["added"] = page.locator("#rd-mat-add-msg").inner_text()
    out["facts"] = field(page, "rd-facts").input_value()
    page.locator("#rd-facts").scroll_into_view_if_needed()
    s.shot("added-to-the-facts-box")
    return out


def draft_and_export(s: Session, expect, downloads: Path) -> dict:
    page, out = s.page, {}
    page.click("#rd-outline")
    expect(page.locator("#rd-outline-msg")).to_contain_text("已生成提纲", timeout=WAIT)
    page.click("#rd-write")
    expect(page.locator("#rd-write-msg")).to_contain_text("初稿完成", timeout=60_000)
    drafted(page, expect)  # the cards are filled by value after the message: read them once they are
    out["texts"] = texts(page)
    out["info"] = {sid: page.locator(f"#rd-info-{sid}").inner_text() for sid in cards(page)}
    sid = next(sid for sid, info in out["info"].items() if "事实出处" in info)
    page.locator(f"#rd-info-{sid} details summary").first.click()  # a source opened: its sentence
    page.locator(f"#rd-info-{sid}").scroll_into_view_if_needed()
    s.shot("a-card-and-its-sources")
    out["docx"] = download_docx(page, downloads)
    return out


def run_material(url: str, items: Path, downloads: Path, shots: Path | None = None) -> dict:
    """The whole story; returns what each step showed for the test to assert on."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True).new_page()
        page.goto(url)
        s = Session(page, shots)
        out = read_items(s, expect, items)
        out |= choose_and_answer(s, expect, out["rows"], out["questions"])
        out |= draft_and_export(s, expect, downloads)
        browser.close()
    return out | {"shots": s.taken}


if __name__ == "__main__":
    shots = Path(sys.argv[3])
    shots.mkdir(parents=True, exist_ok=True)
    print({k: v for k, v in run_material(sys.argv[1], Path(sys.argv[2]), shots, shots).items() if k != "texts"})
