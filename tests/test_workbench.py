"""The clerk's edit pages (pipeline/workbench.py) without a browser: the token, the session cookie, the
CSRF token on every form, one correction per POST, the password off loopback, and Datasette behind it.

Requests are WSGI calls on the app itself (and ASGI calls on the joined app), on the fixture registry
(#2 is the commune plan 45/KH-UBND: item I.2 led by the Văn phòng).
"""

from __future__ import annotations

import asyncio
import io
import re
import sqlite3
import urllib.parse

import pytest
from typer.testing import CliRunner

from kehoach.pipeline import registry, serve_edit
from kehoach.pipeline.cli import app as cli
from kehoach.pipeline.workbench import Workbench

TOKEN = "t0ken-for-tests"
VAN_PHONG = "Văn phòng HĐND và UBND xã"


def call(app, method: str, path: str, *, query: str = "", form: dict | None = None, cookie: str | None = None):
    body = urllib.parse.urlencode(form or {}).encode()
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path.encode().decode("latin1"), "QUERY_STRING": query,
               "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body)),
               "CONTENT_TYPE": "application/x-www-form-urlencoded"}
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    got = {}

    def start_response(status, headers):
        got["status"], got["headers"] = int(status.split()[0]), dict(headers)

    text = b"".join(app(environ, start_response)).decode("utf-8")
    return got["status"], got["headers"], text


def counts(db) -> dict:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in registry.TABLES}


@pytest.fixture
def bench(fixture_registry):
    return Workbench(fixture_registry, token=TOKEN)


def log_in(bench) -> tuple[str, str]:
    """The session cookie and the CSRF token of the document page of #2."""
    status, headers, _ = call(bench, "GET", "/edit/doc/2", query=f"token={TOKEN}")
    assert (status, headers["Location"]) == (303, "/edit/doc/2")  # the token leaves the address
    assert "HttpOnly" in headers["Set-Cookie"] and "SameSite=Strict" in headers["Set-Cookie"]
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, page = call(bench, "GET", "/edit/doc/2", cookie=cookie)
    assert status == 200
    tokens = set(re.findall(r'name="csrf" value="([^"]+)"', page))
    assert len(tokens) == 1  # one per session, in every form
    assert page.count('name="csrf"') == page.count("<form")
    return cookie, tokens.pop()


REMOVE = {"action": "remove_assignment", "node": "I.2", "unit": VAN_PHONG, "role": "lead"}


def test_a_correction_through_the_page(bench):
    cookie, csrf = log_in(bench)
    status, headers, _ = call(bench, "POST", "/edit/doc/2", form={**REMOVE, "csrf": csrf, "note": "sai đơn vị"},
                              cookie=cookie)
    assert (status, headers["Location"]) == (303, "/edit/doc/2?saved=1#node-I-2")
    status, _, page = call(bench, "GET", "/edit/doc/2", query="saved=1", cookie=cookie)
    assert "correction #1 saved" in page
    assert "#1 remove Văn phòng HĐND và UBND xã (lead) on I.2" in page
    rows = [r for r in re.findall(r'<tr class="assignment">(.*?)</tr>', page, re.DOTALL) if "I.2</a>" in r]
    assert rows == []
    with sqlite3.connect(bench.db) as conn:
        assert conn.execute("SELECT action, note FROM corrections").fetchall() == [("remove_assignment", "sai đơn vị")]


@pytest.mark.parametrize("cookie,csrf", [
    pytest.param(None, None, id="no-session"),
    pytest.param("kehoach_session=forged", "anything", id="forged-session"),
    pytest.param("session", None, id="no-csrf-token"),
    pytest.param("session", "wrong", id="wrong-csrf-token"),
    pytest.param("session", "other-session", id="another-sessions-csrf-token"),
])
def test_a_post_without_the_tokens_changes_nothing(bench, cookie, csrf):
    session_cookie, own = log_in(bench)
    _, other = log_in(bench)
    form = dict(REMOVE)
    if csrf is not None:
        form["csrf"] = {"other-session": other}.get(csrf, csrf)
    before = counts(bench.db)
    status, _, page = call(bench, "POST", "/edit/doc/2", form=form,
                           cookie=session_cookie if cookie == "session" else cookie)
    assert status == 403, page
    assert counts(bench.db) == before
    assert own != other


@pytest.mark.parametrize("path,query", [
    pytest.param("/edit/", "", id="index-without-token"),
    pytest.param("/edit/doc/2", "", id="page-without-token"),
    pytest.param("/edit/doc/2", "token=guess", id="wrong-token"),
])
def test_no_page_without_the_token(bench, path, query):
    status, headers, _ = call(bench, "GET", path, query=query)
    assert status == 403 and "Set-Cookie" not in headers


def test_a_refused_correction_shows_why_and_changes_nothing(bench):
    cookie, csrf = log_in(bench)
    before = counts(bench.db)
    form = {"action": "add_assignment", "node": "I.2", "unit": VAN_PHONG, "role": "lead", "deadline": "2025-06-20",
            "csrf": csrf}
    status, _, page = call(bench, "POST", "/edit/doc/2", form=form, cookie=cookie)
    assert status == 400 and "already has" in page
    assert counts(bench.db) == before


def test_the_index_lists_the_documents(bench):
    cookie, _ = log_in(bench)
    status, _, page = call(bench, "GET", "/edit/", cookie=cookie)
    assert status == 200 and page.count('href="/edit/doc/') == 3 and "45/KH-UBND" in page


def test_with_a_password_the_token_asks_for_it(fixture_registry):
    bench = Workbench(fixture_registry, token=TOKEN, password="mật khẩu dài")
    status, headers, page = call(bench, "GET", "/edit/", query=f"token={TOKEN}")
    assert status == 200 and 'type="password"' in page and "Set-Cookie" not in headers
    wrong = call(bench, "POST", "/edit/login", form={"token": TOKEN, "password": "đoán", "next": "/edit/"})
    assert wrong[0] == 403 and "Set-Cookie" not in wrong[1]
    status, headers, _ = call(bench, "POST", "/edit/login",
                              form={"token": TOKEN, "password": "mật khẩu dài", "next": "/edit/"})
    assert status == 303 and headers["Set-Cookie"].startswith("kehoach_session=")


def asgi_get(app, path: str, cookie: str | None = None) -> int:
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    headers = [(b"cookie", cookie.encode())] if cookie else []
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": headers, "http_version": "1.1", "scheme": "http", "root_path": "",
             "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000)}
    asyncio.run(app(scope, receive, send))
    return sent[0]["status"]


def test_datasette_beside_the_edit_pages(fixture_registry):
    app, _bench = serve_edit.edit_app(fixture_registry, token=TOKEN)
    assert asgi_get(app, "/-/versions.json") == 200  # read-only pages stay open on loopback
    assert asgi_get(app, "/edit/") == 403
    locked, _ = serve_edit.edit_app(fixture_registry, token=TOKEN, password="mật khẩu dài")
    assert asgi_get(locked, "/-/versions.json") == 403  # with a password, every page needs the session


@pytest.mark.parametrize("host,content,error", [
    pytest.param("0.0.0.0", None, "needs --password-file", id="public-without-password"),
    pytest.param("192.168.1.20", "short\n", "at least 8 characters", id="short-password"),
    pytest.param("127.0.0.1", None, None, id="loopback"),
    pytest.param("::1", None, None, id="loopback-ipv6"),
    pytest.param("0.0.0.0", "một mật khẩu dài\nrest", None, id="public-with-password"),
])
def test_check_host(tmp_path, host, content, error):
    path = None
    if content is not None:
        path = tmp_path / "password"
        path.write_text(content, encoding="utf-8")
    if error:
        with pytest.raises(serve_edit.ServeError, match=error):
            serve_edit.check_host(host, path)
    else:
        assert serve_edit.check_host(host, path) == (content.splitlines()[0] if content else None)


def test_serve_edit_off_loopback_refuses_to_start(fixture_registry):
    result = CliRunner().invoke(cli, ["serve", "--edit", "--host", "0.0.0.0", "--db", str(fixture_registry)])
    assert result.exit_code == 2
    assert "needs --password-file" in result.output and result.output.count("\n") == 1
