"""Benchmark the LLM path against the scripted server with a fixed latency per call.

Measures (1) a whole draft's wall time against the slowest single section — sections really
run side by side when the ratio is under 1.3 — and (2) prompt tokens per draft against the
naive approach of sending whole example reports with every section.

    python -m evals.bench_llm --latency 1.0
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from drafting.engine import draft_report
from drafting.shell.services import load_case, meta_from_case
from drafting.shell.settings import Settings
from drafting.write.llm import LLMWriter
from drafting.write.tokens import count_tokens
from retrieval.index import ReportIndex

from .fixtures.fake_model import ModelServer

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=1.0)
    parser.add_argument("--case", default="qingchuan_fazhi_2024")
    args = parser.parse_args()
    case = load_case(ROOT / "evals" / "cases" / f"{args.case}.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        index = ReportIndex(Path(tmp) / "index")
        index.index_corpus(ROOT / "corpus")
        cache = Path(tmp) / "tiktoken"
        with ModelServer([f"slow:{args.latency}"] * 200) as server:
            settings = Settings.from_env(env={"OPENAI_BASE_URL": server.url, "REPORTDRAFT_MODEL": "bench",
                                              "REPORTDRAFT_CONCURRENCY": "8"}, data_dir=Path(tmp))
            writer = LLMWriter(settings.model_config())
            started = time.perf_counter()
            section_times: dict[str, float] = {}
            marks: dict[str, float] = {}

            def on_event(event) -> None:
                now = time.perf_counter()
                if event.kind == "start":
                    marks[event.section_id] = now
                elif event.kind == "done":
                    section_times[event.section_id] = now - marks[event.section_id]

            draft = draft_report(meta_from_case(case), "\n".join(case["facts"]), index=index, writer=writer,
                                 on_event=on_event, concurrency=settings.concurrency)
            wall = time.perf_counter() - started
        sent = sum(count_tokens(m["content"], cache) for r in server.model.requests for m in r["messages"])
        whole = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
        calls = len(server.model.requests)
        naive = sent + calls * count_tokens(whole, cache) - sum(
            count_tokens(r["messages"][-1]["content"].split("同类报告中这一部分的范例")[-1].split("报告其他部分")[0],
                         cache)
            for r in server.model.requests)
    slowest = max(section_times.values())
    print(f"sections={len(section_times)} model calls={calls} latency per call={args.latency:.1f} s")
    print(f"whole draft {wall:.2f} s, slowest section {slowest:.2f} s, ratio {wall / slowest:.2f}")
    print(f"prompt tokens per draft {sent} (examples trimmed per section) vs {naive} sending all "
          f"{len(list((ROOT / 'corpus').glob('*.txt')))} example reports whole ({naive / sent:.1f}x)")
    print(f"flags: {sum(len(s.flags) for s in draft.sections)}")


if __name__ == "__main__":
    main()
