"""An agent platform calls the running app: the official `mcp` client over Streamable HTTP at
/gradio_api/mcp/ lists exactly the three tools and drafts a case with every figure as given, and
httpx does the same through POST /api/v1/draft. Without the token, both are refused; behind the
page's login the tools still work with it, and are off without one."""

from __future__ import annotations

import asyncio
import json
from contextlib import contextmanager

import httpx
import pytest
import yaml

from drafting.domain.facts import parse_facts
from drafting.shell.users import Logins

from .conftest import ROOT, free_port

pytestmark = pytest.mark.slow
CASE = yaml.safe_load((ROOT / "evals" / "cases" / "placement_county_fazhi.yaml").read_text(encoding="utf-8"))
ARGS = {"org": CASE["org"], "year": CASE["year"], "kind": CASE["report_type"], "facts": "\n".join(CASE["facts"]),
        "date": str(CASE["date"])}
FIGURES = [f.text for fact in parse_facts(ARGS["facts"]) for f in fact.figures]
TOKEN = "s3cret-token"


@contextmanager
def running_app(tmp_path, seed_index, token: str = "", users: str = ""):
    """The app as `python app.py` serves it (page, MCP tools, /api/v1) on a free loopback port."""
    import gradio as gr

    import app
    from drafting.output.store import DraftStore
    from drafting.shell.launch import serve
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port(), api_token=token)
    logins = Logins.from_settings("", "")
    if users:
        (tmp_path / "users.txt").write_text(users, encoding="utf-8")
        logins = Logins.from_settings("", str(tmp_path / "users.txt"))
    workbench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    demo = app.build_app(settings, workbench, logins).queue()
    serve(gr, demo, workbench, logins, {**app.launch_options(settings, logins), "quiet": True}, block=False)
    try:
        yield f"http://127.0.0.1:{settings.port}"
    finally:
        demo.close()


def mcp_session(url: str, calls, headers: dict | None = None):
    """Open an MCP session (Streamable HTTP) and run `calls(session)` in it."""
    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    async def run():
        async with httpx.AsyncClient(headers=headers, timeout=httpx.Timeout(60, read=300)) as client, \
                streamable_http_client(url, http_client=client) as (read, write, _), \
                ClientSession(read, write) as session:
            await session.initialize()
            return await calls(session)
    return asyncio.run(run())


async def tools_and_draft(session):
    listed = await session.list_tools()
    return [t.name for t in listed.tools], await session.call_tool("draft_report", ARGS)


async def draft_only(session):
    return await session.call_tool("draft_report", ARGS)


def test_a_platform_lists_the_three_tools_and_drafts_a_case_with_every_figure(tmp_path, seed_index):
    with running_app(tmp_path, seed_index, token=TOKEN) as root:
        names, result = mcp_session(f"{root}/gradio_api/mcp/", tools_and_draft,
                                    headers={"Authorization": f"Bearer {TOKEN}"})
        assert names == ["draft_report", "check_draft", "search_examples"], "the page's handlers are not tools"
        assert not result.isError, result.content[0].text
        markdown, checks, word = (c.text for c in result.content)
        missing = [f for f in FIGURES if f not in markdown]
        assert not missing, f"figures not in the draft as given: {missing}"
        checks = json.loads(checks)
        assert checks["passed"] is True and "数字准确" in checks["checked"] and checks["findings"] == []
        link = word.split("Word 文件：")[1].split()[0]
        assert httpx.get(link).content[:2] == b"PK", "the link gives the Word file"

        refused = mcp_session(f"{root}/gradio_api/mcp/", draft_only)
        assert refused.isError and "缺少访问令牌" in refused.content[0].text
        in_url = mcp_session(f"{root}/gradio_api/mcp/?token={TOKEN}", draft_only)
        assert not in_url.isError, "platforms that cannot send headers put the token in the server URL"


def test_the_json_api_drafts_in_one_call_and_describes_itself(tmp_path, seed_index):
    with running_app(tmp_path, seed_index, token=TOKEN) as root:
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        answer = httpx.post(f"{root}/api/v1/draft", json=ARGS, headers=bearer, timeout=120)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert not [f for f in FIGURES if f not in body["markdown"]] and body["checks"]["passed"] is True
        assert body["draft"]["meta"]["org"] == CASE["org"] and httpx.get(body["word_url"]).status_code == 200
        checked = httpx.post(f"{root}/api/v1/check", headers=bearer, timeout=60,
                             json={"draft": body["markdown"].replace("32场次", "35场次"), "facts": ARGS["facts"]})
        assert checked.status_code == 200 and "数字准确" in checked.json()["failed"]

        refused = httpx.post(f"{root}/api/v1/draft", json=ARGS, timeout=60)
        assert refused.status_code == 401 and "缺少访问令牌" in refused.json()["error"]
        wrong = httpx.post(f"{root}/api/v1/draft", json={**ARGS, "year": 1999}, headers=bearer, timeout=60)
        assert wrong.status_code == 422 and "年份" in wrong.json()["error"]

        spec = httpx.get(f"{root}/api/v1/openapi.json").json()
        assert spec["servers"] == [{"url": root}]
        assert {op["operationId"] for path in spec["paths"].values() for op in path.values()} == \
            {"draft_report", "check_draft", "search_examples"}


def test_behind_the_page_login_the_tools_answer_the_token_and_the_page_api_stays_closed(tmp_path, seed_index):
    with running_app(tmp_path, seed_index, token=TOKEN, users="wang:pw1:青川县妇联\n") as root:
        result = mcp_session(f"{root}/gradio_api/mcp/?token={TOKEN}", draft_only)
        assert not result.isError and "32场次" in result.content[0].text
        assert httpx.get(f"{root}/gradio_api/info").status_code == 401, "the page's API needs the login"
        assert httpx.post(f"{root}/api/v1/draft", json=ARGS, timeout=60).status_code == 401


def test_with_logins_and_no_token_the_tools_are_off(tmp_path, seed_index):
    with running_app(tmp_path, seed_index, users="wang:pw1:青川县妇联\n") as root:
        assert httpx.post(f"{root}/gradio_api/mcp/", json={}).status_code == 404, "no MCP server at all"
        off = httpx.post(f"{root}/api/v1/draft", json=ARGS, timeout=60)
        assert off.status_code == 403 and "REPORTDRAFT_API_TOKEN" in off.json()["error"]
