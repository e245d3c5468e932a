"""Load: N users at once through the Gradio API on loopback (gradio_client), each drafting and
regenerating a section. Checks that nobody sees another's draft and records latencies.

    python -m evals.bench_load --users 20
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def one_user(url: str, n: int, timings: list, errors: list, crosstalk: list) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
        figure = f"{1000 + n}场次"
        steps = [
            ("outline", lambda: client.predict(f"用户{n}县妇女联合会", "县妇联", 2024, "fazhi", "", "2025-01-20", "annual",
                                               f"开展普法宣传{figure}\n受理信访案件{n + 1}件\n基层力量不足", "", "", "",
                                               api_name="/on_outline")),
            ("draft", lambda: client.predict([], api_name="/on_write")),
            ("regenerate", lambda: client.predict(6, "", api_name="/on_regenerate")),
        ]
        outputs = []
        for name, call in steps:
            started = time.perf_counter()
            outputs.append(call())
            timings.append((name, time.perf_counter() - started))
        text = str(outputs[1])
        if figure not in text or any(f"{1000 + m}场次" in text for m in range(100) if m != n):
            crosstalk.append(n)
    except Exception as exc:  # recorded and asserted on by the caller
        errors.append(f"user {n}: {type(exc).__name__}: {exc}")


def run_load(url: str, users: int, timeout: float = 240) -> dict:
    timings: list = []
    errors: list = []
    crosstalk: list = []
    threads = [threading.Thread(target=one_user, args=(url, n, timings, errors, crosstalk), daemon=True)
               for n in range(users)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1, timeout - (time.perf_counter() - started)))
    wall = time.perf_counter() - started
    all_times = sorted(t for _, t in timings)
    by_step = {name: sorted(t for n, t in timings if n == name) for name in ("outline", "draft", "regenerate")}
    p95 = lambda xs: xs[max(0, int(0.95 * len(xs)) - 1)] if xs else float("nan")  # noqa: E731
    return {"users": users, "requests": len(timings), "errors": errors, "crosstalk": crosstalk,
            "unfinished": sum(t.is_alive() for t in threads), "wall": wall,
            "p50": statistics.median(all_times) if all_times else float("nan"), "p95": p95(all_times),
            "p95_by_step": {k: p95(v) for k, v in by_step.items()}}


def start_app(data_dir: Path, port: int, env: dict | None = None) -> subprocess.Popen:
    """`python app.py` as a user starts it, on 127.0.0.1:port with its own data directory; returns
    once the page answers. The benchmark measures the real server, not an in-process copy."""
    import os
    import urllib.request

    root = Path(__file__).resolve().parent.parent
    environ = {**os.environ, "REPORTDRAFT_DB": str(data_dir), "REPORTDRAFT_PORT": str(port),
               "REPORTDRAFT_HOST": "127.0.0.1", **(env or {})}
    process = subprocess.Popen([sys.executable, str(root / "app.py")], env=environ, cwd=root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("app.py did not answer within 120 s")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        process = start_app(Path(tmp), port)
        try:
            result = run_load(f"http://127.0.0.1:{port}/", args.users)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"users={result['users']} requests={result['requests']} errors={len(result['errors'])} "
          f"crosstalk={len(result['crosstalk'])} wall={result['wall']:.1f} s")
    print(f"latency p50 {result['p50']:.2f} s  p95 {result['p95']:.2f} s  by step (p95): "
          + "  ".join(f"{k} {v:.2f} s" for k, v in result["p95_by_step"].items()))


if __name__ == "__main__":
    main()
