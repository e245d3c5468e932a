"""How the app's login answers: failed logins limited per user name and per address, the password
hashing off the server's event loop, and a refusal that takes as long for a name that does not
exist as for one that does.

Gradio calls the auth function inside its (async) /login route, on the event loop that serves
every page: a 60 ms pbkdf2 there stalls everyone while it runs. Here it runs in one thread of its
own, one hash at a time (hashlib releases the GIL), so at most one core hashes and pages go on.
Every check that is not refused outright costs exactly one pbkdf2: the user's stored hash, or a
stand-in of the same strength for an unknown name or a password stored in clear.

Gradio passes the auth function only the name and the password; the client's address comes from
`RememberAddress`, an ASGI middleware that notes it for the request being served (behind a proxy,
uvicorn puts the forwarded address there when FORWARDED_ALLOW_IPS names the proxy).
"""

from __future__ import annotations

import asyncio
import contextvars
import hmac
import time
from collections import OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .users import ITERATIONS, Logins, hash_password, password_matches

LOGIN_MESSAGE = ("请用管理员分配的账号登录。"
                 "15 分钟内同一账号输错 5 次、或同一地址输错 20 次后，暂停登录（最长 15 分钟）。")
ADDRESS: contextvars.ContextVar[str] = contextvars.ContextVar("login_address", default="")
STAND_IN = hash_password("", "00" * 16, ITERATIONS)
"""Hashed against when there is no hash to check: an unknown name costs what a known one does."""


@dataclass(frozen=True)
class Limits:
    per_user: int = 5
    """Failed logins of one name (existing or not) within `window`; further attempts are refused unchecked."""
    per_address: int = 20
    """Failed logins from one address within `window`, whatever the names."""
    window: float = 900.0
    waiting: int = 16
    """Logins queued for hashing beyond which more are refused at once (a flood, not a user)."""
    keys: int = 10_000
    """Names and addresses remembered at most (a spray of names cannot fill the memory)."""


class Failures:
    """Recent failure times per key, forgotten after `window` seconds."""

    def __init__(self, limit: int, limits: Limits, clock) -> None:
        self.limit, self.limits, self.clock = limit, limits, clock
        self._times: OrderedDict[str, deque[float]] = OrderedDict()

    def blocked(self, key: str) -> bool:
        times = self._times.get(key)
        if not times:
            return False
        while times and times[0] <= self.clock() - self.limits.window:
            times.popleft()
        return len(times) >= self.limit

    def add(self, key: str) -> None:
        times = self._times.setdefault(key, deque(maxlen=self.limit))
        times.append(self.clock())
        self._times.move_to_end(key)
        while len(self._times) > self.limits.keys:
            self._times.popitem(last=False)

    def clear(self, key: str) -> None:
        self._times.pop(key, None)


class LoginGuard:
    """Gradio's auth function (`await guard.check(user, password)`), with the limits above."""

    def __init__(self, logins: Logins, limits: Limits | None = None, clock=time.monotonic) -> None:
        self.logins, self.limits = logins, limits or Limits()
        self.users = Failures(self.limits.per_user, self.limits, clock)
        self.addresses = Failures(self.limits.per_address, self.limits, clock)
        self._hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="login-hash")
        self._waiting = 0

    def __bool__(self) -> bool:
        return bool(self.logins)

    async def check(self, user: str, password: str) -> bool:
        address = ADDRESS.get()
        if self.users.blocked(user) or (address and self.addresses.blocked(address)):
            return False  # refused unchecked: the limit holds even for the right password
        if self._waiting >= self.limits.waiting:
            return False
        self._waiting += 1
        try:
            ok = await asyncio.get_running_loop().run_in_executor(self._hashing, self._matches, user, password)
        finally:
            self._waiting -= 1
        if ok:
            self.users.clear(user)
            return True
        self.users.add(user)
        if address:
            self.addresses.add(address)
        return False

    def _matches(self, user: str, password: str) -> bool:
        """One pbkdf2 whatever the name: its stored hash, or the stand-in."""
        stored = self.logins.secrets.get(user)
        if stored is not None and stored.startswith("pbkdf2:"):
            return password_matches(stored, password)
        password_matches(STAND_IN, password)
        return stored is not None and hmac.compare_digest(stored.encode(), password.encode())


class RememberAddress:
    """ASGI middleware: the client's address, for the login check of this request."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        token = ADDRESS.set((scope.get("client") or ("",))[0] or "")
        try:
            await self.app(scope, receive, send)
        finally:
            ADDRESS.reset(token)


def address_middleware() -> list:
    """The middleware list Gradio's FastAPI app is built with (launch's app_kwargs)."""
    from starlette.middleware import Middleware

    return [Middleware(RememberAddress)]
