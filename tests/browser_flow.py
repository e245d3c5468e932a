"""The staff member's whole session in a real browser; used by tests/test_app_browser.py."""

from __future__ import annotations

from pathlib import Path

FACTS = """- 全年开展普法宣传28场次，发放宣传资料8万余册，辐射人群超10万人次
- 开展会前学法16次，年度学法考试优秀率达到100%
- 制定年度普法工作计划，成立以主席为组长的普法工作领导小组
- 受理妇女儿童信访案件43件，办结率100%
- 党组书记、主席带头讲授法治专题党课1次
- 偏远山区普法覆盖面还不够"""
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


def field(page, elem_id: str):
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first


def run_session(url: str, downloads: Path, screenshot: Path | None = None) -> dict:
    from playwright.sync_api import expect, sync_playwright

    seen_hosts: set[str] = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        page.on("request", lambda r: seen_hosts.add(r.url.split("/")[2] if "://" in r.url else r.url))
        page.goto(url)
        field(page, "rd-org").fill("青川县妇女联合会")
        field(page, "rd-short").fill("县妇联")
        field(page, "rd-year").fill("2024")
        field(page, "rd-date").fill("2025-01-20")
        field(page, "rd-facts").fill(FACTS)
        page.click("#rd-outline")
        expect(page.locator("#rd-outline-table")).to_contain_text("F6", timeout=30_000)
        page.click("#rd-write")
        page.get_by_role("tab", name="2 初稿与修改").click()
        expect(page.locator("#rd-progress")).to_contain_text("初稿完成", timeout=60_000)
        sections = page.locator("[id^=rd-slot-]:visible").count()
        text1 = field(page, "rd-text-1")
        edited = text1.input_value().replace("县妇联党组", "县妇联党组坚持", 1)
        text1.fill(edited)
        page.click("#rd-save-1")
        expect(page.locator("#rd-status")).to_contain_text("已保存修改", timeout=30_000)
        before = field(page, "rd-text-6").input_value()
        field(page, "rd-instr-6").fill("更简练")
        page.click("#rd-regen-6")
        expect(page.locator("#rd-status")).to_contain_text("已重新生成", timeout=30_000)
        after = field(page, "rd-text-6").input_value()
        page.click("#rd-check")
        expect(page.locator("#rd-status")).to_contain_text("检查完成", timeout=30_000)
        status = page.locator("#rd-status").inner_text()
        page.click("#rd-export")
        link = page.locator("#rd-downloads tr").filter(has_text=".docx").locator("a").first
        expect(link).to_be_visible(timeout=30_000)
        with page.expect_download() as info:
            link.click()
        target = downloads / info.value.suggested_filename
        info.value.save_as(target)
        if screenshot:
            page.get_by_role("tab", name="2 初稿与修改").click()
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(screenshot))
        browser.close()
    return {"sections": sections, "edited": edited, "before": before, "after": after, "status": status,
            "docx": target, "hosts": seen_hosts}
