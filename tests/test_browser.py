"""`kehoach serve` seen through a real browser: Debian's chromium, headless, with --dump-dom.

Starts the server on a free 127.0.0.1 port over a registry of samples/pdf, opens
the canned query "tasks citing a document" with 33/CT-TTg, finds a Gia Viên task
on the rendered page and takes a screenshot into the test's tmp dir. Skips only
where chromium cannot be found (scripts/install-system-deps.sh installs it).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kehoach.pipeline import api, registry

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "pdf"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run")
SERVER_START_SECONDS = 60
BROWSER_SECONDS = 90
GIA_VIEN_TASK = "Tổ chức thực hiện nghiêm túc, có hiệu quả các nghị quyết"


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@pytest.fixture(scope="module")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        pytest.skip("chromium not found (Debian: apt-get install chromium; `make test` installs it as root)")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kehoach serve` on a free port, over a registry of the samples; always stopped."""
    tmp = tmp_path_factory.mktemp("browser")
    db_path = tmp / "samples.db"
    db = registry.open_db(db_path)
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        registry.load(db, api.extract(pdf))
    db.conn.close()
    port = free_port()
    log = (tmp / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "kehoach", "serve", "--db", str(db_path), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=tmp)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"kehoach serve exited with {process.returncode}: {(tmp / 'server.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"kehoach serve did not answer within {SERVER_START_SECONDS} s")
            time.sleep(0.2)
        yield base
    finally:
        stop(process)
        log.close()


def stop(process: subprocess.Popen) -> None:
    """End a server this test started: politely, then for sure."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def run_chromium(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          check=False, capture_output=True, text=True, timeout=BROWSER_SECONDS,
                          stdin=subprocess.DEVNULL)


def test_canned_query_in_browser(chromium, server, tmp_path):
    url = f"{server}/samples/tasks_citing_document?" + urllib.parse.urlencode({"ref": "33/CT-TTg"})
    dom = run_chromium(chromium, tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = dom.stdout
    assert "Nhiệm vụ trích dẫn một văn bản" in page  # the canned query's title
    assert GIA_VIEN_TASK in page  # Gia Viên's task II.1, which cites 33/CT-TTg
    assert "Ủy ban nhân dân phường Gia Viên" in page
    assert "2 rows" in page

    shot = tmp_path / "tasks_citing_33-CT-TTg.png"
    result = run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1400",
                          "--hide-scrollbars", url)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


def test_search_box_in_browser(chromium, server, tmp_path):
    url = f"{server}/samples/nodes?" + urllib.parse.urlencode({"_search": "dan van"})
    dom = run_chromium(chromium, tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "dân vận" in dom.stdout
    assert 'name="_search"' in dom.stdout
