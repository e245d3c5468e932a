"""Who may log in to the app, and whose drafts each one sees.

REPORTDRAFT_USERS names a file of lines `user:password:organisation` (blank lines and # comments
are skipped). Each user sees the saved drafts of their organisation only. A password may be
stored hashed, as `pbkdf2:ITERATIONS:SALT:HASH` (print one with
`python -m drafting.shell.users PASSWORD`). REPORTDRAFT_AUTH=user:password is one login for one
office: everybody who logs in shares one list of drafts, as without a login.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sys
from dataclasses import dataclass, field
from pathlib import Path

from drafting.errors import ConfigError

ITERATIONS = 200_000


def hash_password(password: str, salt: str | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), iterations).hex()
    return f"pbkdf2:{iterations}:{salt}:{digest}"


def password_matches(stored: str, given: str) -> bool:
    if stored.startswith("pbkdf2:"):
        try:
            _, iterations, salt, _digest = stored.split(":")
            return hmac.compare_digest(hash_password(given, salt, int(iterations)), stored)
        except ValueError:
            return False
    return hmac.compare_digest(stored.encode(), given.encode())


@dataclass(frozen=True)
class Logins:
    """The app's logins; `per_organisation` when each user has an organisation of their own."""

    secrets: dict[str, str] = field(default_factory=dict, repr=False)
    organisations: dict[str, str] = field(default_factory=dict)
    per_organisation: bool = False

    def __bool__(self) -> bool:
        return bool(self.secrets)

    def check(self, user: str, password: str) -> bool:
        stored = self.secrets.get(user)
        return stored is not None and password_matches(stored, password)

    def owner(self, user: str | None) -> str | None:
        """Whose drafts this user sees: their organisation, or None (one shared list)."""
        if not self.per_organisation:
            return None
        return self.organisations.get(user or "", "\0nobody")

    @classmethod
    def from_settings(cls, auth: str, users_file: str) -> Logins:
        if users_file:
            return cls.from_file(Path(users_file))
        if auth:
            user, sep, password = auth.partition(":")
            if not (sep and user and password):
                raise ConfigError("REPORTDRAFT_AUTH 应写成 用户名:密码。")
            return cls({user: password})
        return cls()

    @classmethod
    def from_file(cls, path: Path) -> Logins:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"无法读取用户文件 {path}（REPORTDRAFT_USERS）：{exc}") from None
        found, orgs = {}, {}
        for n, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            user, _, rest = line.partition(":")
            password, _, org = rest.rpartition(":")
            if not (user and password and org.strip()):
                raise ConfigError(f"用户文件 {path} 第 {n} 行应写成 用户名:密码:单位。")
            found[user], orgs[user] = password, org.strip()
        if not found:
            raise ConfigError(f"用户文件 {path} 中没有用户。")
        return cls(found, orgs, per_organisation=True)


if __name__ == "__main__":  # python -m drafting.shell.users PASSWORD → a line to paste into the file
    print(hash_password(sys.argv[1]) if len(sys.argv) == 2 else "用法：python -m drafting.shell.users 密码")
