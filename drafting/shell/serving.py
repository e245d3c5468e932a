"""How the app serves many people at once on two cores: the queue and launch options Gradio gets,
and the pace at which a streamed draft refreshes the page.

Measured with py-spy under 30 users (docs/BENCHMARKS.md): drafting itself is a few percent of the
time; Gradio's work per page update is most of it (each output component is postprocessed through
a thread hop, each gr.update builds a new component). So a draft written offline in 0.05 s is shown
in one or two updates, not one per section, and a model's streamed text a few times a second.
"""

from __future__ import annotations

import time

UPDATE_INTERVAL = 0.25
"""Seconds between two page updates of a streamed draft (the first section and the end always show)."""
QUEUE_CONCURRENCY = 8
"""Events of one kind handled at once; the rest wait in the queue, in order. 4, 8 and 32 measured
alike under 30 users (docs/BENCHMARKS.md): the event loop's postprocessing is the limit."""


class Pace:
    """Whether a draft event is worth a page update now: the finished draft always, otherwise at
    most one update per interval. An offline draft (0.05 s) thus shows in one update after the
    first; a model's sections and streamed text a few times a second."""

    def __init__(self, interval: float = UPDATE_INTERVAL, clock=time.monotonic) -> None:
        self.interval, self.clock = interval, clock
        self.last = clock()
        """The caller shows the draft as it starts, when it makes the Pace."""

    def due(self, kind: str) -> bool:
        now = self.clock()
        if kind == "finished" or (kind in ("done", "text") and now - self.last >= self.interval):
            self.last = now
            return True
        return False


def queue_options(settings) -> dict:
    """Keyword arguments for Blocks.queue()."""
    return {"default_concurrency_limit": QUEUE_CONCURRENCY}


def launch_options(settings, css: str = "") -> dict:
    """Keyword arguments for Blocks.launch(): loopback unless told, the login, the upload limit."""
    auth = tuple(settings.auth.split(":", 1)) if ":" in settings.auth else None
    return {"server_name": settings.host, "server_port": settings.port, "auth": auth, "show_error": False,
            "max_file_size": f"{settings.max_upload_mb}mb", "css": css, "footer_links": []}
