"""PostgreSQL behind the database seam (database.py): psycopg 3 and its pool, imported only when a
postgresql:// URL is given; errors that name the database without its password."""

from __future__ import annotations

import threading
import zlib
from contextlib import contextmanager

from .database import Database, DatabaseUnavailable, Tx

QUICK_SECONDS = 1.0
"""How long a call waits for a pooled connection before asking the database directly whether it answers."""


def _to_psycopg(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDatabase(Database):
    """A small pool of connections, checked before use, so a database that restarts is found
    again; every failure to reach it becomes DatabaseUnavailable with the URL shown without its
    password."""

    kind = "postgres"

    def __init__(self, url: str, size: int = 8, timeout: float = 10.0) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self.timeout = timeout
        self.where = safe_url(self.url)
        try:  # one plain connection first: its error says what is wrong (refused, password, no such database)
            psycopg.connect(self.url, connect_timeout=max(1, int(timeout))).close()
        except psycopg.Error as exc:
            raise self.unavailable(exc) from None
        self.pool = ConnectionPool(self.url, min_size=1, max_size=size, timeout=timeout, open=False,
                                   check=ConnectionPool.check_connection, kwargs={"connect_timeout": int(timeout)})
        try:
            self.pool.open(wait=True, timeout=timeout)
        except Exception as exc:
            self.pool.close()
            raise self.unavailable(exc) from None

    def unavailable(self, exc: Exception) -> DatabaseUnavailable:
        lines = [line.strip() for line in str(exc).replace(self.url, self.where).splitlines() if line.strip()]
        # psycopg: "connection failed: connection to server at …, port … failed: FATAL:  the reason"
        reason = (lines[0].rsplit("failed: ", 1)[-1] if lines else "") or type(exc).__name__
        if shows_secret(reason, self.url):  # libpq's parse errors quote the part they could not read
            reason = "连接参数无法解析（原因中含有密码，未显示）"
        return DatabaseUnavailable(f"无法连接数据库 {self.where}：{reason}。"
                                   "请确认 PostgreSQL 在运行，并检查 REPORTDRAFT_DATABASE_URL 中的主机、端口、"
                                   "库名、用户和密码。")

    @contextmanager
    def _connection(self):
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            conn = self._getconn()
            try:
                with conn:  # as the pool's own connection(): commit or roll back, then back to the pool
                    yield conn
            finally:
                self.pool.putconn(conn)
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise self.unavailable(exc) from None

    def _getconn(self):
        """A connection from the pool. When none comes within a second, the database is asked
        directly: one that does not answer (stopped, restarting) is said at once — an edit is then
        kept in memory in a second or two, not after the pool's whole timeout; one that answers means
        the pool is busy, and the wait goes on."""
        import psycopg
        from psycopg_pool import PoolTimeout

        quick = min(QUICK_SECONDS, self.timeout)
        try:
            return self.pool.getconn(timeout=quick)
        except PoolTimeout:
            psycopg.connect(self.url, connect_timeout=2).close()  # OperationalError when it does not answer
            return self.pool.getconn(timeout=max(self.timeout - quick, 0.1))

    @contextmanager
    def transaction(self, exclusive: bool = False, lock_key: str = "catalog-write"):
        with self._connection() as conn, conn.transaction(), conn.cursor() as cursor:
            if exclusive:
                # Writers queue here, so sequence numbers are committed in the order they were taken.
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (zlib.crc32(lock_key.encode()),))
            yield Tx(cursor, _to_psycopg)

    @contextmanager
    def snapshot(self):
        with self._connection() as conn, conn.transaction(), conn.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield Tx(cursor, _to_psycopg, conn)

    def close(self) -> None:
        self.pool.close()


def safe_url(url: str) -> str:
    """The URL as it may be shown: user, host, port and database, never the password."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "（无法解析的数据库地址）"
    user = f"{parts.username}:***@" if parts.password else (f"{parts.username}@" if parts.username else "")
    return urlunsplit((parts.scheme, f"{user}{host}{port}", parts.path, "", ""))


def shows_secret(text: str, url: str) -> bool:
    """Whether `text` holds the URL's password, or any four characters of it in a row (as typed or
    decoded): an unencoded @ makes libpq name the password's tail as the host."""
    from urllib.parse import unquote

    userinfo = url.split("://", 1)[-1].rpartition("@")[0]
    secret = userinfo.partition(":")[2]
    for form in {secret, unquote(secret)} - {""}:
        pieces = {form} if len(form) < 4 else {form[i:i + 4] for i in range(len(form) - 3)}
        if any(piece in text for piece in pieces):
            return True
    return False


class _Result:
    def __init__(self, rows: list, rowcount: int) -> None:
        self._rows, self.rowcount = rows, rowcount

    def fetchone(self):
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list:
        return self._rows


class PostgresConnection:
    """What code written for a sqlite3 connection expects — execute(), `with conn:` as one
    transaction — over the PostgreSQL pool. A transaction belongs to the thread that opened it."""

    def __init__(self, db: PostgresDatabase) -> None:
        self.db = db
        self._local = threading.local()

    def execute(self, sql: str, params=()):
        tx = getattr(self._local, "tx", None)
        if tx is not None:
            tx.run(sql, params)
            return tx.cursor
        with self.db.transaction() as tx:
            tx.run(sql, params)
            return _Result(tx.cursor.fetchall() if tx.cursor.description else [], tx.cursor.rowcount)

    def __enter__(self):
        context = self.db.transaction()
        self._local.tx = context.__enter__()
        self._local.context = context
        return self

    def __exit__(self, *exc) -> bool:
        context = self._local.context
        self._local.tx = self._local.context = None
        return bool(context.__exit__(*exc))

    def close(self) -> None:
        self.db.close()
