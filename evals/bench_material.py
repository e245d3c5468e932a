"""Speed of a draft made from the year's 工作信息: the eval set's 10 files (evals/material: 32 items;
a zip bomb and a PDF that is none among them) read, all 31 candidates taken with their sources, outlined and
drafted offline — in process as the app's section calls it, and in the browser as a person does it.

    python -m evals.bench_material                # 20 rounds in process, 3 runs in the browser
    python -m evals.bench_material --browser 0    # in process only

In process: a Workbench over the index of corpus/ (as `python app.py` builds it); reading is
drafting.shell.material_view.read (files parsed in workers with the import's budgets), the draft is
the engine's outline and offline sections, then the cards and the Word and Markdown files with
their comments and notes. In the browser: `python app.py` in Debian's Chromium, each step timed on
the page's own clock from the press of its button to the answer on the screen (evals/page_steps.py),
with the app's CPU. A benchmark, not a test: it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from drafting.shell.settings import Settings, apply_offline_env
from evals.bench_browser import OFFLINE, load
from evals.material import load_set, make_files
from lexicon.roles import Kind

ORG, YEAR = "岚溪县妇女联合会", 2024
SHOWN = {
    "read": "document.querySelector('#rd-mat-msg')?.textContent.includes('已提取')"
            " && !!document.querySelector('#rd-mat-table [data-testid=cell-0-3]')",
    "add": "document.querySelector('#rd-mat-add-msg')?.textContent.includes('已加入事实框')",
    "outline": "document.querySelector('#rd-outline-msg')?.textContent.includes('已生成提纲')",
}


def in_process(items: list[Path], rounds: int) -> dict:
    """Median milliseconds of each step over `rounds`, and what the draft came to."""
    from drafting.engine import Engine
    from drafting.output.render import to_markdown
    from drafting.output.word import write_docx
    from drafting.shell import cards as C
    from drafting.shell import material_view as M
    from drafting.shell import present as P
    from drafting.shell.form import Form
    from drafting.shell.services import make_workbench

    with tempfile.TemporaryDirectory(prefix="rd-bench-material-") as tmp:
        wb = make_workbench(Settings.from_env(env={}, data_dir=Path(tmp) / "data"))
        engine, form = Engine(wb.index), Form(org=ORG, year=YEAR, kind=Kind.FAZHI.value, date="2025-01-20",
                                            period="annual")
        wb.index.search("预热", k=1)
        times: dict[str, list[float]] = {k: [] for k in ("read", "take", "outline", "draft", "cards", "files")}
        for _ in range(rounds):
            clock = time.perf_counter()
            material = M.read(wb, form, items, "")
            rows = [[True, *row[1:]] for row in M.rows(material)]
            times["read"].append(time.perf_counter() - clock)
            facts, origins, _ = M.take(material, rows, [], "", {})
            times["take"].append(time.perf_counter() - clock - times["read"][-1])
            clock = time.perf_counter()
            outlined = engine.outline(replace(form, facts=facts, origins=origins).request())
            times["outline"].append(time.perf_counter() - clock)
            draft = engine.write(outlined)
            times["draft"].append(time.perf_counter() - clock)
            clock = time.perf_counter()
            C.section_cards(draft)
            times["cards"].append(time.perf_counter() - clock)
            clock = time.perf_counter()
            to_markdown(draft, markers=False)
            write_docx(draft, Path(tmp) / "draft.docx")
            times["files"].append(time.perf_counter() - clock)
        chars = sum(P.word_count(s.text) for s in draft.sections)
        return {"ms": {k: statistics.median(v) * 1000 for k, v in times.items()},
                "max_ms": {k: max(v) * 1000 for k, v in times.items()},
                "candidates": len(material.candidates), "facts": len(draft.facts),
                "with_sources": sum(bool(f.origins) for f in draft.facts), "chars": chars,
                "skipped": len(material.skipped), "set_aside": len(material.set_aside)}


def in_browser(items: list[Path], runs: int) -> list[dict]:
    """One new page per run: upload, 提取候选事实, 加入事实框, 生成提纲, 生成初稿 and a card's actions."""
    from playwright.sync_api import sync_playwright

    from evals.bench_load import free_port, start_app
    from evals.browser import PAGE_CLOCK, field, launch
    from evals.page_steps import new_page, settle, steps_after_outline

    out = []
    with tempfile.TemporaryDirectory(prefix="rd-bench-material-app-") as tmp:
        port = free_port()
        app = start_app(Path(tmp), port, OFFLINE)
        try:
            with sync_playwright() as p:
                browser = launch(p)
                for _ in range(runs):
                    meter = new_page(browser, PAGE_CLOCK, app.pid)
                    page = meter.page
                    page.goto(f"http://127.0.0.1:{port}/")
                    page.wait_for_function("window.__rd.seen('load') !== null", timeout=60_000, polling="raf")
                    field(page, "rd-org").fill(ORG)
                    field(page, "rd-year").fill(str(YEAR))
                    field(page, "rd-date").fill("2025-01-20")
                    page.locator("#rd-material").get_by_text("本年度工作信息").first.click()
                    page.locator("#rd-mat-files input[type=file]").set_input_files([str(i) for i in items])
                    page.wait_for_timeout(1000)
                    settle(app.pid)
                    run = {}
                    for step, button in (("read", "#rd-mat-read"), ("add", "#rd-mat-add"), ("outline", "#rd-outline")):
                        meter.start({step: SHOWN[step]})
                        page.click(button)
                        run |= meter.finish({step: SHOWN[step]})
                    run |= steps_after_outline(meter, {})
                    run["facts"] = len(field(page, "rd-facts").input_value().splitlines())
                    page.context.close()
                    out.append(run)
                browser.close()
        finally:
            app.terminate()
            app.wait(timeout=30)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds in process")
    parser.add_argument("--browser", type=int, default=3, help="runs in the browser (0: skip)")
    args = parser.parse_args()
    apply_offline_env()
    print(f"{time.strftime('%Y-%m-%d %H:%M')}  load before {load()}")
    with tempfile.TemporaryDirectory(prefix="rd-bench-material-items-") as tmp:
        folder = make_files(load_set(), Path(tmp))
        items = sorted(folder.iterdir())
        result = in_process(items, args.rounds)
        print(f"in process, median (max) of {args.rounds} rounds: "
              + ", ".join(f"{k} {v:.0f} ms ({result['max_ms'][k]:.0f})" for k, v in result["ms"].items()))
        print(f"  {len(items)} files → {result['candidates']} candidates ({result['set_aside']} set aside, "
              f"{result['skipped']} files skipped) → {result['facts']} facts, {result['with_sources']} with their "
              f"sources → {result['chars']} characters of sections")
        runs = in_browser(items, args.browser) if args.browser else []
    for step in ("read", "add", "outline", "draft_first", "draft_whole", "regenerate", "save", "check"):
        shown = [r[step]["ms"] for r in runs if step in r]
        cpu = [r[step]["cpu_ms"] for r in runs if step in r]
        if shown:
            print(f"browser {step:12s} on screen median {statistics.median(shown):.0f} ms [{min(shown):.0f}–"
                  f"{max(shown):.0f}], app CPU median {statistics.median(cpu):.0f} ms")
    if runs:
        print(f"  {runs[0]['facts']} facts in the box, {runs[0]['draft_whole'].get('sections', '?')} sections")
    print(f"load after {load()}")


if __name__ == "__main__":
    main()
