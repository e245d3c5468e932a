"""Calling the app's events over HTTP exactly as its page does: log in (the cookie), upload files to
/gradio_api/upload, join the queue with the event's fn_index and this page's session hash, read the
answer from the event stream. Private events (hidden from the API) are reachable this way, as they
are to the page, so a test sees what a logged-in user's browser would — gr.Request included. The
draft's cards are rendered by the server (`cards`), and their buttons are pressed by element id, as
a click on them sends (`press`)."""

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
        self._config: dict | None = None
        self.rendered: dict = {"components": [], "dependencies": []}
        """What the last `cards()` drew: the cards' components and their buttons' events."""

    def login(self, user: str, password: str) -> Page:
        form = urllib.parse.urlencode({"username": user, "password": password}).encode()
        self.opener.open(self.root + "/login", data=form, timeout=60).close()
        return self

    def open(self) -> Page:
        """The page's load events, as the browser runs them once the page is shown."""
        for event in self.config()["dependencies"]:
            if any(trigger == "load" for _, trigger in event["targets"]) and not event.get("api_name") == "apply":
                self.trigger(event["id"], event["targets"][0][0], [None] * len(event["inputs"]))
        return self

    def config(self) -> dict:
        if self._config is None:
            self._config = json.loads(self.opener.open(self.root + "/config", timeout=60).read())
        return self._config

    def events(self) -> dict[str, dict]:
        """The page's events by name (api_name), as /config lists them."""
        return {d["api_name"]: d for d in self.config()["dependencies"] if d.get("api_name")}

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
        return self.trigger(event["id"], event["targets"][0][0], data)["data"]

    def press(self, elem_id: str, *data, trigger: str = "click", event_data=None) -> list:
        """What a click (or `trigger`) on the element `elem_id` sends — on the page, or on a card
        `cards()` drew; the values of the event's outputs."""
        components = self.config()["components"] + self.rendered["components"]
        target = next(c["id"] for c in components if c.get("props", {}).get("elem_id") == elem_id)
        event = next(d for d in self.config()["dependencies"] + self.rendered["dependencies"]
                     if [target, trigger] in [list(t) for t in d["targets"]])
        return self.trigger(event["id"], target, data, event_data)["data"]

    def cards(self) -> dict[str, dict]:
        """The draft's cards as the server renders them for this page: each drawn component's
        properties by element id (rd-text-s1: the box's text, rd-note-s1: the note beside it …)."""
        event = self.events()["apply"]  # gr.render's event
        drawn = self.trigger(event["id"], event["targets"][0][0], [None, None])["render_config"]
        self.rendered = drawn
        return {c["props"]["elem_id"]: c["props"] for c in drawn["components"] if c.get("props", {}).get("elem_id")}

    def trigger(self, fn_index: int, trigger_id, data, event_data=None) -> dict:
        """Join the queue as the page does; the completed output (data, and render_config for a render)."""
        join = {"data": list(data), "fn_index": fn_index, "session_hash": self.session,
                "event_data": event_data, "trigger_id": trigger_id}
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
                        raise AssertionError(f"event {fn_index} failed: {message.get('output')}")
                    return message["output"]
        raise AssertionError(f"event {fn_index}: the event stream ended without an answer")


def serve(settings, workbench, logins=None, streams: bool = True):
    """The app's page on settings.port as `python app.py` serves it (its login, and a session's event
    stream kept to its user unless `streams` is False); (the demo to close, its address)."""
    import app
    from drafting.shell.launch import serve_static_from_memory

    demo = app.build_app(settings, workbench, logins)
    options = app.launch_options(settings, demo.page_logins.logins, pages=demo.page_logins if streams else None)
    demo.queue().launch(**options, prevent_thread_lock=True, quiet=True)
    serve_static_from_memory(app.gr, demo.app)
    return demo, f"http://127.0.0.1:{settings.port}"
