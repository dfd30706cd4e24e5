"""The clerk's page in a real browser: Debian's chromium driven by selenium through chromium-driver.

`kehoach serve --edit` runs on a free 127.0.0.1 port over a registry of the Gia Viên sample (its text,
as a clerk's .txt). The browser opens the access link printed at start, opens the document, removes a
wrong assignment, adds a missing one and sets a task to done, reloads and sees them; then a changed
version of the document (node III.1 rewritten) is ingested, and the page shows the corrections kept and
the one on III.1 as no longer applying. What is done and expected: tests/data/workbench/expected.json;
the page's screenshot is committed beside it (edit-page.png; KEHOACH_UPDATE_SCREENSHOT=1 rewrites it).
Skips only where chromium or chromedriver cannot be found (scripts/install-system-deps.sh installs them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach.pipeline import api, registry

from .test_browser import CHROMIUM_FLAGS, chromium_path, free_port, stop

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_DIR = Path(__file__).resolve().parent / "data" / "workbench"
EXPECTED = json.loads((EXPECTED_DIR / "expected.json").read_text(encoding="utf-8"))
START_SECONDS = 60
WAIT_SECONDS = 20


@pytest.fixture(scope="module")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    chromium, chromedriver = chromium_path(), shutil.which("chromedriver")
    if chromium is None or chromedriver is None:
        pytest.skip("chromium or chromedriver not found (Debian: apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, "--window-size=1280,1600", "--hide-scrollbars"):
        options.add_argument("--headless=new" if flag == "--headless" else flag)
    browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    browser.set_page_load_timeout(WAIT_SECONDS * 3)
    yield browser
    browser.quit()


def rewritten(text: str) -> str:
    """The document with node III.1's body rewritten (its heading kept)."""
    change = EXPECTED["rewrite"]
    start, end = text.index(change["from"]), text.index(change["until"])
    return text[:start] + change["to"] + "\n\n" + text[end:]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`kehoach serve --edit` over a registry of the sample; yields (access link, registry, folder)."""
    tmp = tmp_path_factory.mktemp("edit")
    document = tmp / "gia-vien.txt"
    shutil.copy(ROOT / EXPECTED["document"], document)
    db = tmp / "registry.db"
    database = registry.open_db(db)
    registry.load(database, api.extract(document))
    database.conn.close()
    log = (tmp / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "kehoach", "serve", "--edit", "--db", str(db), "--port",
                                str(free_port())], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               cwd=tmp)
    try:
        link = _wait_for_link(process, tmp / "server.log")
        yield link, db, tmp
    finally:
        stop(process)
        log.close()


def _wait_for_link(process, log: Path) -> str:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"kehoach serve --edit exited with {process.returncode}: {log.read_text()}")
        found = re.search(r"edit pages: (\S+)", log.read_text())
        if found:
            try:
                base = found.group(1).split("/edit/")[0]
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    return found.group(1)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
        time.sleep(0.2)
    pytest.fail(f"kehoach serve --edit did not answer within {START_SECONDS} s: {log.read_text()}")


def _until(driver, condition, what: str):
    """Wait for ``condition(driver)``; a page being replaced meanwhile is retried, not an error."""
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=(WebDriverException,)).until(condition)
    except TimeoutException:
        pytest.fail(f"no {what} on {driver.current_url} within {WAIT_SECONDS} s: {driver.page_source[:1500]}")


def _wait(driver, css: str):
    return _until(driver, lambda d: d.find_element("css selector", css), css)


def _submit(driver, form) -> None:
    """Submit a form and wait until the page that answers it (the post redirects back) has loaded."""
    driver.execute_script("window.khOldPage = true")
    form.find_element("css selector", "button[type=submit]").click()
    _until(driver, lambda d: d.execute_script("return !window.khOldPage && document.readyState === 'complete'"),
           "new page")
    _wait(driver, "main")


def _assignments(driver) -> list[tuple[str, str, str]]:
    rows = driver.find_elements("css selector", "table.assignments tr.assignment")
    return [tuple(td.text.strip() for td in row.find_elements("css selector", "td")[:3]) for row in rows]


def _node_form(driver, kind: str, node: str):
    return driver.find_element("css selector", f'.kh-edit[data-node="{node}"] form.kh-{kind}')


def _open_document(driver, link: str) -> None:
    driver.get(link)  # the token opens the session and leaves the address
    assert "token=" not in driver.current_url
    _wait(driver, "table.documents a").click()
    _wait(driver, "table.assignments")


def test_edit_a_document_and_keep_the_corrections_across_a_new_version(driver, server, tmp_path):
    link, db, folder = server
    _open_document(driver, link)
    remove, add, status = EXPECTED["remove"], EXPECTED["add"], EXPECTED["status"]
    assert (remove["unit"], "phối hợp", remove["node"]) in _assignments(driver)

    wrong = driver.find_element("xpath", f'//form[contains(@class, "kh-remove-assignment")][@data-node="'
                                         f'{remove["node"]}"][input[@name="unit"][@value="{remove["unit"]}"]]')
    _submit(driver, wrong)

    adding = _node_form(driver, "add-assignment", add["node"])
    driver.execute_script("arguments[0].closest('details').open = true", adding)
    adding.find_element("name", "unit").send_keys(add["unit"])
    _submit(driver, adding)

    done = _node_form(driver, "status", status["node"])
    done.find_element("css selector", f'select[name=status] option[value="{status["status"]}"]').click()
    driver.execute_script("arguments[0].value = arguments[1]", done.find_element("name", "date"), status["date"])
    _submit(driver, done)

    driver.refresh()
    _wait(driver, "table.assignments")
    rows = _assignments(driver)
    assert (remove["unit"], "phối hợp", remove["node"]) not in rows
    assert (add["unit"], "chủ trì", add["node"]) in rows
    shown = driver.find_element("css selector", f'.kh-edit[data-node="{status["node"]}"] .kh-status').text
    assert shown == status["shown"]

    # A changed version: III.1 rewritten. The corrections on II.1 stay; the one on III.1 no longer applies.
    changed = folder / "gia-vien-sua.txt"
    changed.write_text(rewritten((folder / "gia-vien.txt").read_text(encoding="utf-8")), encoding="utf-8")
    ingest = subprocess.run([sys.executable, "-m", "kehoach", "ingest", str(changed), "--db", str(db),
                             "--workers", "1", "--no-progress"], capture_output=True, text=True, timeout=120,
                            check=False)
    after = EXPECTED["after_reingest"]
    assert ingest.returncode == 0, ingest.stderr
    assert after["ingest_line"] in ingest.stdout and "no longer applies" in ingest.stdout

    _open_document(driver, link)
    assert "gia-vien-sua.txt" in driver.page_source
    stale = driver.find_element("id", "not-applying").text
    assert after["not_applying"] in stale
    assert [r for r in _assignments(driver) if r[2] == add["node"]] == [tuple(a) for a in after["assignments"]]
    assert driver.find_element("css selector", f'.kh-edit[data-node="{status["node"]}"] .kh-status').text \
        == status["shown"]

    shot = tmp_path / "edit-page.png"
    driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("KEHOACH_UPDATE_SCREENSHOT"):
        shutil.copy(shot, EXPECTED_DIR / "edit-page.png")
