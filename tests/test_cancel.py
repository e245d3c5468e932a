"""When the browser leaves, the model calls still running are stopped and their connections closed:
a server that would stream for a long time sees the client hang up soon after the cancel."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drafting.domain.meta import build_meta
from drafting.plan.start import new_draft
from drafting.shell.settings import Settings
from drafting.write.base import DraftCancelled
from drafting.write.llm import LLMWriter
from drafting.write.pipeline import write_draft


class Drip:
    """A chat-completions server that streams one piece every 20 ms (`pieces` of them: 10 s by default)."""

    def __init__(self, pieces: int = 500) -> None:
        self.requests, self.started, self.hung_up = 0, threading.Event(), threading.Event()
        drip = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                drip.requests += 1
                drip.started.set()
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                         "choices": [{"index": 0, "delta": {"content": "开展普法宣传。"}, "finish_reason": None}]}
                try:
                    for _ in range(pieces):
                        self.wfile.write(b"data: " + json.dumps(chunk, ensure_ascii=False).encode() + b"\n\n")
                        self.wfile.flush()
                        time.sleep(0.02)
                except (BrokenPipeError, ConnectionResetError):
                    drip.hung_up.set()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        # A short poll: shutdown() waits for one, and every test stops a server.
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def drip():
    server = Drip()
    yield server
    server.close()


def test_cancelling_a_draft_stops_the_stream_and_closes_the_connection(drip, tmp_path):
    settings = Settings.from_env(env={"OPENAI_BASE_URL": drip.url, "REPORTDRAFT_MODEL": "m",
                                      "REPORTDRAFT_TIMEOUT": "20", "REPORTDRAFT_RETRIES": "0"},
                                 data_dir=tmp_path / "data")
    draft = new_draft(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"),
                      "开展普法宣传28场次\n基层力量不足")
    cancel = threading.Event()

    def on_event(event):
        if event.kind == "text" and event.section_id != draft.sections[0].id:
            cancel.set()  # the browser left while the model was streaming

    started = time.monotonic()
    with pytest.raises(DraftCancelled):
        write_draft(draft, LLMWriter(settings.model_config()), None, on_event, concurrency=1, cancel=cancel)
    assert time.monotonic() - started < 5, "stopped at once, not after the 10 s stream or the 20 s deadline"
    assert drip.hung_up.wait(5), "the server saw the connection closed"
    assert drip.requests == 1, "no retry and no other section was started"
