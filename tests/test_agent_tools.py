"""The drafting tools agent platforms call (drafting/shell/tools.py), without a server: the same
draft as the page and the CLI for the same input, checks on a pasted draft that find a changed
figure, the token rule, and a Chinese description for every argument a platform's model reads."""

from __future__ import annotations

import inspect
import json
import re

import pytest
import yaml

from drafting.domain.facts import parse_facts
from drafting.shell import session as S
from drafting.shell.access import AccessDenied, ToolAccess, presented_token
from drafting.shell.form import Form
from drafting.shell.settings import Settings
from drafting.shell.tools import AgentTools, DraftRequest

from .conftest import ROOT

CASE = ROOT / "evals" / "cases" / "placement_county_fazhi.yaml"


@pytest.fixture
def bench(tmp_path, seed_index):
    from drafting.output.store import DraftStore
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data")
    return Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())


@pytest.fixture
def case() -> dict:
    return yaml.safe_load(CASE.read_text(encoding="utf-8"))


def request_for(case: dict) -> DraftRequest:
    return DraftRequest(case["org"], case["year"], case["report_type"], "\n".join(case["facts"]),
                        date=str(case["date"]))


def report(draft) -> list[tuple]:
    """What a reader sees of a draft: title, 主送, date, and each section's heading and text."""
    return [(draft.meta.title, draft.meta.addressee, draft.meta.date)] + \
        [(s.role, s.heading, s.text, s.fact_ids) for s in draft.sections]


def test_the_tool_the_page_and_the_cli_give_the_same_draft_for_the_same_input(bench, case, data_dir, tmp_path):
    from drafting.domain.types import Draft
    from drafting.shell.cli import main

    tool = AgentTools(bench, ToolAccess()).draft(request_for(case), token="").draft
    form = Form(case["org"], year=case["year"], kind=case["report_type"], date=str(case["date"]),
                facts="\n".join(case["facts"]))
    outlined, _ = S.outline(bench, form)
    page = [d for d, done in S.write(bench, outlined, []) if done][-1]
    assert main(["draft", "--case", str(CASE), "--out", str(tmp_path / "cli.json")]) == 0
    cli = Draft.from_json((tmp_path / "cli.json").read_text(encoding="utf-8"))
    assert report(tool) == report(page) == report(cli)


def test_a_drafted_report_keeps_every_figure_and_comes_with_its_checks_and_a_word_file(bench, case):
    tools = AgentTools(bench, ToolAccess())
    answer = tools.draft(request_for(case), token="", base_url="http://127.0.0.1:7860")
    for fact in parse_facts("\n".join(case["facts"])):
        for figure in fact.figures:
            assert figure.text in answer.markdown, f"{figure.text} of {fact.id} is in the draft as given"
    assert "【F5】" in answer.markdown, "figures carry their facts' markers"
    body = answer.to_dict()
    assert body["checks"]["passed"] is True and "数字准确" in body["checks"]["checked"]
    assert re.fullmatch(r"http://127\.0\.0\.1:7860/api/v1/files/[\w-]{20,}/.+\.docx", body["word_url"])
    word = tools.file(body["word_url"].split("/")[-2])
    assert word.suffix == ".docx" and word.stat().st_size > 10_000
    assert tools.file("guessed-key") is None
    assert bench.store.row(answer.draft.id) is not None, "the page lists it under 已保存的草稿"


def test_checking_a_pasted_draft_finds_a_changed_figure_and_says_when_it_cannot(bench, case):
    tools = AgentTools(bench, ToolAccess())
    answer = tools.draft(request_for(case), token="")
    facts = "\n".join(case["facts"])
    assert tools.check(answer.markdown, facts, token="")["passed"] is True, "its own Markdown reads back clean"
    assert tools.check(json.dumps(answer.draft.to_dict(), ensure_ascii=False), "", token="")["passed"] is True
    changed = tools.check(answer.markdown.replace("32场次", "35场次"), facts, token="")
    assert not changed["passed"] and "数字准确" in changed["failed"]
    assert any("35场次" in f["message"] and f["section"] for f in changed["findings"])
    unchecked = tools.check(answer.markdown.replace("32场次", "35场次"), "", token="")
    assert "数字准确" not in unchecked["checked"] and "未给出事实" in unchecked["note"]


def test_a_pasted_text_without_a_title_asks_for_what_it_cannot_read(bench):
    from drafting.errors import InputError

    with pytest.raises(InputError, match="单位全称"):
        AgentTools(bench, ToolAccess()).check("一、主要做法\n开展普法宣传32场次。", "", token="")


def test_search_gives_passages_with_their_sources_and_refuses_an_unknown_role(bench):
    from drafting.errors import InputError

    tools = AgentTools(bench, ToolAccess())
    passages = tools.search("普法宣传 场次", "measures", 3, token="")
    assert 1 <= len(passages) <= 3 and all(p["role"] == "measures" and p["title"] and p["doc"] for p in passages)
    with pytest.raises(InputError, match="role"):
        tools.search("普法", "preface", 3, token="")


def test_with_a_token_every_tool_refuses_a_caller_without_it(bench):
    tools = AgentTools(bench, ToolAccess(token="s3cret"))
    for call in (lambda t: tools.search("普法", "", 1, t), lambda t: tools.check("x", "", t),
                 lambda t: tools.draft(DraftRequest("青川县妇女联合会", 2024, "fazhi", "开展普法宣传3场"), t)):
        with pytest.raises(AccessDenied, match="缺少访问令牌"):
            call("")
        with pytest.raises(AccessDenied, match="令牌不正确"):
            call("s3cre")
    assert tools.search("普法", "", 1, "s3cret")


def test_the_token_rule():
    assert ToolAccess().enabled and ToolAccess(token="t", logins=True).enabled
    off = ToolAccess(logins=True)
    assert not off.enabled
    with pytest.raises(AccessDenied, match="REPORTDRAFT_API_TOKEN"):
        off.check("anything")
    ToolAccess().check("")  # no login, no token: open, like the page
    assert presented_token({"authorization": "Bearer abc "}, {}) == "abc"
    assert presented_token({"authorization": "Basic abc"}, {"token": "xyz"}) == "xyz"
    assert presented_token({}, {}) == ""


def test_every_argument_of_every_tool_is_described_in_chinese(bench):
    import gradio as gr

    from drafting.shell.mcp_tools import tool_functions

    functions = tool_functions(AgentTools(bench, ToolAccess()), gr.Request)
    assert [f.__name__ for f in functions] == ["draft_report", "check_draft", "search_examples"]
    for function in functions:
        doc = inspect.getdoc(function)
        assert re.search(r"[\u4e00-\u9fff]", doc.split("Args:")[0]), f"{function.__name__} says what it does"
        for name in inspect.signature(function).parameters:
            if name != "request":
                line = re.search(rf"^\s*{name}: (.+)$", doc, re.M)
                described = line and re.search(r"[\u4e00-\u9fff]", line.group(1))
                assert described, f"{function.__name__}({name}) is described"


def test_a_tool_description_wrapped_in_the_source_reaches_the_platform_whole(bench):
    """The docstrings are wrapped to fit the page; Gradio joins description lines with a space and
    reads each parameter from one line, so the wrapped lines are joined back before it reads them."""
    import gradio as gr
    from gradio.utils import get_function_description

    from drafting.shell.mcp_tools import tool_functions

    draft_report, _, search_examples = tool_functions(AgentTools(bench, ToolAccess()), gr.Request)
    description, _, _ = get_function_description(draft_report)
    assert "或工作总结），套用往年报告的公文体例；" in description, "no space where a line was wrapped"
    assert description.endswith("草稿同时保存在应用的“已保存的草稿”里。")
    _, parameters, _ = get_function_description(search_examples)
    role = parameters["role"]
    assert role.startswith("只在某一部分里找：") and role.endswith("other＝其他；留空则不限")
    assert "shortcomings＝不足和原因" in role, "the parameter's second line is not lost"
