"""A streamed draft refreshes the page at a pace a browser and the server can keep: the finished
draft always, otherwise at most one update per interval."""

from __future__ import annotations

from drafting.shell.serving import Pace, launch_options, queue_options
from drafting.shell.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_offline_draft_written_at_once_is_shown_in_one_update():
    clock = Clock()
    pace = Pace(0.25, clock)
    clock.now = 0.05
    shown = [pace.due(kind) for kind in ("start", "done", "start", "done", "text", "done", "finished")]
    assert shown == [False] * 6 + [True]


def test_a_model_writing_for_seconds_is_shown_a_few_times_a_second():
    clock = Clock()
    pace = Pace(0.25, clock)
    shown = 0
    for step in range(1, 101):  # a streamed token every 20 ms for two seconds
        clock.now = step * 0.02
        shown += pace.due("text")
    assert 7 <= shown <= 8
    assert pace.due("finished")


def test_launch_and_queue_options_come_from_settings():
    settings = Settings.from_env(env={"REPORTDRAFT_AUTH": "staff:pw", "REPORTDRAFT_PORT": "7999"}, data_dir="/tmp/x")
    options = launch_options(settings, "css")
    assert options["server_port"] == 7999 and options["auth"] == ("staff", "pw")
    assert options["server_name"] == "127.0.0.1" and options["show_error"] is False
    assert queue_options(settings)["default_concurrency_limit"] >= 1
