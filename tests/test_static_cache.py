"""Gradio's front-end files come from memory, compressed once, with Cache-Control
(drafting/shell/static_cache.py): the same bytes as Gradio's own routes give, a 304 for a browser
that has them, and everything else (the page, a browser without brotli, a path outside the folders)
still answered by Gradio. Over HTTP, from the app as python app.py serves it."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import gradio
import pytest
from gradio.route_utils import BUILD_PATH_LIB, STATIC_PATH_LIB

from drafting.shell.services import make_workbench
from drafting.shell.settings import Settings
from drafting.shell.static_cache import FOREVER, REVALIDATE, gradio_folders

from . import gradio_calls
from .conftest import free_port


@pytest.fixture
def address(tmp_path):
    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    demo, address = gradio_calls.serve(settings, make_workbench(settings))
    yield address
    demo.close()


def get(url: str, **headers) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, {k.lower(): v for k, v in refused.headers.items()}, refused.read()


def test_the_pages_scripts_come_compressed_once_and_a_returning_browser_keeps_them(address):
    status, _, page = get(address + "/", **{"Accept-Encoding": "br"})
    assert status == 200
    script = re.search(r'src="\./(assets/index-[\w-]+\.js)"', page.decode()).group(1)
    on_disk = (gradio_folders(gradio)["/assets/"] / Path(script).name).read_bytes()
    first = get(f"{address}/{script}", **{"Accept-Encoding": "gzip, deflate, br"})
    again = get(f"{address}/{script}", **{"Accept-Encoding": "br"})
    assert first[0] == again[0] == 200 and first[2] == again[2], "the bytes kept from the first request"
    assert first[1]["content-encoding"] == "br" and brotli.decompress(first[2]) == on_disk
    assert first[1]["cache-control"] == FOREVER and first[1]["content-type"].startswith("application/javascript")
    status, headers, body = get(f"{address}/{script}", **{"Accept-Encoding": "br", "If-None-Match": first[1]["etag"]})
    assert (status, body, headers["etag"]) == (304, b"", first[1]["etag"])


def test_a_static_file_is_revalidated_and_the_rest_is_gradios_as_before(address):
    status, headers, body = get(f"{address}/static/img/logo.svg", **{"Accept-Encoding": "br"})
    assert status == 200 and headers["cache-control"] == REVALIDATE
    assert brotli.decompress(body) == (gradio_folders(gradio)["/static/"] / "img/logo.svg").read_bytes()
    status, headers, body = get(f"{address}/static/img/logo.svg", **{"Accept-Encoding": "identity"})
    assert status == 200 and "cache-control" not in headers and b"<svg" in body, "no brotli: Gradio's route"
    assert get(f"{address}/assets/nothing-here.js", **{"Accept-Encoding": "br"})[0] == 404
    outside = get(f"{address}/static/%2e%2e/%2e%2e/routes.py", **{"Accept-Encoding": "br"})
    assert outside[0] in (403, 404), "never a file outside the folders"
    status, headers, body = get(address + "/", **{"Accept-Encoding": "br"})
    assert status == 200 and "cache-control" not in headers and b"<html" in body.lower(), "the page is Gradio's"


def test_the_folders_are_those_gradios_routes_serve():
    routes = {"/assets/": BUILD_PATH_LIB, "/static/": STATIC_PATH_LIB}
    assert gradio_folders(gradio) == {prefix: Path(folder).resolve() for prefix, folder in routes.items()}


def test_a_range_request_is_gradios_even_once_the_file_is_kept(address):
    logo = f"{address}/static/img/logo.svg"
    assert get(logo, **{"Accept-Encoding": "br"})[1]["cache-control"] == REVALIDATE  # now kept in memory
    status, headers, body = get(logo, **{"Accept-Encoding": "br", "Range": "bytes=0-9"})
    assert "cache-control" not in headers, "Gradio's route answered, not the memory"
    assert status == 206 and body == (gradio_folders(gradio)["/static/"] / "img/logo.svg").read_bytes()[:10]
