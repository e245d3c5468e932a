"""One settings object, read from the environment once, with defaults that work offline."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import ConfigError

if TYPE_CHECKING:  # imported when a model is configured: the writer's modules cost 0.1–0.2 s at start
    from drafting.write.model_call import ModelConfig

DEFAULT_CORPUS = Path(str(files("corpus")))
"""The seed reports shipped with the project (the corpus package)."""

# Libraries that phone home or download at run time are switched off before they are imported.
OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING_V2": "false",
    "HF_HUB_OFFLINE": "1",
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
}


def apply_offline_env() -> None:
    """Set the offline switches unless the user set them explicitly."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def _database_url(raw: str) -> str:
    """A postgresql:// URL, checked for its parts; errors name the part, never the password."""
    from urllib.parse import urlsplit

    raw = raw.strip()
    if not raw:
        return ""
    scheme = raw.split("://", 1)[0] if "://" in raw else ""
    if scheme not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise ConfigError(f"REPORTDRAFT_DATABASE_URL 应以 postgresql:// 开头（当前是 {scheme or '无协议'}://…）；"
                          "不设置则使用数据目录下的 SQLite。")
    _check_userinfo(raw.split("://", 1)[1])
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise ConfigError("REPORTDRAFT_DATABASE_URL 的端口不是数字，格式应为 "
                          "postgresql://用户:密码@主机:端口/库名。") from None
    missing = [name for name, value in (("主机", parts.hostname), ("库名", parts.path.strip("/"))) if not value]
    if missing:
        raise ConfigError(f"REPORTDRAFT_DATABASE_URL 缺少{'、'.join(missing)}，格式应为 "
                          "postgresql://用户:密码@主机:端口/库名。")
    del port
    return raw


URL_ENCODING_HINT = ("用户名和密码中的特殊字符要写成百分号编码：@ 写成 %40，空格 %20，% 写成 %25，/ 写成 %2F，"
                     "? 写成 %3F，# 写成 %23，: 写成 %3A（python3 -c \"import urllib.parse,sys; "
                     "print(urllib.parse.quote(sys.argv[1], safe=''))\" 密码 可得到编码后的写法）。")
UNENCODED = re.compile(r"[@\s/?#]|%(?![0-9A-Fa-f]{2})")
"""In a URL's user and password: characters that end the part early, or a % that starts no code."""


def _check_userinfo(rest: str) -> None:
    """The user and password of `user:password@host…` (everything before the last @, as a person
    means it) hold nothing that must be percent-encoded. The message never quotes any of it: libpq's
    own parse errors echo the password or its tail."""
    userinfo = rest.rpartition("@")[0]
    if UNENCODED.search(userinfo):
        raise ConfigError("REPORTDRAFT_DATABASE_URL 的用户名或密码中有未编码的字符（未显示，以免泄露密码）。"
                          + URL_ENCODING_HINT)


def env(name: str, default, **options):
    """A setting read from the environment variable `name`; `default` when it is unset or empty."""
    return field(default=default, metadata={"env": name}, **options)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, resolved in one place: explicit argument → environment → default.
    Each default is written once, here, beside the variable that changes it."""

    data_dir: Path
    """Index, draft database and caches (env REPORTDRAFT_DB, default ~/.reportdraft)."""
    corpus_dir: Path = env("REPORTDRAFT_CORPUS", DEFAULT_CORPUS)
    """Earlier reports the default index is built from."""
    chroma_host: str = env("CHROMA_HOST", "")
    """A Chroma server to use instead of the embedded store."""
    chroma_port: int = env("CHROMA_PORT", 8000)
    """Port of that server."""
    embeddings: str = env("REPORTDRAFT_EMBEDDINGS", "local")
    """'local' (hashed n-grams, offline) or 'openai' (the configured endpoint's embeddings)."""
    embedding_model: str = env("REPORTDRAFT_EMBEDDING_MODEL", "text-embedding-3-small")
    """Model name for 'openai' embeddings."""
    openai_api_key: str = env("OPENAI_API_KEY", "", repr=False)
    """Never printed: repr=False keeps it out of logs and error messages."""
    openai_base_url: str = env("OPENAI_BASE_URL", "")
    """Any OpenAI-compatible endpoint."""
    model: str = env("REPORTDRAFT_MODEL", "deepseek-chat")
    """Chat model name."""
    temperature: float = env("REPORTDRAFT_TEMPERATURE", 0.3)
    timeout: float = env("REPORTDRAFT_TIMEOUT", 60.0)
    """Seconds one section may take with the model, every attempt and every streamed token included."""
    max_retries: int = env("REPORTDRAFT_RETRIES", 2)
    backoff: float = env("REPORTDRAFT_BACKOFF", 0.5)
    """First wait before retrying a model call, seconds (doubles each time)."""
    concurrency: int = env("REPORTDRAFT_CONCURRENCY", 4)
    """Sections written side by side (at least 1)."""
    host: str = env("REPORTDRAFT_HOST", "127.0.0.1")
    """Where the app listens; loopback unless you say otherwise."""
    port: int = env("REPORTDRAFT_PORT", 7860)
    auth: str = env("REPORTDRAFT_AUTH", "", repr=False)
    """Optional 'user:password' login for the app."""
    users_file: str = env("REPORTDRAFT_USERS", "")
    """A file of `user:password:organisation` lines: logins, each seeing its organisation's drafts."""
    max_upload_mb: int = env("REPORTDRAFT_MAX_UPLOAD_MB", 20)
    api_token: str = env("REPORTDRAFT_API_TOKEN", "", repr=False)
    """The token agent platforms send to the drafting tools (MCP, /api/v1).
    Unset: the tools are open when the page is (no login) and off when the page has logins."""
    public_url: str = env("REPORTDRAFT_PUBLIC_URL", "")
    """Where people reach the app, for the Word links the tools return; unset: the address the caller used."""
    terms_file: str = env("REPORTDRAFT_TERMS", "")
    """The office's own term table (wrong form → right form: its leaders' names, its brands); unset:
    terms.yaml in the data directory when there is one."""
    database_url: str = env("REPORTDRAFT_DATABASE_URL", "", repr=False)
    """PostgreSQL for drafts, versions and the catalog, shared by several app instances
    (postgresql://user:password@host:port/db); unset: SQLite files in the data directory.
    repr=False: it may hold a password."""

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @property
    def index_dir(self) -> Path:
        """One index per embedding: vectors of two embeddings never share a collection."""
        if self.embeddings == "openai":
            safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in self.embedding_model)
            return self.data_dir / f"index-{safe}"
        return self.data_dir / "index"

    @property
    def terms_path(self) -> Path | None:
        """The office's term table: REPORTDRAFT_TERMS (which must exist), else the data directory's
        terms.yaml when there is one, else None (the shipped table only)."""
        if self.terms_file:
            path = Path(self.terms_file).expanduser()
            if not path.is_file():
                raise ConfigError(f"REPORTDRAFT_TERMS 指向的规范用语表 {path} 不存在：请改为实际文件，或不设置。")
            return path
        own = self.data_dir / "terms.yaml"
        return own if own.is_file() else None

    @property
    def db_path(self) -> Path:
        return self.data_dir / "drafts.sqlite3"

    @property
    def store_location(self) -> Path | str:
        """Where drafts are kept: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.db_path

    def model_config(self) -> ModelConfig:
        """What the LLM writer needs to reach the model."""
        from drafting.write.model_call import ModelConfig

        return ModelConfig(model=self.model, cache_dir=self.data_dir / "tiktoken", base_url=self.openai_base_url,
                           api_key=self.openai_api_key, temperature=self.temperature, deadline=self.timeout,
                           retries=self.max_retries, backoff=self.backoff)

    def backend_notice(self) -> str:
        if self.llm_configured:
            return f"使用大模型 {self.model} 起草"
        return "未配置大模型：使用离线起草。设置 OPENAI_BASE_URL 或 OPENAI_API_KEY 以使用大模型。"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> Settings:
        env = dict(os.environ if env is None else env)
        values = {"data_dir": Path(env.get("REPORTDRAFT_DB") or Path.home() / ".reportdraft").expanduser()}
        for setting in fields(cls):
            raw = env.get(setting.metadata.get("env", ""), "").strip()
            if raw:
                values[setting.name] = _read(setting.metadata["env"], raw, setting.default)
        values.update({k: v for k, v in overrides.items() if v is not None})
        values["concurrency"] = max(1, values.get("concurrency", cls.concurrency))
        embeddings = values.get("embeddings", cls.embeddings)
        if embeddings not in ("local", "openai"):
            raise ConfigError("REPORTDRAFT_EMBEDDINGS 只能是 local 或 openai。")
        if embeddings == "openai" and not (values.get("openai_api_key") or values.get("openai_base_url")):
            raise ConfigError("REPORTDRAFT_EMBEDDINGS=openai 需要设置 OPENAI_BASE_URL 或 OPENAI_API_KEY。")
        return cls(**values)


READERS = {"REPORTDRAFT_DATABASE_URL": _database_url, "REPORTDRAFT_PUBLIC_URL": lambda raw: raw.rstrip("/")}
"""Variables read by more than their default's type."""


def _read(name: str, raw: str, default):
    """The value of environment variable `name` in the type of its default; a wrong one says how to fix it."""
    if name in READERS:
        return READERS[name](raw)
    if isinstance(default, Path):
        return Path(raw).expanduser()
    if isinstance(default, bool) or not isinstance(default, int | float):
        return raw
    try:
        return type(default)(raw)
    except ValueError:
        kind = "整数，请改为数字" if isinstance(default, int) else "数字，请改正"
        raise ConfigError(f"环境变量 {name}={raw!r} 不是{kind}（默认 {default}）。") from None
