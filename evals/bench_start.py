"""Start time: `python app.py` to the page answering, as a user starts it (offline, its own data
directory): the first start, which builds the index from corpus/, then usual starts with the index
there. Wall time (what the user waits), and the app's own CPU time by then (what the start costs,
whatever else runs on the machine).

    python -m evals.bench_start [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from evals.bench_browser import OFFLINE, load
from evals.bench_load import free_port, start_app
from evals.page_steps import app_cpu


def one_start(data: Path, script: Path | None = None) -> dict:
    """Seconds from launching app.py to the first answer of its page, and its CPU seconds by then."""
    started = time.perf_counter()
    app = start_app(data, free_port(), OFFLINE, poll=0.02, script=script)
    wall, cpu = time.perf_counter() - started, app_cpu(app.pid)
    app.terminate()
    app.wait(timeout=30)
    return {"wall_s": wall, "cpu_s": cpu, "load": load()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="usual starts after the first")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--app", type=Path, help="another version of app.py to start (an earlier one, to compare)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rd-bench-start-") as tmp:
        first = one_start(Path(tmp), args.app)
        usual = [one_start(Path(tmp), args.app) for _ in range(args.runs)]
    result = {"app": str(args.app or "app.py"), "date": time.strftime("%Y-%m-%d %H:%M"), "first": first, "usual": usual,
              "usual_median_wall_s": statistics.median(r["wall_s"] for r in usual),
              "usual_median_cpu_s": statistics.median(r["cpu_s"] for r in usual)}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"{result['date']}  python {result['app']} → the page answers (wall s / app CPU s / load average)")
    print(f"first start (builds the index): {first['wall_s']:.2f} s / {first['cpu_s']:.2f} s / {first['load']}")
    for r in usual:
        print(f"usual start: {r['wall_s']:.2f} s / {r['cpu_s']:.2f} s / {r['load']}")
    print(f"usual start, median of {args.runs}: {result['usual_median_wall_s']:.2f} s wall, "
          f"{result['usual_median_cpu_s']:.2f} s CPU")


if __name__ == "__main__":
    main()
