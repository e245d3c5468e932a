"""The one-call JSON API, for a platform's "custom tool" that cannot follow Gradio's event stream:
POST /api/v1/draft, /api/v1/check and /api/v1/search each answer in one JSON response; GET
/api/v1/openapi.json describes them (the file Dify imports); GET /api/v1/files/{key}/{name} serves
the Word file a draft's link points to. The same token as the MCP tools (access.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field

from drafting.errors import ReportDraftError
from lexicon.roles import Kind, Role
from retrieval.errors import RetrievalError

from .access import AccessDenied, presented_token
from .tools import AgentTools, DraftRequest

PREFIX = "/api/v1"
KindName = Literal[tuple(kind.value for kind in Kind)]
RoleName = Literal[("", *(role.value for role in Role))]
"""The values a caller may send, from the registries (OpenAPI lists them as an enum)."""
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DraftBody(BaseModel):
    org: str = Field(description="单位全称，例如“青川县妇女联合会”；级别、主送机关、负责人称谓都由全称判断")
    year: int = Field(description="报告所总结的年份，例如 2024")
    kind: KindName = Field(
        description="报告类型：fazhi＝法治政府建设年度报告，pufa＝“谁执法谁普法”普法责任制履职报告，zongjie＝工作总结及谋划")
    facts: str = Field(description="本年度的工作事实，每行一条，照原样粘贴（数字和“余”“超”“近”等限定词原样保留）")
    period: Literal["", "half", "annual"] = Field("",
                                                  description="总结期间：half＝上半年，annual＝全年；留空则按事实判断")
    date: str = Field("", description="成文日期 YYYY-MM-DD；留空则今天合适时用今天，否则留空由签发人填写")
    addressee: str = Field("", description="主送机关，例如“县委、县政府”；留空则按单位级别确定")
    short_name: str = Field("", description="单位自称（简称），例如“县妇联”；留空则自动确定")
    doc_number: str = Field("", description="发文字号（版头）；可留空")
    signer: str = Field("", description="签发人（版头）；可留空")
    cc: str = Field("", description="抄送机关（版记）；可留空")
    printer: str = Field("", description="印发机关（版记）；可留空")


class CheckBody(BaseModel):
    draft: str = Field(description="草稿：/api/v1/draft 返回的 markdown 或 draft（JSON），或报告的纯文本")
    facts: str = Field("", description="这份报告依据的工作事实，每行一条；给出才能核对数字和【F】标记")


class SearchBody(BaseModel):
    query: str = Field(description="要找的内容，例如“普法宣传 场次”")
    role: RoleName = Field("", description="只在某一部分里找（preamble 导语、measures 举措和成效、"
                                                   "first_responsible 第一责任人、shortcomings 不足、plans 下一步、"
                                                   "highlights 亮点、other 其他）；留空则不限")
    k: int = Field(5, description="返回几段，1 到 20")


def api_routes(tools: AgentTools) -> list:
    """The routes, to be placed before Gradio's own (launch's app_kwargs={"routes": …})."""
    router = APIRouter(prefix=PREFIX)

    def respond(request: Request, call: Callable[[str, str], object]) -> JSONResponse:
        """Run `call(token, base_url)`; a refusal or a wrong input is {"error": "…"} with its status."""
        try:
            return JSONResponse(call(presented_token(request.headers, request.query_params),
                                     str(request.base_url).rstrip("/")))
        except AccessDenied as exc:
            return JSONResponse({"error": str(exc)}, status_code=401 if tools.access.enabled else 403)
        except (ReportDraftError, RetrievalError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)

    @router.post("/draft", operation_id="draft_report", summary="按工作事实起草报告",
                 description="按本单位本年度的工作事实起草一份报告，套用往年报告的公文体例，每个数字照原样写出并标注来源事实【F1】…；"
                             "一次返回：markdown（含【F】标记）、checks（检查结果）、word_url（Word 文件下载链接）、"
                             "draft（草稿 JSON）。")
    def draft(body: DraftBody, request: Request):
        return respond(request, lambda token, base: tools.draft(DraftRequest.of(body.model_dump()), token,
                                                                base).to_dict())

    @router.post("/check", operation_id="check_draft", summary="检查报告草稿",
                 description="像审稿人那样核对一份草稿：必备部分、数字与事实、其他单位名称、过时提法、占位符、格式等；"
                             "返回是否通过、未通过的检查项和每条问题的位置。")
    def check(body: CheckBody, request: Request):
        return respond(request, lambda token, base: tools.check(body.draft, body.facts, token))

    @router.post("/search", operation_id="search_examples", summary="检索往年报告的段落",
                 description="在往年报告库中检索相近的段落作写法参考；返回每段原文及出处。")
    def search(body: SearchBody, request: Request):
        return respond(request, lambda token, base: {"passages": tools.search(body.query, body.role, body.k, token)})

    @router.get("/files/{key}/{name}", include_in_schema=False)
    def word_file(key: str, name: str):
        path = tools.file(key)
        if path is None:
            return JSONResponse({"error": "链接已失效：请重新起草，或在应用的“已保存的草稿”里导出。"}, status_code=404)
        return FileResponse(path, media_type=DOCX, filename=path.name)

    @router.get("/openapi.json", include_in_schema=False)
    def openapi(request: Request):  # the server is the address the platform fetched this from
        base = str(request.base_url).rstrip("/")
        return get_openapi(title="reportdraft 报告起草", version="1", routes=router.routes, servers=[{"url": base}],
                           description="妇联年度报告起草工具：起草、检查、检索范文。鉴权："
                                       "请求头 Authorization: Bearer <令牌>。")

    return list(router.routes)
