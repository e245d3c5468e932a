"""The three MCP tools, as typed functions Gradio publishes (gr.api) and its MCP server lists:
draft_report, check_draft, search_examples. Their docstrings are what a platform's model reads.

Nothing here imports gradio (the layer rule): app.py hands in the library. The functions are
built inside `tool_functions` so that their `request` parameter is annotated with the real
gr.Request, which is how Gradio passes the caller's headers and URL in. No `from __future__
import annotations` here: Gradio reads these annotations as objects. They are not queued: a
queued MCP call fails behind the page's login (access.py)."""

import inspect
import json
import re
from collections.abc import Callable
from typing import Literal

from lexicon import roles

from .access import presented_token
from .tools import AgentTools, DraftRequest

Kind = Literal[tuple(kind.value for kind in roles.Kind)]
Period = Literal["", "half", "annual"]
Role = Literal[("", *(role.value for role in roles.Role))]


def caller(request) -> tuple[str, str]:
    """(the token the caller sent, the address it used) from Gradio's request."""
    headers, query = getattr(request, "headers", None) or {}, getattr(request, "query_params", None) or {}
    base = str(getattr(request, "base_url", "") or "").rstrip("/")
    return presented_token(headers, query), base


CONTINUED = re.compile(r"\n(?!\n|Args:|    \w+: )\s*")
"""A docstring line that is neither blank, nor `Args:`, nor a parameter's first line: it continues the one before."""


def one_line_each(function: Callable) -> Callable:
    """Gradio reads a tool's description with its lines joined by a space and each parameter from one
    line: the docstrings here are wrapped to fit the page, so their lines are joined back, without a
    space (they are Chinese), before Gradio reads them."""
    function.__doc__ = CONTINUED.sub("", inspect.getdoc(function))
    return function


def tool_functions(tools: AgentTools, request_type) -> list[Callable]:
    """The three tools, typed for Gradio (`request_type` is gr.Request)."""

    def draft_report(org: str, year: int, kind: Kind, facts: str, period: Period = "", date: str = "",
                     addressee: str = "", short_name: str = "", doc_number: str = "", signer: str = "",
                     cc: str = "", printer: str = "", request: request_type = None) -> tuple[str, str, str]:
        """按本单位本年度的工作事实起草一份报告（法治政府建设年度报告、“谁执法谁普法”履职报告或工作总结），
        套用往年报告的公文体例；每个数字都照事实原样写出并标注来源事实【F1】【F2】…，不编造事实里没有的数字。
        返回三段：报告的 Markdown 全文（含【F】标记和待核实说明）、检查结果（JSON）、
        Word 文件（GB/T 9704 公文格式）的下载链接。草稿同时保存在应用的“已保存的草稿”里。

        Args:
            org: 单位全称，例如“青川县妇女联合会”；级别、主送机关、负责人称谓都由全称判断
            year: 报告所总结的年份，例如 2024
            kind: 报告类型：fazhi＝法治政府建设年度报告，pufa＝“谁执法谁普法”普法责任制履职报告，zongjie＝工作总结及谋划
            facts: 本年度的工作事实，每行一条，照原样粘贴（数字、“余”“超”“近”等限定词都会原样保留）
            period: 总结期间：half＝上半年，annual＝全年；留空则按事实判断
            date: 成文日期，格式 YYYY-MM-DD；留空则今天合适时用今天，否则留空由签发人填写
            addressee: 主送机关，例如“县委、县政府”；留空则按单位级别自动确定
            short_name: 单位自称（简称），例如“县妇联”；留空则自动确定
            doc_number: 发文字号（版头），例如“青妇发〔2025〕3号”；可留空
            signer: 签发人（版头）；可留空
            cc: 抄送机关（版记）；可留空
            printer: 印发机关（版记）；可留空
        """
        token, base = caller(request)
        answer = tools.draft(DraftRequest(org, year, kind, facts, period or "", date, addressee, short_name,
                                          doc_number, signer, cc, printer), token, base)
        checks = json.dumps(answer.to_dict()["checks"], ensure_ascii=False, indent=1)
        return answer.markdown, checks, f"Word 文件：{answer.word_url}\n草稿编号：{answer.draft.id}"

    def check_draft(draft: str, facts: str = "", request: request_type = None) -> str:
        """检查一份报告草稿，像审稿人那样逐项核对：必备部分、数字与事实是否一致、【F】标记、其他单位的名称、
        过时提法、占位符、格式、单位与级别、期间与日期、繁体字、无依据的成效表述、重复套话等。
        返回 JSON：是否通过、未通过的检查项、每条问题所在部分和句子。

        Args:
            draft: 草稿：draft_report 返回的 Markdown 全文，或报告的纯文本；也可以是草稿 JSON
            facts: 这份报告依据的工作事实，每行一条；给出才能核对数字和【F】标记（草稿 JSON 自带事实，可留空）
        """
        token, _ = caller(request)
        return json.dumps(tools.check(draft, facts, token), ensure_ascii=False, indent=1)

    def search_examples(query: str, role: Role = "", k: int = 5, request: request_type = None) -> str:
        """在往年报告库中检索相近的段落，作为写法参考。
        返回 JSON 列表：每段的原文及出处（报告标题、所在标题、部分、单位、年份）。

        Args:
            query: 要找的内容，例如“普法宣传 场次”“反家暴 人身安全保护令”
            role: 只在某一部分里找：preamble＝导语，measures＝主要举措和成效，first_responsible＝第一责任人履职，
                shortcomings＝不足和原因，plans＝下一步安排，highlights＝工作亮点，other＝其他；留空则不限
            k: 返回几段，1 到 20，默认 5
        """
        token, _ = caller(request)
        return json.dumps(tools.search(query, role or "", k, token), ensure_ascii=False, indent=1)

    return [one_line_each(f) for f in (draft_report, check_draft, search_examples)]


def publish(gr, demo, tools: AgentTools) -> None:
    """Add the tools to `demo` as typed API endpoints, not queued. They are the only public
    endpoints, so the MCP server lists exactly these (the page's own handlers are not public)."""
    with demo:
        for function in tool_functions(tools, gr.Request):
            gr.api(function, api_name=function.__name__, queue=False)
