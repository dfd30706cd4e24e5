"""`kehoach ingest --scheduler`: extraction on a Dask cluster, loading here (issue 16).

A mixed folder (texts, native PDFs, a scan, a hostile file) must give the registry
the same rows on a cluster as on the local pool; a hostile file fails its task,
never its worker; a worker killed mid-run loses no document and loads none twice.
The clusters are real: a ``LocalCluster`` of two worker processes, and a scheduler
and two workers started as separate processes on loopback.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from kehoach.pipeline import batch, cluster, registry
from kehoach.pipeline.errors import ClusterError
from kehoach.pipeline.worker import Outcome

from .conftest import SAMPLES
from .test_hostile_inputs import make_pdf

sys.path.insert(0, str(SAMPLES))
from make_samples import scan_pdf

TABLES = ("documents", "nodes", "citations", "assignments", "recipients", "legal_documents", "units")
PLAN = "ỦY BAN NHÂN DÂN\nXÃ {name}\nSố: {n}/KH-UBND\nKẾ HOẠCH\nI. NHIỆM VỤ\n1. Văn phòng chủ trì thực hiện.\n"
HOSTILE = "hong.pdf"


def _slow_pdf(path: Path) -> Path:
    """A one-page PDF whose 1.6 million drawing operations take over 10 s to read."""
    stream = zlib.compress(b"BT /F1 9 Tf 20 20 Td (x) Tj ET\n" * 1_600_000, 9)
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    head += b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    head += (b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources "
             b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>\nendobj\n")
    head += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    path.write_bytes(head + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    return path


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    """Three texts, two native PDFs, one scan and one truncated PDF, all distinct documents."""
    folder = tmp_path_factory.mktemp("mixed") / "docs"
    (folder / "pdf").mkdir(parents=True)
    for i in range(2):
        (folder / f"kh-{i}.txt").write_text(PLAN.format(name=f"AN {i}", n=70 + i), encoding="utf-8")
    source = SAMPLES / "source" / "dak-lak-ke-hoach-moi-truong-sau-lu.txt"
    (folder / source.name).write_bytes(source.read_bytes())
    for name in ("gia-vien-ke-hoach-dan-van-2025.pdf", "mttq-luong-minh-ke-hoach-hiep-thuong.pdf"):
        (folder / "pdf" / name).write_bytes((SAMPLES / "pdf" / name).read_bytes())
    drawn = make_pdf(tmp_path_factory.mktemp("drawn") / "ke-hoach.pdf")
    scan_pdf(drawn, folder / "pdf" / "scan-ke-hoach.pdf")
    (folder / "pdf" / HOSTILE).write_bytes(drawn.read_bytes()[:600])
    return folder


def _counts(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


def _paths(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return sorted(row[0] for row in conn.execute("select path from documents"))


@pytest.fixture(scope="module")
def local_run(mixed_folder, tmp_path_factory) -> tuple[Path, batch.BatchReport]:
    """The reference: the same folder on the local pool."""
    db_path = tmp_path_factory.mktemp("local") / "local.db"
    report = batch.ingest(registry.open_db(db_path), [mixed_folder], workers=2)
    assert [Path(e.path).name for e in report.failed] == [HOSTILE]
    assert len(report.loaded) == 6 and any("(ocr text)" in e.detail for e in report.loaded)
    return db_path, report


@pytest.fixture(scope="module")
def local_cluster():
    from distributed import LocalCluster

    with (LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                       dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR) as dask_cluster,
          cluster.connect(dask_cluster) as connected):
        yield connected


def _worker_pids(connected: cluster.DaskCluster) -> dict[str, int]:
    return connected.client.run(os.getpid)


# --- pure pieces: no cluster ------------------------------------------------------------------------


@pytest.fixture
def in_this_thread():
    """`extract_job` run here rather than on a worker; its reader process ended afterwards."""
    yield cluster.extract_job
    cluster.close_local_pool()


def test_bytes_job_reports_the_clients_path(in_this_thread):
    text = PLAN.format(name="BÌNH AN", n=81).encode("utf-8")
    outcome = in_this_thread(cluster.Job("far/away/kh-81.txt", text))
    assert outcome.ok and outcome.path == "far/away/kh-81.txt"
    assert outcome.plan.source.path == "far/away/kh-81.txt"
    assert outcome.plan.metadata.number == "81/KH-UBND"


def test_bytes_job_failure_names_no_temporary_file(in_this_thread):
    outcome = in_this_thread(cluster.Job("hoso/rong.pdf", b"PK\x03\x04 a zip archive renamed"))
    assert not outcome.ok and outcome.path == "hoso/rong.pdf"
    assert "not a PDF" in outcome.reason and "kehoach-" not in outcome.reason


def test_shared_fs_job_missing_on_the_worker_says_so(in_this_thread, tmp_path):
    outcome = in_this_thread(cluster.Job("docs/kh.txt", shared_path=str(tmp_path / "absent.txt")))
    assert not outcome.ok and outcome.reason.startswith("no such file on worker")


class _RepeatingCluster:
    """Yields every outcome twice, as a result delivered again after a retry would."""

    def __init__(self, outcomes: dict[str, Outcome]):
        self.outcomes = outcomes

    def map(self, paths, *, timeout, options):
        for path in paths:
            yield self.outcomes[path]
            yield self.outcomes[path]


def test_a_result_delivered_twice_is_loaded_and_counted_once(tmp_path):
    from kehoach.pipeline import api

    doc = tmp_path / "kh.txt"
    doc.write_text(PLAN.format(name="HÒA AN", n=90), encoding="utf-8")
    repeating = _RepeatingCluster({str(doc): Outcome(str(doc), api.extract(doc), None, 0.1, "tcp://w1")})
    db_path = tmp_path / "r.db"
    report = batch.ingest(registry.open_db(db_path), [doc], cluster=repeating)
    assert [(e.status, e.worker) for e in report.entries] == [("loaded", "tcp://w1")]
    assert report.per_worker() == {"tcp://w1": 1}
    assert _counts(db_path)["documents"] == 1


@pytest.mark.parametrize("address,reason", [
    pytest.param("foo bar", "not a Dask scheduler address", id="malformed"),
    pytest.param("http://127.0.0.1:8786", "not a Dask scheduler address", id="wrong-scheme"),
    pytest.param("tcp://127.0.0.1:1", "cannot reach the Dask scheduler", id="nobody-listening"),
])
def test_connect_errors_are_one_reason(address, reason):
    with pytest.raises(ClusterError) as caught:
        cluster.connect(address, timeout=1)
    assert caught.value.path == address and reason in caught.value.reason


def test_cli_unreachable_scheduler_leaves_no_registry(tmp_path):
    doc = tmp_path / "kh.txt"
    doc.write_text(PLAN.format(name="AN", n=1), encoding="utf-8")
    db_path = tmp_path / "r.db"
    env = {**os.environ, "KEHOACH_CONNECT_TIMEOUT": "1", "KEHOACH_SCHEDULER": "tcp://127.0.0.1:1"}
    result = subprocess.run([sys.executable, "-m", "kehoach", "ingest", str(doc), "--db", str(db_path)],
                            capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
                            check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == ("kehoach: tcp://127.0.0.1:1: cannot reach the Dask scheduler "
                                     "(Timed out trying to connect to tcp://127.0.0.1:1 after 1 s)")
    assert not db_path.exists()


def test_cli_shared_fs_needs_a_scheduler(run_cli, tmp_path):
    result = run_cli("ingest", str(tmp_path), "--db", str(tmp_path / "r.db"), "--shared-fs")
    assert result.returncode == 2
    assert "--shared-fs goes with --scheduler" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "r.db").exists()


# --- a LocalCluster of two worker processes ---------------------------------------------------------


def test_cluster_registry_equals_local(local_cluster, mixed_folder, local_run, tmp_path):
    local_db, _ = local_run
    db_path = tmp_path / "cluster.db"
    report = batch.ingest(registry.open_db(db_path), [mixed_folder], cluster=local_cluster)
    assert _counts(db_path) == _counts(local_db)
    assert _paths(db_path) == _paths(local_db)  # the client's paths, never a worker's temporary file
    assert [Path(e.path).name for e in report.failed] == [HOSTILE]
    assert "PDF" in report.failed[0].detail
    assert sum(report.per_worker().values()) == 7
    assert set(report.per_worker()) <= set(_worker_pids(local_cluster))


def test_cluster_resume_sends_nothing_already_loaded(local_cluster, mixed_folder, local_run, tmp_path):
    db_path = tmp_path / "cluster.db"
    batch.ingest(registry.open_db(db_path), [mixed_folder], cluster=local_cluster)
    planned: list[int] = []
    again = batch.ingest(registry.open_db(db_path), [mixed_folder], cluster=local_cluster,
                         on_planned=planned.append)
    assert planned == [1]  # only the hostile file, which never loads
    assert len(again.skipped) == 6 and len(again.failed) == 1


def test_timeout_fails_the_task_not_the_worker(local_cluster, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    slow = _slow_pdf(folder / "cham.pdf")
    (folder / "kh.txt").write_text(PLAN.format(name="PHÚ AN", n=91), encoding="utf-8")
    before = _worker_pids(local_cluster)
    # 4 s: the reading takes over 10 s, while the text, whose clock also counts its reader's
    # start when a worker has none yet for this timeout, takes under 2 s even on a busy machine.
    report = batch.ingest(registry.open_db(tmp_path / "r.db"), [folder], cluster=local_cluster, timeout=4)
    assert [(e.path, e.detail) for e in report.failed] == [
        (str(slow), "timed out after 4 s (limit per document; see --timeout)")]
    assert len(report.loaded) == 1
    assert _worker_pids(local_cluster) == before  # the reader child died, the Dask worker did not


def test_readers_on_the_workers_have_the_memory_limit(local_cluster, tmp_path):
    import resource

    import psutil

    from kehoach.pipeline.worker import MEMORY_LIMIT_MB

    for i in range(4):  # enough tasks for both workers to start their reader
        (tmp_path / f"kh-{i}.txt").write_text(PLAN.format(name=f"LONG {i}", n=60 + i), encoding="utf-8")
    batch.ingest(registry.open_db(tmp_path / "r.db"), [tmp_path], cluster=local_cluster)
    limits = []
    for pid in _worker_pids(local_cluster).values():
        for child in psutil.Process(pid).children():
            if "spawn_main" in " ".join(child.cmdline()):
                limits.append(resource.prlimit(child.pid, resource.RLIMIT_AS)[0])
    assert limits and set(limits) == {MEMORY_LIMIT_MB * 1024 * 1024}


def test_file_over_the_send_limit_fails_alone(local_cluster, tmp_path):
    doc = tmp_path / "kh.txt"
    doc.write_text(PLAN.format(name="TÂN AN", n=92), encoding="utf-8")
    tiny = cluster.DaskCluster(local_cluster.client, max_send_mb=0)  # shares the client: not closed here
    report = batch.ingest(registry.open_db(tmp_path / "r.db"), [doc], cluster=tiny)
    assert [e.status for e in report.entries] == ["failed"]
    assert "limit for sending to the cluster (use --shared-fs" in report.failed[0].detail
    shared = cluster.DaskCluster(local_cluster.client, max_send_mb=0, shared_fs=True)
    report = batch.ingest(registry.open_db(tmp_path / "r.db"), [doc], cluster=shared)
    assert [e.status for e in report.entries] == ["loaded"]


def test_worker_killed_mid_run_loads_every_document_once(local_cluster, mixed_folder, local_run, tmp_path):
    """Runs last on this cluster: the nanny restarts the killed worker for whoever comes next."""
    local_db, local_report = local_run
    killed: list[str] = []

    def kill_a_busy_worker(entry: batch.Entry) -> None:
        if killed:
            return
        busy = [address for address, keys in local_cluster.client.processing().items() if keys]
        assert busy, "no document left in flight to interrupt"
        killed.append(busy[0])
        os.kill(_worker_pids(local_cluster)[busy[0]], signal.SIGKILL)

    db_path = tmp_path / "cluster.db"
    report = batch.ingest(registry.open_db(db_path), [mixed_folder], cluster=local_cluster,
                          on_entry=kill_a_busy_worker)
    assert killed
    assert sorted(e.path for e in report.loaded) == sorted(e.path for e in local_report.loaded)
    assert len(report.entries) == len({e.path for e in report.entries}) == 7
    assert _counts(db_path) == _counts(local_db)


# --- a scheduler and two workers as separate processes, driven through the CLI ----------------------


@pytest.fixture
def process_cluster(tmp_path):
    """`dask scheduler` and two bare `dask worker` processes on loopback, as `make cluster` starts them."""
    with cluster.local_processes(tmp_path, workers=2, nanny=False) as started:
        yield started.address, started.workers


def test_cli_on_separate_processes_with_a_worker_killed(process_cluster, mixed_folder, local_run, tmp_path):
    address, workers = process_cluster
    local_db, local_report = local_run
    db_path = tmp_path / "cli.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "KEHOACH_SCHEDULER": address}
    with open(tmp_path / "stderr.txt", "w+") as err:
        run = subprocess.Popen([sys.executable, "-m", "kehoach", "ingest", str(mixed_folder), "--db",
                                str(db_path), "--no-progress"], stdout=subprocess.PIPE, stderr=err, text=True,
                               env=env, stdin=subprocess.DEVNULL)
        lines = [run.stdout.readline()]
        workers[0].kill()  # one machine gone for good after the first result
        lines += run.stdout.readlines()
        assert run.wait(120) == 1  # the hostile file
        err.seek(0)
        stderr = err.read()
    assert lines[0].startswith("loaded ")
    assert f"cluster {address}: 2 workers, dashboard http://127.0.0.1:" in stderr
    failed = [line for line in stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and HOSTILE in failed[0] and "Traceback" not in stderr
    assert sum(line.startswith("loaded ") for line in lines) == len(local_report.loaded)
    assert any(line.startswith("per worker: tcp://127.0.0.1:") for line in lines)
    assert "6 loaded, 0 skipped, 1 failed" in lines[-1]
    assert _counts(db_path) == _counts(local_db)


def test_scheduler_lost_mid_run_is_one_error_and_keeps_what_loaded(mixed_folder, tmp_path):
    with cluster.local_processes(tmp_path, workers=2) as started, cluster.connect(started.address) as connected:
        db_path = tmp_path / "r.db"
        loaded: list[str] = []

        def stop_the_scheduler(entry: batch.Entry) -> None:
            if entry.status == "loaded":
                loaded.append(entry.path)
            if len(loaded) == 1 and started.scheduler.poll() is None:
                started.scheduler.kill()

        with pytest.raises(ClusterError) as caught:
            batch.ingest(registry.open_db(db_path), [mixed_folder], cluster=connected, on_entry=stop_the_scheduler)
    assert "lost the Dask scheduler; run again to resume" in caught.value.reason
    assert _paths(db_path) == sorted(loaded)
