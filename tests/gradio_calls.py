"""Calling the app's events over HTTP exactly as its page does: log in (the cookie), upload files to
/gradio_api/upload, join the queue with the event's fn_index and this page's session hash, read the
answer from the event stream. Private events (hidden from the API) are reachable this way, as they
are to the page, so a test sees what a logged-in user's browser would — gr.Request included."""

from __future__ import annotations

import http.cookiejar
import json
import mimetypes
import secrets
import urllib.parse
import urllib.request
from pathlib import Path


class Page:
    """One browser tab: its cookies (the login) and its session hash (its gr.State values)."""

    def __init__(self, root: str) -> None:
        self.root = root.rstrip("/")
        self.session = secrets.token_hex(6)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self._events: dict[str, dict] | None = None

    def login(self, user: str, password: str) -> Page:
        form = urllib.parse.urlencode({"username": user, "password": password}).encode()
        self.opener.open(self.root + "/login", data=form, timeout=60).close()
        return self

    def events(self) -> dict[str, dict]:
        """The page's events by name (api_name), as /config lists them."""
        if self._events is None:
            config = json.loads(self.opener.open(self.root + "/config", timeout=60).read())
            self._events = {d["api_name"]: d for d in config["dependencies"] if d.get("api_name")}
        return self._events

    def upload(self, *paths: Path) -> list[dict]:
        """The files as a File component's value after the page uploaded them."""
        boundary = secrets.token_hex(12)
        body = b""
        for path in paths:
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{path.name}\"\r\n"
                     f"Content-Type: {kind}\r\n\r\n").encode() + path.read_bytes() + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.root + "/gradio_api/upload", data=body,
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        stored = json.loads(self.opener.open(request, timeout=120).read())
        return [{"path": p, "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}
                for p, path in zip(stored, paths, strict=True)]

    def run(self, name: str, *data) -> list:
        """Trigger the event `name` with the values of its inputs (None for a gr.State: the server
        keeps this page's); the values of its outputs when it completes."""
        event = self.events()[name]
        join = {"data": list(data), "fn_index": event["id"], "session_hash": self.session,
                "event_data": None, "trigger_id": event["targets"][0][0]}
        request = urllib.request.Request(self.root + "/gradio_api/queue/join", data=json.dumps(join).encode(),
                                         headers={"Content-Type": "application/json"})
        self.opener.open(request, timeout=60).close()
        stream = self.opener.open(f"{self.root}/gradio_api/queue/data?session_hash={self.session}", timeout=300)
        with stream:
            for line in stream:
                if not line.startswith(b"data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    if not message.get("success", True):
                        raise AssertionError(f"{name} failed: {message.get('output')}")
                    return message["output"]["data"]
        raise AssertionError(f"{name}: the event stream ended without an answer")
