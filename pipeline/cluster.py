"""Extraction on a Dask cluster: one task per document, results streamed back to the one writer.

The local :class:`~kehoach.pipeline.worker.WorkerPool` stays the default; this
module is what ``kehoach ingest --scheduler tcp://HOST:PORT`` uses instead.
Each task runs :func:`kehoach.pipeline.api.extract` inside the same killable
child process the local pool uses (one per Dask worker thread, kept between
tasks), so the per-document timeout and memory limit hold on the workers and a
hostile file fails its task, never the Dask worker. A worker that dies
mid-document has its task retried elsewhere by Dask; the client collects each
task once, and the registry skips bytes it already holds.

Files travel as bytes, so workers need no shared filesystem; with
``shared_fs`` only their absolute paths travel. Either way every outcome names
the client's path.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from kehoach.pipeline.errors import ClusterError
from kehoach.pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from kehoach.pipeline.worker import DEFAULT_TIMEOUT, Outcome, WorkerPool

MAX_SEND_MB = int(os.environ.get("KEHOACH_MAX_SEND_MB", "64"))  # larger files need --shared-fs
CONNECT_TIMEOUT = float(os.environ.get("KEHOACH_CONNECT_TIMEOUT", "10"))  # seconds to reach the scheduler
TASK_PREFIX = "kehoach-extract"  # the dashboard groups tasks by this prefix
_WINDOW_REFRESH = 5.0  # seconds between looks at how many worker threads the cluster has


@dataclass(frozen=True, slots=True)
class Job:
    """What one task receives: the client's path, and the file's bytes unless the workers share files."""

    path: str
    data: bytes | None = None
    shared_path: str | None = None  # the absolute path the workers open, with shared_fs


# --- on the worker -----------------------------------------------------------------------------

_THREAD = threading.local()


def _allow_children() -> None:
    # Dask runs workers as daemonic processes by default, and multiprocessing refuses to
    # start children from those. Ours end by themselves when their pipe closes (the worker
    # gone), which is the orphan risk the rule is there for, so lift it for this process.
    current = multiprocessing.current_process()
    if current._config.get("daemon"):  # private, as no public switch exists
        current._config["daemon"] = False


def _pool(timeout: float, options: ReadOptions) -> WorkerPool:
    """This worker thread's killable reader, started on first use and kept between tasks."""
    pool = getattr(_THREAD, "pool", None)
    if pool is not None and (pool.timeout, pool.options) == (timeout, options):
        return pool
    close_local_pool()
    _allow_children()
    _THREAD.pool = WorkerPool(1, timeout=timeout, options=options).__enter__()
    return _THREAD.pool


def close_local_pool() -> None:
    """End this thread's reader process (Dask workers need not: it ends with its worker)."""
    pool = getattr(_THREAD, "pool", None)
    if pool is not None:
        pool.__exit__(None, None, None)
        _THREAD.pool = None


def _worker_address() -> str | None:
    try:
        from distributed import get_worker

        return get_worker().address
    except ValueError:  # called outside a Dask worker (tests, a plain thread)
        return None


def _temp_name(path: str) -> str:
    name = Path(path).name
    return name if len(name.encode()) <= 200 else "document" + Path(path).suffix


def extract_job(job: Job, timeout: float = DEFAULT_TIMEOUT, options: ReadOptions = DEFAULT_OPTIONS) -> Outcome:
    """The Dask task: read one document in this worker thread's child process.

    Bytes are written to a private temporary file with the same name (so the
    same suffix); the outcome, its plan and its reason name ``job.path``.
    """
    pool = _pool(timeout, options)
    if job.data is None:
        local = job.shared_path or job.path
        outcome = next(pool.map([local]))
    else:
        with tempfile.TemporaryDirectory(prefix="kehoach-") as tmp:
            local = os.path.join(tmp, _temp_name(job.path))
            with open(local, "wb") as handle:
                handle.write(job.data)
            outcome = next(pool.map([local]))
    return _as_client(outcome, job, local, _worker_address())


def _as_client(outcome: Outcome, job: Job, local: str, worker: str | None) -> Outcome:
    plan, reason = outcome.plan, outcome.reason
    if plan is not None:
        plan = plan.model_copy(update={"source": plan.source.model_copy(update={"path": job.path})})
    if reason is not None:
        reason = reason.replace(local, job.path)
        if job.data is None and reason == "no such file":
            reason = f"no such file on worker {worker} (--shared-fs: the workers must see the same paths)"
    return Outcome(job.path, plan, reason, outcome.seconds, worker)


# --- on the client -----------------------------------------------------------------------------


class DaskCluster:
    """A connection to a Dask scheduler that extracts documents on its workers.

    :param client: a connected ``distributed.Client``
    :param shared_fs: send absolute paths instead of bytes (the workers see the same files)
    :param max_send_mb: the largest file sent as bytes; larger ones fail with a reason
    """

    def __init__(self, client, *, shared_fs: bool = False, max_send_mb: int = MAX_SEND_MB):
        self.client = client
        self.shared_fs = shared_fs
        self.max_send_bytes = max_send_mb * 1024 * 1024
        self._window = (0, 0.0)  # (tasks in flight, when counted)

    @property
    def address(self) -> str:
        return self.client.scheduler.address

    @property
    def dashboard_link(self) -> str | None:
        try:
            return self.client.dashboard_link
        except (KeyError, AttributeError):  # the scheduler runs without a dashboard (no bokeh)
            return None

    def worker_count(self) -> int:
        return len(self.client.nthreads())

    def describe(self) -> str:
        """One line for the terminal: where the work goes and where to watch it."""
        line = f"cluster {self.address}: {self.worker_count()} workers"
        dashboard = self.dashboard_link
        return line + (f", dashboard {dashboard}" if dashboard else "")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def _in_flight(self) -> int:
        # Four tasks per worker thread keep every worker busy through the round trips while
        # bounding the bytes the scheduler holds; recounted now and then, as workers may join
        # or leave during a run.
        size, counted = self._window
        if time.monotonic() - counted > _WINDOW_REFRESH:
            size = max(8, 4 * sum(self.client.nthreads().values()))
            self._window = (size, time.monotonic())
        return size

    def _job(self, path: str) -> Job | Outcome:
        """The job for one file, or the reason it cannot be sent."""
        if self.shared_fs:
            return Job(path, shared_path=os.path.abspath(path))
        try:
            size = os.path.getsize(path)
            if size > self.max_send_bytes:
                return Outcome(path, None, f"file is {size // (1024 * 1024)} MB, over the "
                               f"{self.max_send_bytes // (1024 * 1024)} MB limit for sending to the cluster "
                               "(use --shared-fs when the workers see the same files)", 0.0)
            with open(path, "rb") as handle:
                return Job(path, handle.read())
        except OSError as exc:
            return Outcome(path, None, f"cannot read ({exc.strerror or exc})", 0.0)

    def map(self, paths: Iterable[str], *, timeout: float = DEFAULT_TIMEOUT,
            options: ReadOptions = DEFAULT_OPTIONS) -> Iterator[Outcome]:
        """Outcomes in completion order; every path yields exactly one.

        :raises ClusterError: the scheduler went away; what was yielded before stays valid
        """
        from distributed import as_completed

        queue = list(paths)[::-1]
        # with_results: the client fetches each result as its task ends, not when we ask for it
        running = as_completed(loop=self.client.loop, with_results=True, raise_errors=False)
        names: dict[str, str] = {}  # task key -> the client's path
        while queue or not running.is_empty():
            while queue and running.count() < self._in_flight():
                job = self._job(queue.pop())
                if isinstance(job, Outcome):
                    yield job
                    continue
                key = f"{TASK_PREFIX}-{uuid.uuid4().hex}"
                names[key] = job.path
                with warnings.catch_warnings():
                    # Each file is sent once; the warning is about data repeated in a graph.
                    warnings.filterwarnings("ignore", message=".*[Ll]arge graph.*")
                    running.add(self.client.submit(extract_job, job, timeout, options, key=key, pure=False))
            if not running.is_empty():
                future, result = next(running)
                path = names.pop(future.key)
                yield result if future.status == "finished" else self._collect(future, path)

    def _collect(self, future, path: str) -> Outcome:
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            return Outcome(path, None, "the Dask workers reading it died too often; Dask gave up on it", 0.0)
        except (ImportError, AttributeError) as exc:
            return Outcome(path, None, f"failed on the cluster ({type(exc).__name__}: {str(exc)[:200]}; is "
                           "the same kehoach installed on the workers?)", 0.0)
        except Exception as exc:  # noqa: BLE001 -- cancelled when the scheduler is gone; else one line
            if future.cancelled() or self.client.status != "running":
                raise ClusterError(self.address, "lost the Dask scheduler; run again to resume (documents "
                                   "loaded so far stay in the registry and are skipped)") from None
            return Outcome(path, None, f"failed on the cluster ({type(exc).__name__}: {str(exc)[:200]})", 0.0)


_ADDRESS_RE = re.compile(r"^(?:(?:tcp|tls|ucx|ws|wss)://)?[\w.\-\[\]:]+:\d+$")  # tcp://10.0.0.5:8786


def connect(address, *, shared_fs: bool = False, max_send_mb: int = MAX_SEND_MB,
            timeout: float = CONNECT_TIMEOUT) -> DaskCluster:
    """Connect to a Dask scheduler (``tcp://HOST:PORT``, or a ``LocalCluster`` object).

    :raises ClusterError: the address is malformed or nothing answers there within ``timeout``
    """
    from distributed import Client

    if isinstance(address, str) and not _ADDRESS_RE.match(address.strip()):
        raise ClusterError(address, "not a Dask scheduler address (expected tcp://HOST:PORT)")
    target = address.strip() if isinstance(address, str) else address
    try:
        client = Client(target, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(str(address), f"cannot reach the Dask scheduler ({str(exc)[:200]})") from None
    return DaskCluster(client, shared_fs=shared_fs, max_send_mb=max_send_mb)


# --- a cluster of local processes (tests, `make bench`) -----------------------------------------


@dataclass(slots=True)
class LocalProcesses:
    """A ``dask scheduler`` and ``dask worker`` processes started by :func:`local_processes`."""

    address: str
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)


# Dask's statistical profiler (a stack sample every 10 ms) and its 20 ms event-loop tick cost
# a small machine about 10% of a core with the cluster idle; `make cluster` sets the same.
QUIET_DASK = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False", "DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL": "1s"}


def _dask(args: list[str], log: Path, cwd: Path) -> subprocess.Popen:
    with open(log, "wb") as out:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=out, stderr=subprocess.STDOUT,
                                cwd=cwd, stdin=subprocess.DEVNULL, env={**os.environ, **QUIET_DASK})


@contextmanager
def local_processes(folder: Path, workers: int = 2, *, nanny: bool = True,
                    timeout: float = 60) -> Iterator[LocalProcesses]:
    """What ``make cluster`` starts, on free loopback ports: a scheduler and ``workers``
    single-thread workers, as separate processes of this venv; all stopped on exit.

    :param folder: for the scheduler file, the logs and the workers' scratch space
    :param nanny: False for bare worker processes, which stay dead when killed
    """
    spec = folder / "scheduler.json"
    spec.unlink(missing_ok=True)
    scheduler = _dask(["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address",
                       "127.0.0.1:0", "--scheduler-file", str(spec)], folder / "scheduler.log", folder)
    started = LocalProcesses("", scheduler)
    try:
        _wait(lambda: _address_in(spec), timeout, "the Dask scheduler", folder / "scheduler.log")
        started.address = _address_in(spec)
        for i in range(workers):
            args = ["worker", started.address, "--host", "127.0.0.1", "--nthreads", "1", "--no-dashboard",
                    "--name", f"kehoach-{i}", "--local-directory", str(folder)]
            started.workers.append(_dask(args + ([] if nanny else ["--no-nanny"]), folder / f"worker-{i}.log",
                                         folder))
        with connect(started.address, timeout=timeout) as probe:
            _wait(lambda: probe.worker_count() == workers, timeout, f"{workers} Dask workers", folder)
        yield started
    finally:
        for process in [*started.workers, scheduler]:
            process.terminate()
        for process in [*started.workers, scheduler]:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)


def _address_in(spec: Path) -> str | None:
    try:
        return json.loads(spec.read_text())["address"]
    except (OSError, ValueError, KeyError):  # not written yet, or half written
        return None


def _wait(condition, seconds: float, what: str, logs: Path) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise ClusterError(None, f"{what} did not start within {seconds:g} s (logs: {logs})")
        time.sleep(0.2)
