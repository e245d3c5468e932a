"""A staff member's working day in a real browser, step by step, with a screenshot of each step.

Used by tests/test_app_browser.py; run by hand against a running app with
    python -m tests.browser_flow http://127.0.0.1:7860/ /tmp/shots
"""

from __future__ import annotations

import sys
from pathlib import Path

from evals.browser import LAUNCH_ARGS, cards, field, launch, texts  # noqa: F401  (LAUNCH_ARGS: for the tests)

FACTS = """- 全年开展普法宣传28场次，发放宣传资料8万余册，辐射人群超10万人次
- 开展会前学法16次，年度学法考试优秀率达到100%
- 制定年度普法工作计划，成立以主席为组长的普法工作领导小组
- 受理妇女儿童信访案件43件，办结率100%
- 党组书记、主席带头讲授法治专题党课1次
- 偏远山区普法覆盖面还不够"""
WAIT = 30_000


def download_docx(page, downloads: Path) -> Path:
    """导出, then the Word file's link clicked as a person does; the file saved in `downloads`."""
    page.click("#rd-export")
    link = page.locator("#rd-downloads tr").filter(has_text=".docx").locator("a").first
    link.wait_for(timeout=WAIT)
    with page.expect_download() as info:
        link.click()
    path = downloads / info.value.suggested_filename
    info.value.save_as(path)
    return path


def choose(page, elem_id: str, text: str) -> None:
    """Pick the option of a dropdown that contains `text` (as a person would: open it, click)."""
    page.locator(f"#{elem_id} input").click()
    page.locator("ul[role=listbox] li").filter(has_text=text).first.click()


def rows(page, elem_id: str):
    """The data rows of a table (Gradio's Dataframe draws them as ARIA rows of grid cells)."""
    return page.locator(f"#{elem_id} [role=row]").filter(has=page.locator("[role=gridcell]"))


class Session:
    """One browser page and a numbered screenshot per step."""

    def __init__(self, page, shots: Path | None) -> None:
        self.page, self.shots, self.n, self.taken = page, shots, 0, []

    def shot(self, name: str, full: bool = False) -> None:
        if self.shots is None:
            return
        self.n += 1
        path = self.shots / f"{self.n:02d}-{name}.png"
        self.page.screenshot(path=str(path), full_page=full)
        self.taken.append(path)


def refusals(s: Session, expect) -> dict:
    """Refusals appear beside the button pressed: no draft yet, year out of range, empty facts."""
    page, seen = s.page, {}
    page.click("#rd-write")
    expect(page.locator("#rd-write-msg")).to_contain_text("请先", timeout=WAIT)
    seen["no_outline"] = page.locator("#rd-write-msg").inner_text()
    field(page, "rd-org").fill("青川县妇女联合会")
    field(page, "rd-year").fill("2099")
    field(page, "rd-facts").fill(FACTS)
    page.click("#rd-outline")
    expect(page.locator("#rd-outline-msg")).to_contain_text("年份", timeout=WAIT)
    seen["year"] = page.locator("#rd-outline-msg").inner_text()
    field(page, "rd-year").fill("2024")
    field(page, "rd-facts").fill("")
    page.click("#rd-outline")
    expect(page.locator("#rd-outline-msg")).to_contain_text("事实", timeout=WAIT)
    seen["no_facts"] = page.locator("#rd-outline-msg").inner_text()
    s.shot("refusal-beside-the-button")
    return seen


def outline_and_move(s: Session, expect) -> dict:
    page = s.page
    field(page, "rd-date").fill("2025-01-20")
    field(page, "rd-facts").fill(FACTS)
    page.click("#rd-outline")
    expect(page.locator("#rd-outline-table")).to_contain_text("偏远山区", timeout=WAIT)
    s.shot("outline", full=True)
    choose(page, "rd-move-fact", "党组书记、主席带头讲授")
    choose(page, "rd-move-to", "主要举措和成效")
    page.click("#rd-move")
    expect(page.locator("#rd-move-msg")).to_contain_text("已移动", timeout=WAIT)
    row = rows(page, "rd-outline-table").filter(has_text="带头讲授").first.inner_text()
    s.shot("moved-a-fact")
    return {"moved_row": row}


def draft_edit_lock(s: Session, expect, wide: Path | None = None) -> dict:
    page, out = s.page, {}
    page.click("#rd-write")
    expect(page.locator("#rd-write-msg")).to_contain_text("初稿完成", timeout=60_000)
    expect(page.locator("#rd-progress")).to_contain_text("全文", timeout=WAIT)
    ids = cards(page)
    out["sections"], out["progress"] = len(ids), page.locator("#rd-progress").inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    s.shot("draft")
    if wide is not None:  # the main screen on a large monitor, for README
        page.set_viewport_size({"width": 1920, "height": 1080})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(wide))
        page.set_viewport_size({"width": 1366, "height": 768})
    first = ids[1]
    edited = texts(page)[first] + "另培训妇女骨干60人。"  # a figure no fact gives: the checks must catch it
    field(page, f"rd-text-{first}").fill(edited)
    page.click(f"#rd-save-{first}")
    expect(page.locator(f"#rd-note-{first}")).to_contain_text("已保存修改", timeout=WAIT)
    out["edited"], out["first"] = edited, first
    s.shot("saved-an-edit")
    target = ids[-1]
    page.locator(f"#rd-lock-{target} input").check()
    expect(page.locator(f"#rd-note-{target}")).to_contain_text("已锁定", timeout=WAIT)
    before = texts(page)
    page.click(f"#rd-regen-{target}")
    expect(page.locator(f"#rd-note-{target}")).to_contain_text("锁定", timeout=WAIT)
    expect(page.locator(f"#rd-note-{target}")).to_contain_text("解锁", timeout=WAIT)
    page.wait_for_timeout(500)
    out["locked_note"], out["after_refusal"], out["before_refusal"] = \
        page.locator(f"#rd-note-{target}").inner_text(), texts(page), before
    page.locator(f"#rd-card-{target}").scroll_into_view_if_needed()
    s.shot("locked-section-refused-beside-it")
    page.locator(f"#rd-lock-{target} input").uncheck()
    expect(page.locator(f"#rd-note-{target}")).to_contain_text("已解锁", timeout=WAIT)
    page.click(f"#rd-regen-{target}")
    expect(page.locator(f"#rd-note-{target}")).to_contain_text("重新生成", timeout=WAIT)
    out["regen_note"], out["regenerated"] = page.locator(f"#rd-note-{target}").inner_text(), texts(page)[target]
    out["target"] = target
    s.shot("regenerated")
    return out


def check_copy_export(s: Session, expect, downloads: Path) -> dict:
    page, out = s.page, {}
    page.click("#rd-check")
    expect(page.locator("#rd-check-msg")).to_contain_text("检查完成", timeout=WAIT)
    out["check_msg"] = page.locator("#rd-check-msg").inner_text()
    page.locator("#rd-check-table").scroll_into_view_if_needed()
    s.shot("checks")
    rows(page, "rd-check-table").filter(has_text="未通过").first.locator("[role=gridcell]").nth(2).click()
    page.wait_for_timeout(800)
    out["jumped_to"] = page.evaluate("() => [...document.querySelectorAll('[id^=rd-card-]')].find(c => "
                                     "{ const r = c.getBoundingClientRect(); return r.top >= -5 && r.top < 200; })?.id")
    s.shot("clicked-a-failing-check")
    page.click("#rd-copy-all")
    expect(page.locator("#rd-copy-msg")).to_contain_text("已复制", timeout=WAIT)
    out["copied_clean"] = page.evaluate("navigator.clipboard.readText()")
    page.click("#rd-copy-all-f")
    expect(page.locator("#rd-copy-msg")).to_contain_text("含【F】", timeout=WAIT)
    out["copied_marked"] = page.evaluate("navigator.clipboard.readText()")
    out["downloads_hidden_before"] = not page.locator("#rd-downloads").is_visible()
    out["docx"] = download_docx(page, downloads)
    page.locator("#rd-downloads").scroll_into_view_if_needed()
    s.shot("exported")
    return out


def reopen_rename_delete(s: Session, expect, url: str) -> dict:
    page, out = s.page, {}
    page.goto(url)  # a new visit: empty form
    page.get_by_role("tab", name="3 已保存的草稿").click()
    expect(page.locator("#rd-saved")).to_contain_text("青川县妇女联合会", timeout=WAIT)
    out["page_label"] = page.locator("#rd-page").inner_text()
    rows(page, "rd-saved").first.locator("[role=gridcell]").first.click()
    expect(page.locator("#rd-preview")).to_contain_text("主要举措和成效", timeout=WAIT)
    s.shot("saved-list-preview")
    page.click("#rd-open")
    expect(page.locator("#rd-write-msg")).to_contain_text("已打开", timeout=WAIT)
    page.wait_for_timeout(500)
    out["tab"] = page.get_by_role("tab", selected=True).inner_text()
    out["form"] = {k: field(page, f"rd-{k}").input_value() for k in ("org", "year", "date", "facts")}
    out["reopened_texts"] = texts(page)
    page.evaluate("window.scrollTo(0, 0)")
    s.shot("reopened-on-the-draft-tab")
    page.get_by_role("tab", name="3 已保存的草稿").click()
    name = field(page, "rd-new-name")
    name.fill("")  # picking a draft fills its name in: wait for that answer before typing a new one
    rows(page, "rd-saved").first.locator("[role=gridcell]").first.click()
    expect(name).not_to_have_value("", timeout=WAIT)
    name.fill("给县委的终稿")
    page.click("#rd-rename-saved")
    expect(page.locator("#rd-saved")).to_contain_text("给县委的终稿", timeout=WAIT)
    rows(page, "rd-saved").first.locator("[role=gridcell]").first.click()
    page.click("#rd-delete")
    expect(page.locator("#rd-saved-msg")).to_contain_text("已删除", timeout=WAIT)
    out["after_delete"] = page.locator("#rd-saved").inner_text()
    s.shot("deleted-with-undo")
    page.click("#rd-restore")
    expect(page.locator("#rd-saved")).to_contain_text("给县委的终稿", timeout=WAIT)
    out["after_restore"] = page.locator("#rd-saved").inner_text()
    return out


def run_session(url: str, downloads: Path, shots: Path | None = None, wide: Path | None = None) -> dict:
    """The whole day; returns what each step showed for the test to assert on."""
    from playwright.sync_api import expect, sync_playwright

    hosts: set[str] = set()
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page = context.new_page()
        page.on("request", lambda r: hosts.add(r.url.split("/")[2] if "://" in r.url else r.url))
        page.goto(url)
        s = Session(page, shots)
        out = {"refusals": refusals(s, expect)}
        out |= outline_and_move(s, expect)
        out |= draft_edit_lock(s, expect, wide)
        out |= check_copy_export(s, expect, downloads)
        out |= reopen_rename_delete(s, expect, url)
        browser.close()
    return out | {"hosts": hosts, "shots": s.taken}


if __name__ == "__main__":
    shots = Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    result = run_session(sys.argv[1], shots, shots, shots / "wide-1920.png")
    print({k: v for k, v in result.items() if k not in ("before_refusal", "after_refusal", "reopened_texts")})
