"""Logins: a users file gives each organisation its own list of drafts; with a login, the page
served before it lists no API and the API descriptions need the login (checked over HTTP)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from drafting.errors import ConfigError
from drafting.shell.users import Logins, hash_password, password_matches

from .conftest import free_port


def users_file(tmp_path, text: str):
    path = tmp_path / "users.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_users_file_maps_each_user_to_an_organisation(tmp_path):
    hashed = hash_password("s3cret:with:colons", iterations=1000)
    users = users_file(tmp_path, f"# 办公室\nwang:pw1:青川县妇联\n\nli:{hashed}:剑阁县妇联\n")
    logins = Logins.from_settings("", users)
    assert logins.check("wang", "pw1") and not logins.check("wang", "pw2")
    assert logins.check("li", "s3cret:with:colons"), "a hashed password, colons and all"
    assert not logins.check("nobody", "pw1")
    assert logins.owner("wang") == "青川县妇联" and logins.owner("li") == "剑阁县妇联"
    assert logins.owner("stranger") not in ("青川县妇联", "剑阁县妇联", None), "an unknown user sees nothing"


def test_a_single_login_shares_one_list_and_no_login_is_no_login():
    office = Logins.from_settings("clerk:pw", "")
    assert office.check("clerk", "pw") and office.owner("clerk") is None
    assert not Logins.from_settings("", "")


@pytest.mark.parametrize("text, message", [("wang:pw\n", "第 1 行"), ("# only comments\n", "没有用户"),
                                           (":pw:org\n", "第 1 行")])
def test_a_broken_users_file_says_which_line(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        Logins.from_settings("", users_file(tmp_path, text))
    with pytest.raises(ConfigError, match="用户名:密码"):
        Logins.from_settings("clerk", "")


def test_stored_hashes_are_salted_and_checked_in_constant_time():
    a, b = hash_password("pw", iterations=1000), hash_password("pw", iterations=1000)
    assert a != b and a.startswith("pbkdf2:") and password_matches(a, "pw") and not password_matches(a, "pW")
    assert not password_matches("pbkdf2:broken", "pw")


def test_a_page_session_belongs_to_the_login_that_opened_it(tmp_path):
    from types import SimpleNamespace as Call

    from drafting.errors import InputError
    from drafting.shell.page_logins import NO_LOGIN, NOT_YOURS, PageLogins

    pages = PageLogins(Logins.from_settings("", users_file(tmp_path, "wang:pw1:青川县妇联\nli:pw2:剑阁县妇联\n")))
    assert pages.owner(Call(username="wang", session_hash="page-1")) == "青川县妇联"
    with pytest.raises(InputError, match=NOT_YOURS):
        pages.owner(Call(username="li", session_hash="page-1"))
    with pytest.raises(InputError, match=NO_LOGIN):
        pages.owner(None)  # a handler Gradio gave no request: refused, not nobody's
    assert not pages.leave(Call(username="li", session_hash="page-1")) and pages.sessions == 1, "only its user ends it"
    assert pages.leave(Call(username="wang", session_hash="page-1")) and pages.sessions == 0
    assert PageLogins(Logins()).owner(None) is None, "no logins: one shared list, nobody to tell apart"


def get(url: str, cookie: str = "") -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.mark.slow
def test_before_login_the_page_lists_no_api_and_api_descriptions_need_the_login(tmp_path, seed_index):
    import app
    from drafting.output.store import DraftStore
    from drafting.shell.settings import Settings
    from drafting.shell.workbench import Workbench
    from drafting.write.offline import OfflineComposer

    settings = Settings.from_env(env={}, data_dir=tmp_path / "data", port=free_port())
    logins = Logins.from_settings("", users_file(tmp_path, "wang:pw1:青川县妇联\n"))
    bench = Workbench(settings, seed_index, DraftStore(settings.db_path), OfflineComposer())
    demo = app.build_app(settings, bench, logins)
    demo.queue().launch(**app.launch_options(settings, logins), prevent_thread_lock=True, quiet=True)
    root = f"http://127.0.0.1:{settings.port}"
    try:
        status, page = get(root + "/")
        assert status == 200 and "on_outline" not in page and "on_write" not in page
        for route in ("/gradio_api/openapi.json", "/gradio_api/info", "/config"):
            assert get(root + route)[0] == 401, route
        form = urllib.parse.urlencode({"username": "wang", "password": "pw1"}).encode()
        with urllib.request.urlopen(urllib.request.Request(root + "/login", data=form), timeout=20) as response:
            cookie = "; ".join(c.split(";")[0] for c in response.headers.get_all("Set-Cookie"))
        status, body = get(root + "/gradio_api/openapi.json", cookie)
        assert status == 200 and "on_outline" not in json.dumps(json.loads(body)["paths"]), "hidden even after login"
        assert get(root + "/gradio_api/openapi.json", "access-token=forged")[0] == 401
    finally:
        demo.close()
