"""Speed as a person sees it: `python app.py` (offline, the five-seed index from corpus/, a fresh data
directory) driven by Debian's Chromium at 1366×768, one person's steps timed on the page's own clock
(performance.now(): from the press of the button to the frame where the answer is on the screen),
with the app's own CPU time per step (/proc/PID/stat), the DOM elements mounted, the main thread's
long frames and the bytes of the server-sent events each step cost.

    python -m evals.bench_browser                  # 5 runs, each a new page (a new session)
    python -m evals.bench_browser --pages 10       # also: 10 pages press 生成初稿 at the same moment
    python -m evals.bench_browser --pin --json     # app on core 0, Chromium on core 1; figures as JSON
    python -m evals.bench_browser --runs 1 --py-spy app.txt --js-profile js/   # where the time goes

The case is evals/cases/qingchuan_fazhi_2024.yaml (a county federation, 9 facts) unless --case says
otherwise. A benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafting.shell.services import load_case
from evals.bench_load import free_port, start_app
from evals.browser import PAGE_CLOCK, launch
from evals.page_steps import STEPS, one_session, pages_at_once

CASE = Path(__file__).resolve().parent / "cases" / "qingchuan_fazhi_2024.yaml"
OFFLINE = {"OPENAI_BASE_URL": "", "OPENAI_API_KEY": "", "CHROMA_HOST": "", "REPORTDRAFT_DATABASE_URL": ""}


def load() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def pin(core: int | None) -> None:
    """This thread, and every process it starts from now on, runs on `core` only (None: any)."""
    os.sched_setaffinity(0, {core} if core is not None else set(range(os.cpu_count() or 1)))


def sampler(pid: int, out: Path) -> subprocess.Popen:
    """py-spy sampling every thread of the app 200 times a second until interrupted."""
    spy = subprocess.Popen(["py-spy", "record", "-p", str(pid), "-r", "200", "--threads", "-f", "raw", "-o", str(out)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # attached before the first step
    return spy


def summarise(runs: list[dict]) -> dict:
    """Per step: median and range of every figure over the runs."""
    out = {}
    for step in STEPS:
        rows = [r[step] for r in runs if step in r]
        if not rows:
            out[step] = {}
            continue
        out[step] = {key: {"median": statistics.median(v), "min": min(v), "max": max(v)}
                     for key in rows[0] if (v := [r[key] for r in rows if isinstance(r.get(key), int | float)])}
    return out


def print_table(summary: dict, runs: int) -> None:
    cols = (("ms", "on screen ms"), ("cpu_ms", "app CPU ms"), ("chromium_ms", "Chromium CPU ms"),
            ("browser_ms", "page main ms"), ("script_ms", "script ms"), ("layout_ms", "layout ms"),
            ("mounted", "mounted"), ("dom", "DOM"),
            ("sse_kb", "SSE kB"), ("messages", "messages"))
    print(f"median [min–max] of {runs} runs; Chromium CPU: all its processes; "
          "page main: the page's main thread (of it script, style and layout)")
    print(f"{'step':12s}" + "".join(f"{title:>17s}" for _, title in cols))
    for step, figures in summary.items():
        cells = []
        for key, _ in cols:
            f = figures.get(key)
            cells.append(f"{f['median']:.0f} [{f['min']:.0f}–{f['max']:.0f}]" if f else "–")
        print(f"{step:12s}" + "".join(f"{c:>17s}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", type=int, default=0, help="pages pressing 生成初稿 at once (0: skip)")
    parser.add_argument("--pin", action="store_true", help="app on core 0, Chromium on core 1 (taskset)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--case", type=Path, default=CASE)
    parser.add_argument("--js-profile", type=Path, metavar="DIR",
                        help="sample the page's JavaScript during each step into DIR/*.cpuprofile (Chrome DevTools); "
                             "slows the page")
    parser.add_argument("--app", type=Path, help="another version of app.py to measure (a prototype)")
    parser.add_argument("--keep", type=Path, help="data directory to use and keep (default: a fresh one)")
    parser.add_argument("--py-spy", type=Path, metavar="FILE",
                        help="sample the app with py-spy (pip install py-spy) into FILE, collapsed stacks; "
                             "slows the app")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    case = load_case(args.case)
    result = {"app": str(args.app or "app.py"), "case": str(args.case.name), "facts": len(case["facts"]),
              "runs": args.runs, "pinned": args.pin,
              "date": time.strftime("%Y-%m-%d %H:%M"), "load_before": load()}
    with tempfile.TemporaryDirectory(prefix="rd-bench-browser-") as tmp:
        data = args.keep or Path(tmp)
        port = free_port()
        pin(0 if args.pin else None)
        app = start_app(data, port, OFFLINE, script=args.app)  # the first start builds the index from corpus/
        pin(1 if args.pin else None)
        url = f"http://127.0.0.1:{port}/"
        spy = sampler(app.pid, args.py_spy) if args.py_spy else None
        try:
            with sync_playwright() as p:
                browser = launch(p)
                runs, failed = [], []
                for _ in range(args.runs):
                    try:
                        runs.append(one_session(browser, url, app.pid, case, PAGE_CLOCK, args.js_profile))
                    except RuntimeError as exc:  # a step never showed its answer: counted, shown, not timed
                        failed.append(str(exc))
                if args.pages:
                    result["pages"] = pages_at_once(browser, url, app.pid, case, PAGE_CLOCK, args.pages)
                browser.close()
        finally:
            if spy is not None:
                spy.send_signal(signal.SIGINT)
                spy.wait(timeout=60)
            app.terminate()
            app.wait(timeout=30)
    result |= {"load_after": load(), "steps": summarise(runs), "each_run": runs, "failed_runs": failed}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"{result['date']}  {result['app']}  case {result['case']} ({result['facts']} facts)  pinned={args.pin}  "
          f"load {result['load_before']} → {result['load_after']}  ({os.cpu_count()} cores)")
    print_table(result["steps"], len(runs))
    for failure in failed:
        print("failed run:", failure)
    if args.pages:
        pg = result["pages"]
        print(f"{args.pages} pages pressing 生成初稿 at once: first section median {pg['first_median']:.2f} s "
              f"(max {pg['first_max']:.2f}), whole draft median {pg['whole_median']:.2f} s "
              f"(max {pg['whole_max']:.2f}), errors {len(pg['errors'])}; CPU from the presses to the last draft: "
              f"app {pg['cpu_s']:.2f} s, Chromium {pg['chromium_s']:.2f} s")
        for error in pg["errors"][:5]:
            print("  error:", error)


if __name__ == "__main__":
    sys.exit(main())
