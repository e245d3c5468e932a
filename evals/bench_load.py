"""Load: N users at once through the Gradio API on loopback (gradio_client), each outlining, drafting
and regenerating a section, once or over and over for a given time. Checks that nobody sees
another's draft and records latencies and the app's memory before and after.

What it does not measure: the page. gradio_client never loads it, never renders the section cards
and never triggers the events a browser's page sends after each answer, so these figures are
well under what a person waits for in a browser: see `python -m evals.bench_browser`.

    python -m evals.bench_load --users 20
    python -m evals.bench_load --users 30 --duration 120
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

from lexicon.roles import Kind

STEPS = ("outline", "draft", "regenerate")


def one_round(client, n: int, round_: int, timings: list, crosstalk: list) -> None:
    """Outline, draft and regenerate one section; the draft must hold this user's figure and no other's."""
    figure = f"{1000 + n}场次"
    steps = [
        ("outline", lambda: client.predict(f"用户{n}县妇女联合会", "县妇联", 2024, Kind.FAZHI.value, "",
                                           "2025-01-20", "annual",
                                           f"开展普法宣传{figure}\n受理信访案件{n + 1 + round_}件\n基层力量不足",
                                           *[""] * 8, api_name="/on_outline")),
        ("draft", lambda: client.predict([], api_name="/on_redraft_all")),  # on_write asks on a written draft
        ("regenerate", lambda: client.predict(6, "", api_name="/on_regenerate")),
    ]
    outputs = []
    for name, call in steps:
        started = time.perf_counter()
        outputs.append(call())
        timings.append((name, time.perf_counter() - started))
    text = str(outputs[1])
    if figure not in text or any(f"{1000 + m}场次" in text for m in range(200) if m != n):
        crosstalk.append((n, round_))


def one_user(url: str, n: int, timings: list, errors: list, crosstalk: list, until: float = 0.0) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
        round_ = 0
        while True:
            one_round(client, n, round_, timings, crosstalk)
            round_ += 1
            if time.monotonic() >= until:
                return
    except Exception as exc:  # recorded and asserted on by the caller
        errors.append(f"user {n}: {type(exc).__name__}: {exc}")


def p95(xs: list[float]) -> float:
    return xs[max(0, int(0.95 * len(xs)) - 1)] if xs else float("nan")


def run_load(url: str, users: int, timeout: float = 240, duration: float = 0.0) -> dict:
    """Every user does one round, or rounds until `duration` seconds have passed."""
    timings: list = []
    errors: list = []
    crosstalk: list = []
    until = time.monotonic() + duration
    threads = [threading.Thread(target=one_user, args=(url, n, timings, errors, crosstalk, until), daemon=True)
               for n in range(users)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(1, timeout + duration - (time.perf_counter() - started)))
    wall = time.perf_counter() - started
    all_times = sorted(t for _, t in timings)
    by_step = {name: sorted(t for n, t in timings if n == name) for name in STEPS}
    return {"users": users, "requests": len(timings), "errors": errors, "crosstalk": crosstalk,
            "unfinished": sum(t.is_alive() for t in threads), "wall": wall,
            "p50": statistics.median(all_times) if all_times else float("nan"), "p95": p95(all_times),
            "p95_by_step": {k: p95(v) for k, v in by_step.items()},
            "p50_by_step": {k: statistics.median(v) if v else float("nan") for k, v in by_step.items()},
            "rounds": len(by_step["draft"])}


def single_user(url: str, rounds: int = 5) -> dict:
    """One user alone: seconds from 生成初稿 to the first section's text in the API's answer, and to
    the whole draft (medians over rounds). Not on a page: nothing is rendered."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    first, whole = [], []
    for n in range(rounds):
        client.predict("青川县妇女联合会", "县妇联", 2024, Kind.FAZHI.value, "", "2025-01-20", "annual",
                       f"开展普法宣传{28 + n}场次\n受理信访案件43件\n基层力量不足", *[""] * 8, api_name="/on_outline")
        started = time.perf_counter()
        job = client.submit([], api_name="/on_redraft_all")  # the same draft each round: on_write would ask
        seen = None
        while not job.done():
            if seen is None and any("场次" in str(out) for out in job.outputs()):
                seen = time.perf_counter() - started
            time.sleep(0.002)
        whole.append(time.perf_counter() - started)
        first.append(seen if seen is not None else whole[-1])
    return {"first_section": statistics.median(first), "whole_draft": statistics.median(whole)}


def sample_rss(pid: int, every: float) -> tuple[list[float], threading.Event]:
    """RSS of the process every `every` seconds into the list, until the event is set."""
    samples: list[float] = []
    done = threading.Event()

    def run() -> None:
        while not done.wait(every):
            samples.append(rss_mb(pid))

    threading.Thread(target=run, daemon=True).start()
    return samples, done


def rss_mb(pid: int) -> float:
    """Resident memory of a process, MB (Linux)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_app(data_dir: Path, port: int, env: dict | None = None, poll: float = 0.2,
              script: Path | None = None) -> subprocess.Popen:
    """`python app.py` (or `script`) as a user starts it, on 127.0.0.1:port with its own data directory;
    returns once the page answers (asked every `poll` seconds). The benchmark measures the real
    server, not an in-process copy."""
    import os
    import urllib.request

    root = Path(__file__).resolve().parent.parent
    data_dir.mkdir(parents=True, exist_ok=True)
    environ = {**os.environ, "REPORTDRAFT_DB": str(data_dir), "REPORTDRAFT_PORT": str(port),
               "REPORTDRAFT_HOST": "127.0.0.1", **(env or {})}
    # Its log goes to a file: a pipe nobody reads would stall the app once full (long benchmarks).
    log = open(data_dir / "app.log", "ab")  # noqa: SIM115  (closed with the process by the OS)
    process = subprocess.Popen([sys.executable, str(script or root / "app.py")], env=environ, cwd=root,
                               stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited: {(data_dir / 'app.log').read_bytes().decode(errors='replace')[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return process
        except OSError:
            time.sleep(poll)
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
    parser.add_argument("--duration", type=float, default=0.0, help="seconds of rounds per user (0: one round)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        started = time.perf_counter()
        first = start_app(Path(tmp), port)  # the first start ever builds the index from corpus/
        first_start = time.perf_counter() - started
        first.terminate()
        first.wait(timeout=30)
        started = time.perf_counter()
        process = start_app(Path(tmp), port)
        ready = time.perf_counter() - started
        try:
            url = f"http://127.0.0.1:{port}/"
            alone = single_user(url)  # also warms jieba's dictionary and the lexical index
            before = rss_mb(process.pid)
            samples, done = sample_rss(process.pid, max(1.0, args.duration / 6))
            result = run_load(url, args.users, duration=args.duration)
            done.set()
            after = rss_mb(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print("API clients only (gradio_client): no page is loaded or rendered; for what a browser waits for, "
          "see python -m evals.bench_browser")
    print(f"app ready: first start {first_start:.1f} s (builds the index), then {ready:.1f} s")
    print(f"one user alone (API, no rendering): first section in the answer {alone['first_section']:.2f} s, "
          f"whole offline draft {alone['whole_draft']:.2f} s after 生成初稿")
    print(f"users={result['users']} duration={args.duration:.0f} s rounds={result['rounds']} "
          f"requests={result['requests']} errors={len(result['errors'])} crosstalk={len(result['crosstalk'])} "
          f"unfinished={result['unfinished']} wall={result['wall']:.1f} s")
    print(f"latency p50 {result['p50']:.2f} s  p95 {result['p95']:.2f} s")
    for step in STEPS:
        print(f"  {step}: p50 {result['p50_by_step'][step]:.2f} s  p95 {result['p95_by_step'][step]:.2f} s")
    print(f"app RSS before {before:.0f} MB, during {' '.join(f'{m:.0f}' for m in samples)}, after {after:.0f} MB")
    for error in result["errors"][:5]:
        print("error:", error)


if __name__ == "__main__":
    main()
