"""One person's steps on the app's page, each timed on the page's own clock (evals/page_clock.js) and
costed: the app's CPU (/proc/PID/stat), the browser's main thread (Chrome DevTools Protocol
Performance metrics), DOM elements mounted, long animation frames, server-sent event bytes.
Used by evals/bench_browser.py."""

from __future__ import annotations

import json
import os
import statistics
import time
from pathlib import Path

from evals.browser import VIEWPORT, field

STEPS = ("load", "typing", "outline", "draft_first", "draft_whole", "regenerate", "save", "undo", "lock", "check")
WAIT = 60_000
TICK = os.sysconf("SC_CLK_TCK")

# What "the answer is on the screen" means for each step (JavaScript, evaluated on every frame).
VISIBLE = "(el) => !!el && el.checkVisibility()"
CARD_TEXTS = "[...document.querySelectorAll('[id^=rd-text-] textarea')]"
SHOWN = {
    "load": "document.querySelector('#rd-outline') && !document.querySelector('#rd-outline').disabled"
            " && document.querySelector('#rd-facts textarea')",
    "outline": "document.querySelector('#rd-outline-msg')?.textContent.includes('已生成提纲')"
               " && document.querySelector('#rd-outline-table')?.textContent.includes('{fact}')",
    "draft_first": f"(({VISIBLE})(document.querySelector('[id^=rd-text-] textarea'))"
                   " && document.querySelector('[id^=rd-text-] textarea').value.length > 0)",
    "draft_whole": "document.querySelector('#rd-write-msg')?.textContent.includes('初稿完成')"
                   f" && {CARD_TEXTS}.length > 1"
                   f" && {CARD_TEXTS}.every((t) => t.value.length > 0 && ({VISIBLE})(t))",
    "check": "document.querySelector('#rd-check-msg')?.textContent.includes('检查完成')",
}
NOTE = "['{words}'].some((w) => document.querySelector('#rd-note-{sid}')?.textContent.includes(w))"
CARD_ACTIONS = (("regenerate", "#rd-regen-{sid}", "重新生成', '内容未变"), ("save", "#rd-save-{sid}", "已保存修改"),
                ("undo", "#rd-undo-{sid}", "已撤销"), ("lock", "#rd-lock-{sid} input", "已锁定"))


def app_cpu(pid: int) -> float:
    """Seconds of CPU the process has used so far (all its threads, user and system)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def chromium_cpu() -> float:
    """Seconds of CPU used so far by the Chromium processes this benchmark started (browser,
    renderers, GPU and network services)."""
    parents, chromium = {}, set()
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:  # not a process, or it has just ended
            continue
        fields = stat.rsplit(")", 1)[1].split()
        parents[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
        if stat[stat.index("(") + 1:stat.rindex(")")] == "chromium":
            chromium.add(int(entry))

    def ours(pid: int) -> bool:
        while pid > 1:
            if pid == os.getpid():
                return True
            pid = parents.get(pid, (1, 0))[0]
        return False
    return sum(parents[pid][1] for pid in chromium if ours(pid))


def settle(pid: int, quiet: float = 0.2, limit: float = 20.0) -> None:
    """Wait until the app has used no CPU for `quiet` seconds: a step's work is all counted."""
    deadline, last = time.monotonic() + limit, app_cpu(pid)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = app_cpu(pid)
        if now == last:
            return
        last = now


class Meter:
    """What one step cost, from just before the action to when the app and the page are quiet."""

    def __init__(self, page, cdp, pid: int, profiles: Path | None = None) -> None:
        self.page, self.cdp, self.pid, self.profiles = page, cdp, pid, profiles

    def browser(self) -> dict[str, float]:
        """Milliseconds the page's main thread has spent so far: in all, in scripts, in style and layout."""
        m = {m["name"]: m["value"] for m in self.cdp.send("Performance.getMetrics")["metrics"]}
        return {"browser_ms": m.get("TaskDuration", 0) * 1000, "script_ms": m.get("ScriptDuration", 0) * 1000,
                "layout_ms": (m.get("LayoutDuration", 0) + m.get("RecalcStyleDuration", 0)) * 1000}

    def start(self, watches: dict[str, str]) -> None:
        for name, condition in watches.items():
            self.page.evaluate("([n, c]) => window.__rd.watch(n, c)", [name, condition])
        self.page.evaluate("() => { window.__rd.added = 0; window.__rd.removed = 0; window.__rd.clickAt = null; "
                           "window.__rd.since = performance.now(); }")
        self.cpu, self.main, self.chromium = app_cpu(self.pid), self.browser(), chromium_cpu()
        if self.profiles:  # the page's JavaScript sampled for this step (open the file in Chrome's DevTools)
            self.cdp.send("Profiler.enable")
            self.cdp.send("Profiler.start")

    def finish(self, watches: dict[str, str], from_click: bool = True) -> dict[str, dict]:
        for name in watches:
            try:
                self.page.wait_for_function(f"window.__rd.seen({name!r}) !== null", timeout=WAIT, polling="raf")
            except Exception as exc:  # say which step and what the page showed beside its buttons
                seen = self.page.evaluate("""() => ({
                    notes: [...document.querySelectorAll('.rd-note')].map(n => n.textContent.trim()).filter(Boolean),
                    tab: document.querySelector('[role=tab][aria-selected=true]')?.textContent.trim(),
                    cards: [...document.querySelectorAll('[id^=rd-text-] textarea')].map(t => t.value.length) })""")
                raise RuntimeError(f"{name}: not on the screen after {WAIT / 1000:.0f} s; the page: {seen}") from exc
        settle(self.pid)
        self.page.wait_for_timeout(100)  # the page's last frames after the app's last message
        if self.profiles:
            self.profiles.mkdir(parents=True, exist_ok=True)
            path = self.profiles / f"{'+'.join(watches)}-{time.time_ns()}.cpuprofile"
            path.write_text(json.dumps(self.cdp.send("Profiler.stop")["profile"]))
        seen = self.page.evaluate(f"""() => {{
            const rd = window.__rd, t0 = rd.since, after = (xs) => xs.filter((x) => x.start >= t0);
            const messages = rd.messages.filter((m) => m.at >= t0);
            return {{ from: {'rd.clickAt ?? t0' if from_click else '0'},
                      seen: Object.fromEntries(rd.watches.map((w) => [w.name, w.at])),
                      mounted: rd.added, removed: rd.removed, dom: document.getElementsByTagName('*').length,
                      long_ms: after(rd.frames).reduce((s, f) => s + f.duration, 0),
                      long_tasks: after(rd.longTasks).length,
                      sse_kb: messages.reduce((s, m) => s + m.bytes, 0) / 1024, messages: messages.length,
                      kinds: messages.map((m) => `${{m.kind}}:${{m.outputs ?? ''}}:${{m.bytes}}`) }};
        }}""")
        counted = ("mounted", "removed", "dom", "long_ms", "long_tasks", "sse_kb", "messages", "kinds")
        common = {k: seen[k] for k in counted}
        common |= {"cpu_ms": (app_cpu(self.pid) - self.cpu) * 1000,
                   "chromium_ms": (chromium_cpu() - self.chromium) * 1000}
        common |= {k: v - self.main[k] for k, v in self.browser().items()}
        return {name: {"ms": seen["seen"][name] - seen["from"], **common} for name in watches}


def new_page(browser, clock: Path, pid: int, profiles: Path | None = None) -> Meter:
    """A new context (a new session, nothing cached) with the page clock installed, watching for the
    form to be usable from the first moment."""
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(path=str(clock))
    context.add_init_script(script=f"window.__rd.watch('load', {SHOWN['load']!r})")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    return Meter(page, cdp, pid, profiles)


def one_session(browser, url: str, pid: int, case: dict, clock: Path, profiles: Path | None = None) -> dict[str, dict]:
    """A new page (a new session): load, type, outline, draft, a section's four actions, checks."""
    meter = new_page(browser, clock, pid, profiles)
    settle(pid)
    cpu, chromium = app_cpu(pid), chromium_cpu()
    meter.page.goto(url)
    meter.page.wait_for_function("window.__rd.seen('load') !== null", timeout=WAIT, polling="raf")
    settle(pid)
    load = meter.page.evaluate("() => ({ms: window.__rd.seen('load'), dom: document.getElementsByTagName('*').length,"
                               " mounted: window.__rd.added})")
    out = {"load": {**load, "cpu_ms": (app_cpu(pid) - cpu) * 1000, "chromium_ms": (chromium_cpu() - chromium) * 1000,
                    **meter.browser()}}
    out |= fill_form(meter, case)
    out |= steps_after_outline(meter, case)
    meter.page.context.close()
    return out


def fill_form(meter: Meter, case: dict) -> dict[str, dict]:
    """Type the name, year, date and facts as a person does (the name's field is left, which asks
    the app for the profile), then press 生成提纲."""
    page, pid = meter.page, meter.pid
    cpu = app_cpu(pid)
    field(page, "rd-org").fill(case["org"])
    field(page, "rd-year").click()  # leaving the name's field: the app reads the profile from it
    field(page, "rd-year").fill(str(case["year"]))
    field(page, "rd-date").fill(str(case.get("date") or ""))
    field(page, "rd-facts").fill("\n".join(case["facts"]))
    page.wait_for_function("document.querySelector('#rd-profile')?.innerText.length > 0", timeout=WAIT)
    settle(pid)
    typing = {"cpu_ms": (app_cpu(pid) - cpu) * 1000}
    watches = {"outline": SHOWN["outline"].replace("{fact}", case["facts"][-1][:8])}
    meter.start(watches)
    page.click("#rd-outline")
    return {"typing": typing, **meter.finish(watches)}


def steps_after_outline(meter: Meter, case: dict) -> dict[str, dict]:
    page, out = meter.page, {}
    watches = {"draft_first": SHOWN["draft_first"], "draft_whole": SHOWN["draft_whole"]}
    meter.start(watches)
    page.click("#rd-write")
    out |= meter.finish(watches)
    out["draft_whole"]["sections"] = page.locator("[id^=rd-card-]").count()
    sid = page.locator("[id^=rd-card-]").nth(1).get_attribute("id").removeprefix("rd-card-")
    for name, selector, words in CARD_ACTIONS:
        watches = {name: NOTE.replace("{words}", words).replace("{sid}", sid)}
        if name == "save":
            box = field(page, f"rd-text-{sid}")
            box.fill(box.input_value() + "另组织法律咨询活动2场。")
        meter.start(watches)
        page.locator(selector.replace("{sid}", sid)).click()
        out |= meter.finish(watches)
    watches = {"check": SHOWN["check"]}
    meter.start(watches)
    page.click("#rd-check")
    out |= meter.finish(watches)
    return out


def pages_at_once(browser, url: str, pid: int, case: dict, clock: Path, n: int) -> dict:
    """n pages, each loaded and outlined, press 生成初稿 one right after the other: seconds to each
    page's first section and whole draft, on its own clock, and what went wrong."""
    pages, errors = [], []
    for _ in range(n):
        meter = new_page(browser, clock, pid)
        meter.page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
        meter.page.goto(url)
        meter.page.wait_for_function("window.__rd.seen('load') !== null", timeout=WAIT, polling="raf")
        fill_form(meter, case)
        pages.append(meter.page)
    for page in pages:
        for name in ("draft_first", "draft_whole"):
            page.evaluate("([n, c]) => window.__rd.watch(n, c)", [name, SHOWN[name]])
    cpu, chromium = app_cpu(pid), chromium_cpu()
    for page in pages:
        page.click("#rd-write")
    first, whole = [], []
    for i, page in enumerate(pages):
        try:
            page.wait_for_function("window.__rd.seen('draft_whole') !== null", timeout=180_000, polling=100)
            t = page.evaluate("() => [window.__rd.clickAt, window.__rd.seen('draft_first'),"
                              " window.__rd.seen('draft_whole')]")
            first.append((t[1] - t[0]) / 1000)
            whole.append((t[2] - t[0]) / 1000)
        except Exception as exc:  # counted and shown: a page that never got its draft
            errors.append(f"page {i}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        if "⚠" in page.locator("#rd-write-msg").inner_text():
            errors.append(f"page {i}: {page.locator('#rd-write-msg').inner_text()}")
    settle(pid)
    spent = {"cpu_s": app_cpu(pid) - cpu, "chromium_s": chromium_cpu() - chromium}
    for page in pages:
        page.context.close()
    nan = float("nan")
    return {"pages": n,
            "first_median": statistics.median(first) if first else nan, "first_max": max(first, default=nan),
            "whole_median": statistics.median(whole) if whole else nan, "whole_max": max(whole, default=nan),
            "first_each": first, "whole_each": whole, "errors": errors, **spent}
