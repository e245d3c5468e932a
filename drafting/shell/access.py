"""Who may call the drafting tools (MCP and /api/v1): a token, checked by the tools themselves.

Gradio's login does not cover them. Measured on gradio 6.31 with `auth=` set: the MCP tool list is
served without a login, a queued tool call fails, and a tool that is not queued runs without any
credentials while the plain HTTP API answers 401. So the tools are not queued, and each call
passes the caller's credential here before anything else."""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

from drafting.errors import ReportDraftError

TOKEN_ENV = "REPORTDRAFT_API_TOKEN"


class AccessDenied(ReportDraftError):
    """A tool call without the right token, or while the tools are off."""


@dataclass(frozen=True)
class ToolAccess:
    """The rule: with a token set, callers must send it; without one, the tools are open exactly
    when the page is (no logins), and off when the page has logins."""

    token: str = field(default="", repr=False)
    logins: bool = False
    """The page asks for a login (REPORTDRAFT_AUTH or REPORTDRAFT_USERS)."""

    @property
    def enabled(self) -> bool:
        return bool(self.token) or not self.logins

    def check(self, presented: str) -> None:
        """Nothing when the caller may go on; AccessDenied saying what to do otherwise."""
        if self.token:
            if not presented:
                raise AccessDenied("缺少访问令牌：请在请求头加 Authorization: Bearer <令牌>，"
                                   "或在服务地址后加 ?token=<令牌>（令牌向管理员索取）。")
            if not hmac.compare_digest(presented.encode("utf-8"), self.token.encode("utf-8")):
                raise AccessDenied("访问令牌不正确：请向管理员核对 REPORTDRAFT_API_TOKEN 的值。")
        elif self.logins:
            raise AccessDenied(f"起草接口未开启：本应用设置了登录，但没有设置 {TOKEN_ENV}。"
                               f"请管理员设置 {TOKEN_ENV} 后重启应用，并把令牌配置到调用方。")


def presented_token(headers: Mapping[str, str], query: Mapping[str, str]) -> str:
    """The caller's token: `Authorization: Bearer …`, or `?token=…` in the URL for platforms that
    cannot send headers ('' when neither is there)."""
    scheme, _, value = (headers.get("authorization") or "").strip().partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return (query.get("token") or "").strip()
