"""Run one parse in a separate process with a time and memory budget.

A hostile file (a PDF whose 300 pages share one huge content stream, XML that inflates to
gigabytes) must cost a skipped line, not the batch. A small parse server is started once per
process (a clean interpreter with the parsers imported: no threads, no main module, none of the
app's memory); for each file it forks a worker, gives it an address-space limit, and kills it
when the time is up. An ordinary file costs a fork and a pipe, a few milliseconds.
"""

from __future__ import annotations

import importlib
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
_server: subprocess.Popen | None = None


def run_bounded(job: str, arg: Any, seconds: float) -> str:
    """`module:function`(arg) in a worker; its text, or SkippedFile when it fails, dies, runs out
    of memory or out of time. `arg` and the result travel as ASCII JSON: a lone surrogate (a PDF's
    broken font map gives one) travels escaped, where UTF-8 could not carry it; the importer's
    cleaning removes it (lexicon/plain.py)."""
    global _server
    with _lock:
        try:
            server = _started()
            server.stdin.write(json.dumps([job, arg, seconds]).encode() + b"\n")
            server.stdin.flush()
            if not select.select([server.stdout], [], [], seconds + 10)[0]:
                raise OSError("the parse server does not answer")
            outcome, value = json.loads(server.stdout.readline())
        except (OSError, ValueError):
            if _server is not None:
                _server.kill()
                _server.wait()
            _server = None
            raise SkippedFile("解析进程异常退出，已跳过（文件可能异常）") from None
    if outcome != "ok":
        raise SkippedFile(value)
    return value


def _started() -> subprocess.Popen:
    global _server
    if _server is None or _server.poll() is not None:
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        _server = subprocess.Popen([sys.executable, "-c", "from retrieval.sandbox import serve; serve()"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   env=env, close_fds=True)
    return _server


def serve() -> None:
    """The parse server: one JSON request per line on stdin, one JSON reply per line on stdout."""
    for name in PRELOAD:
        importlib.import_module(name)
    for line in sys.stdin.buffer:
        job, arg, seconds = json.loads(line)
        sys.stdout.write(json.dumps(_fork(job, arg, seconds)) + "\n")
        sys.stdout.flush()


def _fork(job: str, arg: Any, seconds: float) -> list[str]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into the server's loop
        os.close(read_end)
        try:
            with os.fdopen(write_end, "wb") as sink:
                sink.write(json.dumps(_call(job, arg)).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    data, deadline = bytearray(), time.monotonic() + seconds
    with os.fdopen(read_end, "rb", buffering=0) as source:
        while chunk := _read(source, deadline):
            data += chunk
    if chunk is None:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    if chunk is None:
        return ["skip", f"解析超过 {seconds:g} 秒仍未完成，已跳过（文件可能异常）"]
    return json.loads(data) if data else ["skip", "解析时工作进程异常退出（文件可能异常或过大），已跳过"]


def _read(source, deadline: float) -> bytes | None:
    """The next piece from the worker; b"" when it is done, None when the time is up."""
    left = deadline - time.monotonic()
    if left <= 0 or not select.select([source], [], [], left)[0]:
        return None
    return source.read(1 << 16)


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
