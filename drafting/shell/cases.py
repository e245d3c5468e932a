"""Run the checks: on one draft file, or draft every case in a directory and check each.

The case set itself lives in evals/cases; this runner lives here because `reportdraft eval` runs
it, and drafting never imports evals (evals imports drafting)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from drafting.domain.types import Draft
from drafting.engine import DraftRequest, Engine
from drafting.errors import InputError
from drafting.review import CHECKS, CheckResult
from drafting.review.who import framing

from .services import load_case, make_writer, meta_from_case, open_index


def print_results(results: list[CheckResult], out=None) -> None:
    out = out or sys.stdout  # looked up at the call: a default bound at import outlives a captured stream
    for r in results:
        mark = "通过" if r.passed else "未通过"
        metrics = "  ".join(f"{k}={v}" for k, v in r.metrics.items())
        print(f"{mark:<4} {r.label:<8} {metrics}", file=out)
        for f in r.findings:
            where = f"[{f.section_id}] " if f.section_id else ""
            sentence = f" ← {f.sentence[:60]}" if f.sentence else ""
            print(f"       {where}{f.message}{sentence}", file=out)
        for reminder in r.reminders:  # not a failure: what the signer still has to do
            print(f"       提醒：{reminder}", file=out)


def eval_draft_command(path: Path, settings, as_json: bool) -> int:
    try:
        draft = Draft.from_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"找不到草稿文件 {path}。") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path} 不是 reportdraft 的草稿 JSON：{exc}") from None
    results = Engine(open_index(settings)).check(draft)
    if as_json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        print_results(results)
    return 0 if all(r.passed for r in results) else 1


def run_case(path: Path, engine: Engine) -> dict:
    """Draft one case and check it; expected failures (expect_fail) count as passes."""
    case = load_case(path)
    request = DraftRequest(meta_from_case(case), "\n".join(case["facts"]),
                           exclude_docs=tuple(case.get("exclude_docs", [])))
    started = time.perf_counter()
    draft = engine.draft(request)
    seconds = time.perf_counter() - started
    results = engine.check(draft)
    expected_fail = set(case.get("expect_fail", []))
    outcome = {r.name: (not r.passed) == (r.name in expected_fail) for r in results}
    expected_sections = case.get("expected_sections") or []
    headings = [s.heading for s in draft.body_sections()]
    missing = [h for h in expected_sections if not any(h in x for x in headings)]
    outcome["expected_sections"] = not missing
    unmet = expectations(draft, case.get("expect") or {})
    outcome["expect"] = not unmet
    accuracy = next(r for r in results if r.name == "figure_accuracy")
    return {"case": path.stem, "ok": all(outcome.values()), "checks": outcome, "seconds": round(seconds, 3),
            "precision": accuracy.metrics["precision"], "recall": accuracy.metrics["recall"],
            "figures_in_draft": accuracy.metrics["figures_in_draft"], "warnings": draft.warnings,
            "findings": [f"{r.label}: {f.message}" for r in results for f in r.findings
                         if r.name not in expected_fail] + [f"缺少预期部分：{m}" for m in missing] + unmet}


def expectations(draft: Draft, expect: dict) -> list[str]:
    """What a case says the draft must be: meta fields (addressee, short_name, title, date, period,
    leader_title), words the report's own text must hold (contains) or must not (excludes)."""
    unmet = []
    for key in ("addressee", "short_name", "date", "period", "leader_title", "level", "body"):
        if key in expect and str(getattr(draft.meta, key)) != str(expect[key] or ""):
            unmet.append(f"{key} 应为“{expect[key]}”，实为“{getattr(draft.meta, key)}”")
    if "title_contains" in expect and expect["title_contains"] not in draft.meta.title:
        unmet.append(f"标题应含“{expect['title_contains']}”：{draft.meta.title}")
    own = "\n".join(framing(s, draft) for s in draft.sections)
    unmet += [f"正文应含“{w}”" for w in expect.get("contains", []) if w not in own]
    unmet += [f"正文不应含“{w}”" for w in expect.get("excludes", []) if w in own]
    return unmet


def eval_cases_command(directory: Path, settings, as_json: bool, backends: list[str]) -> int:
    """Draft and check every case with each backend; two backends are shown side by side."""
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise InputError(f"{directory} 里没有案例文件（*.yaml）。")
    index = open_index(settings)
    runs = {}
    for backend in dict.fromkeys(backends):
        engine = Engine(index, make_writer(settings, backend), concurrency=settings.concurrency)
        rows = [run_case(p, engine) for p in paths]
        runs[backend] = {"summary": summarise(rows), "cases": rows}
    if as_json:
        print(json.dumps(runs if len(runs) > 1 else {"backend": backends[0], **runs[backends[0]]},
                         ensure_ascii=False, indent=2))
    else:
        for backend, run in runs.items():
            _print_run(backend, run)
    return 0 if all(r["ok"] for run in runs.values() for r in run["cases"]) else 1


def _print_run(backend: str, run: dict) -> None:
    rows, summary = run["cases"], run["summary"]
    print(f"后端：{backend}  案例：{len(rows)}")
    for row in rows:
        print(f"{'通过' if row['ok'] else '未通过':<4} {row['case']:<32} P={row['precision']:.2f} "
              f"R={row['recall']:.2f} {row['seconds']:.2f}s")
        for finding in row["findings"]:
            print(f"       {finding}")
    print("各项检查通过率：" + "  ".join(f"{k}={v:.0%}" for k, v in summary["pass_rate"].items()))
    print(f"数字精确率 {summary['precision']:.3f}  召回率 {summary['recall']:.3f}\n")


def summarise(rows: list[dict]) -> dict:
    names = [c.__name__ for c in CHECKS] + ["expected_sections", "expect"]
    pass_rate = {n: sum(r["checks"][n] for r in rows) / len(rows) for n in names}
    drafted = sum(r["figures_in_draft"] for r in rows)
    precision = sum(r["precision"] * r["figures_in_draft"] for r in rows) / drafted if drafted else 1.0
    return {"pass_rate": pass_rate, "precision": round(precision, 4),
            "recall": round(sum(r["recall"] for r in rows) / len(rows), 4),
            "cases_ok": sum(r["ok"] for r in rows), "cases": len(rows)}
