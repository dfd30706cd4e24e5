"""The clerk's edit pages: a small WSGI app served beside Datasette by ``kehoach serve --edit``.

``/edit/`` lists the current documents; ``/edit/doc/ID`` is a document's review
page as corrected, with a form for every correction (``workbench_page.py``); a
form posts one correction to the same address, which records it through
``correction_store.record`` (one transaction) and redirects back.

Safe by default:

- **Token.** The server makes a random access token at start and prints the link
  ``/edit/?token=…``; the first visit with it opens a session (an HttpOnly,
  SameSite=Strict cookie) and redirects to the same page without the token. No
  session, no page and no write.
- **Password.** With a password file (required off loopback), the token's link asks
  for the password before the session opens; then every page of the site, Datasette's
  too, needs the session (:meth:`Workbench.allowed`).
- **CSRF.** Each session has its own random CSRF token, in every form; a POST without
  it, or with another, changes nothing (403).
- **One transaction per write**, and the registry file is opened anew for each request.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import secrets
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

from kehoach.pipeline.errors import KehoachError

COOKIE = "kehoach_session"
MAX_FORM_BYTES = 64 * 1024
# The form fields each action takes (the names of correction_checks.prepare): required, optional.
FORM_FIELDS = {
    "add_assignment": (("unit", "role"), ("deadline",)),
    "remove_assignment": (("unit", "role"), ()),
    "change_assignment": (("unit", "role"), ("to_unit", "to_role", "deadline")),
    "task": (("task",), ()),
    "add_citation": (("ref",), ("doc_type", "date", "issuer")),
    "remove_citation": (("ref",), ()),
    "fix_citation": (("ref",), ("to_ref", "doc_type", "date", "issuer")),
    "metadata": (("field", "value"), ()),
    "status": (("status",), ("date",)),
}


@dataclass
class Session:
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    author: str = ""


@dataclass
class Response:
    status: str
    body: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            '<style>body{font:15px/1.5 "Liberation Sans",Arial,sans-serif;max-width:1000px;margin:24px auto;'
            'padding:0 20px} table{border-collapse:collapse;width:100%} td,th{padding:4px 8px;'
            'border-bottom:1px solid #ddd;text-align:left} .stale{color:#8a1c14}</style></head>'
            f'<body>{body}</body></html>')


def _redirect(location: str, *headers: tuple[str, str]) -> Response:
    return Response("303 See Other", headers=[("Location", location), *headers])


def _forbidden(reason: str) -> Response:
    return Response("403 Forbidden", _page("403", f"<h1>403</h1><p>{html.escape(reason)}</p>"))


class Workbench:
    """The edit app over one registry file (a WSGI callable)."""

    def __init__(self, db: str | Path, *, token: str | None = None, password: str | None = None):
        self.db = Path(db)
        self.token = token or secrets.token_urlsafe(24)
        self._password = hashlib.sha256(password.encode("utf-8")).digest() if password else None
        self.sessions: dict[str, Session] = {}

    # --- sessions ---------------------------------------------------------------------

    def session(self, cookie_header: str | None) -> Session | None:
        cookie = SimpleCookie()
        try:
            cookie.load(cookie_header or "")
        except Exception:  # noqa: BLE001 - a malformed cookie header is no session
            return None
        morsel = cookie.get(COOKIE)
        return self.sessions.get(morsel.value) if morsel else None

    def allowed(self, cookie_header: str | None) -> bool:
        """May this request see the site? Always on loopback without a password; else with a session."""
        return self._password is None or self.session(cookie_header) is not None

    def _open_session(self, path: str) -> Response:
        sid = secrets.token_urlsafe(32)
        self.sessions[sid] = Session()
        cookie = f"{COOKIE}={sid}; Path=/; HttpOnly; SameSite=Strict"
        return _redirect(path, ("Set-Cookie", cookie))

    def _token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    def _password_ok(self, given: str | None) -> bool:
        digest = hashlib.sha256((given or "").encode("utf-8")).digest()
        return self._password is not None and hmac.compare_digest(digest, self._password)

    # --- WSGI -------------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        try:
            response = self.handle(environ)
        except KehoachError as exc:
            response = Response("400 Bad Request", _page("400", f"<p>{html.escape(str(exc))}</p>"))
        body = response.body.encode("utf-8")
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
                   ("Cache-Control", "no-store"), ("X-Frame-Options", "DENY"), *response.headers]
        start_response(response.status, headers)
        return [body]

    def handle(self, environ) -> Response:
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "").encode("latin1").decode("utf-8", "replace")
        query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
        form = _form(environ) if method == "POST" else {}
        if path == "/edit/login" and method == "POST":
            return self._login(form)
        if "token" in query and method == "GET":
            if not self._token_ok(query["token"][0]):
                return _forbidden("Sai mã truy cập — wrong access token.")
            if self._password is not None:
                return Response("200 OK", _login_page(query["token"][0], path))
            return self._open_session(path)
        session = self.session(environ.get("HTTP_COOKIE"))
        if session is None:
            return _forbidden("Mở đường dẫn có mã truy cập mà `kehoach serve --edit` in ra khi khởi động — open "
                              "the link with the access token that `kehoach serve --edit` printed at start.")
        if method == "POST":
            if not hmac.compare_digest(form.get("csrf", "").encode(), session.csrf.encode()):
                return _forbidden("Thiếu hoặc sai mã chống giả mạo (CSRF) — missing or wrong CSRF token: "
                                  "nothing was changed. Reload the page and try again.")
            return self._post(path, form, session)
        return self._get(path, query, session)

    def _login(self, form: dict[str, str]) -> Response:
        target = form.get("next", "/edit/")
        if not target.startswith("/edit/"):
            target = "/edit/"
        if not (self._token_ok(form.get("token")) and self._password_ok(form.get("password"))):
            return _forbidden("Sai mã truy cập hoặc mật khẩu — wrong token or password.")
        return self._open_session(target)

    # --- pages ------------------------------------------------------------------------------

    def _get(self, path: str, query: dict, session: Session) -> Response:
        from kehoach.pipeline import workbench_views

        if path in ("/edit", "/edit/"):
            return Response("200 OK", workbench_views.index(self.db))
        document_id = _document_id(path)
        if document_id is None:
            return Response("404 Not Found", _page("404", "<p>Không có trang này — no such page.</p>"))
        saved = query.get("saved", [None])[0]
        message = f"Đã lưu đính chính #{saved} — correction #{saved} saved." if saved and saved.isdigit() else None
        return Response("200 OK", workbench_views.document_page(self.db, document_id, session, message=message))

    def _post(self, path: str, form: dict[str, str], session: Session) -> Response:
        from kehoach.pipeline import workbench_views

        if form.get("action") == "whoami":  # the name corrections are recorded under
            session.author = " ".join(form.get("author", "").split())[:80]
            return _redirect(path if path.startswith("/edit/doc/") else "/edit/")
        document_id = _document_id(path)
        action = form.get("action", "")
        required, optional = FORM_FIELDS.get(action, (None, ()))
        if document_id is None or required is None or any(k not in form for k in required):
            return Response("400 Bad Request", _page("400", "<p>Không rõ yêu cầu — unknown request.</p>"))
        values = {k: form[k] for k in (*required, *optional) if k in form}
        if action == "task":
            values["task"] = values.get("task") == "yes"
        saved, page = workbench_views.correct(self.db, document_id, action, form.get("node") or None, values,
                                              session, note=form.get("note"))
        if saved is None:
            return Response("400 Bad Request", page)
        anchor = f"#{_anchor(form['node'])}" if form.get("node") else ""
        return _redirect(f"/edit/doc/{document_id}?saved={saved}{anchor}")


def _anchor(node_id: str) -> str:
    from kehoach.pipeline.review import _anchor as anchor

    return anchor(node_id)


def _document_id(path: str) -> int | None:
    prefix = "/edit/doc/"
    rest = path[len(prefix):] if path.startswith(prefix) else ""
    return int(rest) if rest.isdigit() else None


def _form(environ) -> dict[str, str]:
    try:
        length = min(int(environ.get("CONTENT_LENGTH") or 0), MAX_FORM_BYTES)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length).decode("utf-8", "replace") if length else ""
    return {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}


def _login_page(token: str, path: str) -> str:
    return _page("Đăng nhập — log in", f"""<h1>Đăng nhập chế độ sửa — edit mode</h1>
<form method="post" action="/edit/login"><input type="hidden" name="token" value="{html.escape(token)}">
<input type="hidden" name="next" value="{html.escape(path)}">
<label>Mật khẩu — password <input type="password" name="password" autofocus></label>
<button type="submit">Vào — enter</button></form>""")
