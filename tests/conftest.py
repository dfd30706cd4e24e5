"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "registry.db"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not (SHARED_CORPUS / "gold").is_dir():
        pytest.skip("../shared/corpus is not present beside the project")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def bulk_extractions():
    """Every bulk text of ../shared/corpus extracted once: (path, plan or the exception raised), and the
    seconds it took in all."""
    import time

    from kehoach.pipeline import api

    paths = sorted((SHARED_CORPUS / "bulk").glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/bulk is not present beside the project")
    started = time.perf_counter()
    results = []
    for path in paths:
        try:
            results.append((path, api.extract(path)))
        except Exception as exc:  # noqa: BLE001 - the tests list every crash
            results.append((path, exc))
    return results, time.perf_counter() - started


@pytest.fixture(scope="session")
def run_cli():
    """Run the installed `kehoach` command in a subprocess (real exit codes and streams)."""
    import subprocess
    import sys

    def run(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, text=True, check=False,
                              cwd=cwd, timeout=timeout, stdin=subprocess.DEVNULL)

    return run


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory) -> Path:
    """A registry of the sample PDFs, built once; tests open it read-only."""
    from kehoach.pipeline import api, registry

    path = tmp_path_factory.mktemp("samples-registry") / "samples.db"
    db = registry.open_db(path)
    for pdf in sorted((SAMPLES / "pdf").glob("*.pdf")):
        registry.load(db, api.extract(pdf))
    db.conn.close()
    return path


@pytest.fixture
def fixture_registry(tmp_path) -> Path:
    """A registry file of the three JSON fixtures (tests/data/registry_fixture*.json; no extraction):
    #1 the Gia Viên plan (abridged), #2 the commune plan 45/KH-UBND, #3 a third plan."""
    from kehoach.pipeline import registry
    from kehoach.schemas.models import PlanDocument

    path = tmp_path / "r.db"
    database = registry.open_db(path)
    for name in ("registry_fixture.json", "registry_fixture_2.json", "registry_fixture_3.json"):
        registry.load(database, PlanDocument.model_validate_json((DATA / name).read_text(encoding="utf-8")))
    database.conn.close()
    return path
