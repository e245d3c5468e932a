"""Which login each page session belongs to, so that a session hash is no key to someone's draft.

The page keeps its open draft on the server under the browser's session hash, and Gradio runs any
event for whoever sends that hash with a valid login. So the first login seen for a session (when
the page loads) owns it, and every call that reads or changes the session's draft names the
logged-in user again: a user of another organisation holding the hash is refused, and the draft
stays as it was. The session's event stream (what its events answer, the draft's text among it)
and its heartbeat (whose end stops the session) are its user's too: `SessionStreams` refuses them
to another login. Without logins there is nobody to tell apart: one office, one list.
"""

from __future__ import annotations

import re
import threading
from types import SimpleNamespace
from urllib.parse import parse_qs

from drafting.errors import InputError

from .users import Logins

NOT_YOURS = "这个页面会话属于另一位登录用户，不能查看或修改其中的草稿：请刷新页面，用自己的账号重新开始。"
NO_LOGIN = "没有识别到登录用户：请刷新页面并重新登录。"


class PageLogins:
    """Session hash → the user who opened that page."""

    def __init__(self, logins: Logins) -> None:
        self.logins = logins
        self._users: dict[str, str] = {}
        self._lock = threading.Lock()

    def owner(self, request) -> str | None:
        """The organisation whose drafts this call may see (None: one shared list), once the
        session is the caller's; InputError when it belongs to another user or the call carries no
        login (a handler Gradio gave no request is refused, not treated as nobody's)."""
        if not self.logins:
            return None
        user, session = getattr(request, "username", None), getattr(request, "session_hash", None)
        if not user or not session:
            raise InputError(NO_LOGIN)
        with self._lock:
            if self._users.setdefault(session, user) != user:
                raise InputError(NOT_YOURS)
        return self.logins.owner(user)

    def mine(self, request) -> bool:
        """Whether the caller may use this session (the check of `owner`, as a yes or no)."""
        try:
            self.owner(request)
        except InputError:
            return False
        return True

    def leave(self, request) -> bool:
        """The page was closed: its session is forgotten, if the caller is its user. True when the
        caller may end what the session has running."""
        if not self.mine(request):
            return False
        with self._lock:
            self._users.pop(getattr(request, "session_hash", "") or "", None)
        return True

    @property
    def sessions(self) -> int:
        return len(self._users)


STREAMS = re.compile(r"/gradio_api/(?:queue/data|heartbeat/(?P<hash>[^/?]+))$")


class SessionStreams:
    """ASGI middleware: a session's event stream and heartbeat are served to its own user only.
    Gradio serves them to any logged-in caller who names the hash; the user is read from Gradio's
    login cookie as Gradio reads it (its app's `tokens`)."""

    def __init__(self, app, pages: PageLogins) -> None:
        self.app, self.pages = app, pages

    async def __call__(self, scope, receive, send) -> None:
        found = STREAMS.search(scope.get("path", "")) if scope.get("type") == "http" and self.pages.logins else None
        if found:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            session = found.group("hash") or (query.get("session_hash") or [""])[0]
            caller = SimpleNamespace(username=_user(scope), session_hash=session)
            if not self.pages.mine(caller):
                from starlette.responses import PlainTextResponse

                await PlainTextResponse(NOT_YOURS, status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _user(scope) -> str | None:
    """The logged-in user of a request, from Gradio's cookie, as its own routes find it."""
    from starlette.requests import HTTPConnection

    app = scope.get("app")
    cookies = HTTPConnection(scope).cookies
    cookie_id = getattr(app, "cookie_id", "")
    token = cookies.get(f"access-token-{cookie_id}") or cookies.get(f"access-token-unsecure-{cookie_id}")
    return getattr(app, "tokens", {}).get(token)
