"""Run one parse in a separate process with a time and memory budget.

A hostile file (a PDF whose 300 pages share one huge content stream, XML that inflates to
gigabytes) must cost a skipped line, not the batch. A small parse server is started once per
process (a clean interpreter with the parsers imported: no threads, no main module, none of the
app's memory); for each file it forks a worker, gives it an address-space limit, and kills it
when the time is up. Workers run side by side: one user's slow PDF holds up nobody else's file.
An ordinary file costs a fork and a pipe, a few milliseconds.
"""

from __future__ import annotations

import importlib
import itertools
import json
import os
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .errors import SkippedFile

MEMORY_LIMIT = 2 * 1024 ** 3
"""Address space of one worker (python-docx on the largest .docx we accept peaks near 200 MB)."""
PRELOAD = ("retrieval.readers", "pypdf", "docx", "bs4")
_lock = threading.Lock()
_server: _Server | None = None
_ids = itertools.count(1)


class _Server:
    """The parse server and the callers waiting for it: requests go in tagged with an id, answers
    come back in whatever order the workers finish, and a reader thread hands each to its caller.
    Several files are parsed at once, each in its own worker: a slow file holds up only its caller."""

    def __init__(self) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen([sys.executable, "-c", "from retrieval.sandbox import serve; serve()"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        env=env, close_fds=True)
        self.waiting: dict[int, list] = {}
        threading.Thread(target=self._answers, name="parse-answers", daemon=True).start()

    def alive(self) -> bool:
        return self.process.poll() is None

    def ask(self, job: str, arg: Any, seconds: float) -> threading.Event:
        """Send one request (the caller holds _lock); the event is set when its answer is in."""
        request, done = next(_ids), threading.Event()
        self.waiting[request] = [done, None]
        self.process.stdin.write(json.dumps([request, job, arg, seconds]).encode() + b"\n")
        self.process.stdin.flush()
        return done

    def answer(self, done: threading.Event) -> list | None:
        with _lock:
            for request, (event, value) in list(self.waiting.items()):
                if event is done:
                    del self.waiting[request]
                    return value
        return None

    def _answers(self) -> None:
        for line in self.process.stdout:
            try:
                request, outcome, value = json.loads(line)
            except ValueError:
                break
            with _lock:
                slot = self.waiting.get(request)
                if slot is not None:
                    slot[1] = [outcome, value]
                    slot[0].set()
        with _lock:  # the server ended: nobody waits for it any longer
            for slot in self.waiting.values():
                slot[0].set()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


def run_bounded(job: str, arg: Any, seconds: float) -> str:
    """`module:function`(arg) in a worker; its text, or SkippedFile when it fails, dies, runs out
    of memory or out of time. `arg` and the result travel as ASCII JSON: a lone surrogate (a PDF's
    broken font map gives one) travels escaped, where UTF-8 could not carry it; the importer's
    cleaning removes it (lexicon/plain.py). Calls from several threads run side by side, each in a
    worker of its own."""
    global _server
    with _lock:
        try:
            if _server is None or not _server.alive():
                _server = _Server()
            server = _server
            done = server.ask(job, arg, seconds)
        except OSError:
            server, done = None, None
    answered = done is not None and done.wait(seconds + 10)
    value = server.answer(done) if answered else None
    if value is None:  # the server died, or does not answer: the next call starts another
        with _lock:
            if server is not None and _server is server:
                _server = None
                server.kill()
        raise SkippedFile("解析进程异常退出，已跳过（文件可能异常）")
    outcome, text = value
    if outcome != "ok":
        raise SkippedFile(text)
    return text


def serve() -> None:
    """The parse server: one JSON request per line on stdin ([id, job, arg, seconds]), one JSON
    answer per line on stdout ([id, outcome, value]) as each worker finishes; many at once."""
    for name in PRELOAD:
        importlib.import_module(name)
    workers: dict[int, _Worker] = {}  # by the read end of its pipe
    pending = b""
    while True:
        deadline = min((w.deadline for w in workers.values()), default=None)
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready = select.select([0, *workers], [], [], wait)[0]
        if 0 in ready:
            data = os.read(0, 1 << 16)
            if not data:  # the app went away: so do the workers
                for worker in workers.values():
                    worker.stop()
                return
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in filter(None, lines):
                request, job, arg, seconds = json.loads(line)
                worker = _Worker(request, job, arg, seconds)
                workers[worker.fd] = worker
        for fd in [fd for fd in ready if fd in workers]:
            if workers[fd].read():
                _reply(workers.pop(fd).finish())
        for fd, worker in list(workers.items()):
            if time.monotonic() >= worker.deadline:
                del workers[fd]
                worker.stop()
                _reply([worker.request, "skip", f"解析超过 {worker.seconds:g} 秒仍未完成，已跳过（文件可能异常）"])


def _reply(answer: list) -> None:
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


class _Worker:
    """One forked worker parsing one file, and what it has sent so far."""

    def __init__(self, request: int, job: str, arg: Any, seconds: float) -> None:
        self.request, self.seconds, self.deadline = request, seconds, time.monotonic() + seconds
        self.data = bytearray()
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the worker: never returns into the server's loop
            os.close(read_end)
            try:
                with os.fdopen(write_end, "wb") as sink:
                    sink.write(json.dumps(_call(job, arg)).encode())
            finally:
                os._exit(0)
        os.close(write_end)
        self.fd = read_end

    def read(self) -> bool:
        """Take what the worker sent; True when it is done (its end of the pipe closed)."""
        chunk = os.read(self.fd, 1 << 16)
        self.data += chunk
        return not chunk

    def finish(self) -> list:
        os.close(self.fd)
        os.waitpid(self.pid, 0)
        if not self.data:
            return [self.request, "skip", "解析时工作进程异常退出（文件可能异常或过大），已跳过"]
        return [self.request, *json.loads(self.data)]

    def stop(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.close(self.fd)
        os.waitpid(self.pid, 0)


def _call(job: str, arg: Any) -> list[str]:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    module, name = job.split(":")
    try:
        return ["ok", getattr(importlib.import_module(module), name)(arg)]
    except SkippedFile as exc:
        return ["skip", str(exc)]
    except MemoryError:
        return ["skip", "解析所需内存超出上限，已跳过（文件可能异常）"]
    except BaseException as exc:  # noqa: BLE001 - a parser's own failure on a strange file is a skipped file
        return ["skip", f"无法解析：{type(exc).__name__}"]
