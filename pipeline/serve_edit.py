"""`kehoach serve --edit`: Datasette (read-only) and the clerk's edit pages in one server.

:func:`edit_app` joins them: ``/edit/…`` goes to the edit app (``pipeline/workbench.py``,
a WSGI app run in one worker thread, so its requests take turns), everything else to Datasette, which opens the
registry ``mode=ro`` so it sees each correction at once. With a password, every page
needs the session the token and the password open. :func:`check_host` refuses a host
other than loopback without a password file.
"""

from __future__ import annotations

import asyncio
import io
import ipaddress
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kehoach.pipeline.errors import KehoachError

LOOPBACK_NAMES = ("localhost",)


class ServeError(KehoachError):
    """The server cannot start as asked (a public host without a password, an empty password file)."""


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(host: str, password_file: Path | None) -> str | None:
    """The password to ask for, read from ``password_file`` (its first line).

    :raises ServeError: a host other than loopback without a password file; an unreadable or empty one
    """
    if password_file is None:
        if not is_loopback(host):
            raise ServeError(host, "edit mode on a host other than loopback needs --password-file "
                                   "(a file whose first line is the password)")
        return None
    try:
        first = password_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ServeError(str(password_file), f"cannot read the password file ({exc})") from None
    password = first[0].strip() if first else ""
    if len(password) < 8:
        raise ServeError(str(password_file), "the password (its first line) must have at least 8 characters")
    return password


def edit_app(db: str | Path, *, token: str | None = None, password: str | None = None):
    """The ASGI app of ``kehoach serve --edit`` and its :class:`Workbench` (which holds the token)."""
    from kehoach.pipeline.serve import datasette_app
    from kehoach.pipeline.workbench import Workbench

    bench = Workbench(db, token=token, password=password)
    datasette = datasette_app(db, changing=True).app()
    edit = wsgi_to_asgi(bench)

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return await datasette(scope, receive, send)  # lifespan: Datasette's startup
        path = scope.get("path", "")
        if path == "/edit" or path.startswith("/edit/"):
            return await edit(scope, receive, send)
        cookies = next((v.decode("latin1") for k, v in scope.get("headers", []) if k == b"cookie"), None)
        if not bench.allowed(cookies):
            return await _send_forbidden(send)
        return await datasette(scope, receive, send)

    return app, bench


def wsgi_to_asgi(wsgi_app, *, max_body: int = 1 << 20):
    """An ASGI app calling ``wsgi_app`` in one worker thread (the edit pages are small and take turns:
    one thread keeps the page renderer and the registry connections on a single thread)."""
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kehoach-edit")

    async def app(scope, receive, send):
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")[:max_body - len(body)]
            if not message.get("more_body"):
                break
        environ = _environ(scope, body)
        status, headers, content = await asyncio.get_running_loop().run_in_executor(worker, _call, wsgi_app, environ)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(k.lower().encode("latin1"), v.encode("latin1")) for k, v in headers]})
        await send({"type": "http.response.body", "body": content})

    return app


def _environ(scope, body: bytes) -> dict:
    environ = {
        "REQUEST_METHOD": scope["method"], "SCRIPT_NAME": "",
        "PATH_INFO": scope["path"].encode("utf-8").decode("latin1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin1"),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}", "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": scope.get("scheme", "http"), "CONTENT_LENGTH": str(len(body)),
    }
    for name, value in scope.get("headers", []):
        key = name.decode("latin1").upper().replace("-", "_")
        key = key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else f"HTTP_{key}"
        environ[key] = value.decode("latin1")
    environ["CONTENT_LENGTH"] = str(len(body))
    return environ


def _call(wsgi_app, environ) -> tuple[int, list[tuple[str, str]], bytes]:
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = int(status.split()[0]), headers

    content = b"".join(wsgi_app(environ, start_response))
    return started["status"], started["headers"], content


async def _send_forbidden(send) -> None:
    body = ("Cần đăng nhập: mở đường dẫn có mã truy cập — log in first: open the link with the access token "
            "printed at start.").encode()
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def serve(db: str | Path, *, port: int, host: str, password: str | None, on_ready=None) -> None:
    """Serve Datasette and the edit pages until interrupted; ``on_ready(link)`` gets the access link."""
    import asyncio

    import uvicorn

    app, bench = edit_app(db, password=password)
    shown = f"[{host}]" if ":" in host else host
    if on_ready is not None:
        on_ready(f"http://{shown}:{port}/edit/?token={bench.token}")
    asyncio.run(_startup(db))
    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on", workers=1)


async def _startup(db) -> None:
    """Fail before listening when the registry cannot be served."""
    from kehoach.pipeline.serve import check_registry

    check_registry(db)
