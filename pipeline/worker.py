"""Extraction in child processes that can be killed.

A hostile file must cost one line in a report, never the run: each worker is a
separate process in its own process group (Tesseract subprocesses included),
with an address-space limit; a document that overruns the per-document timeout
or kills its worker is reported as failed and the worker is replaced. Results
come back to the parent, which alone writes the registry.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Self

from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.readers import DEFAULT_OPTIONS, ReadOptions
from kehoach.schemas.models import PlanDocument

DEFAULT_TIMEOUT = 600.0  # seconds per document
MEMORY_LIMIT_MB = int(os.environ.get("KEHOACH_MAX_MEMORY_MB", "4096"))  # per worker; 0: no limit
_START_METHOD = "spawn"  # no fork of a parent that may run threads (rich refreshes in one)


@dataclass(slots=True)
class Outcome:
    """What became of one document."""

    path: str
    plan: PlanDocument | None
    reason: str | None  # why it failed; None when ``plan`` is set
    seconds: float
    worker: str | None = None  # the Dask worker that read it; None on the local pool

    @property
    def ok(self) -> bool:
        return self.plan is not None


def _limit_memory() -> None:
    if MEMORY_LIMIT_MB <= 0:
        return
    try:
        import resource

        limit = MEMORY_LIMIT_MB * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


def _child_main(conn, options: ReadOptions) -> None:
    """Worker loop: receive a path, send back ("ok", plan) or ("failed", reason), after
    any number of ("progress", what is happening) on a long read."""
    from kehoach.pipeline import api  # in the child only: the parent never parses

    try:
        os.setpgrp()  # its own group: killing the group also ends tesseract
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides on Ctrl-C
    _limit_memory()
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            reply = ("ok", api.extract(path, options, on_progress=lambda what: conn.send(("progress", what))))
        except KehoachError as exc:
            reply = ("failed", exc.reason)
        except MemoryError:
            reply = ("failed", f"out of memory (over the {MEMORY_LIMIT_MB} MB limit per document)")
        except RecursionError:
            reply = ("failed", "document structure nested too deeply")
        except Exception as exc:  # noqa: BLE001 -- a bug or a library failure on odd input: one line, not a crash
            reply = ("failed", f"cannot be read ({type(exc).__name__}: {str(exc)[:200]})")
        try:
            conn.send(reply)
        except OSError:  # the parent is gone (a Dask worker killed mid-document): nobody to tell
            return


class _Worker:
    def __init__(self, ctx, options: ReadOptions):
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_child_main, args=(child_conn, options), daemon=True)
        self.process.start()
        child_conn.close()
        self.path: str | None = None
        self.started = 0.0

    def submit(self, path: str) -> None:
        self.path, self.started = path, time.monotonic()
        self.conn.send(path)

    def kill(self) -> None:
        pid = self.process.pid
        if pid is not None and self.process.is_alive():
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class WorkerPool:
    """``workers`` child processes extracting documents, each under ``timeout`` seconds."""

    def __init__(self, workers: int = 1, *, timeout: float = DEFAULT_TIMEOUT,
                 options: ReadOptions = DEFAULT_OPTIONS):
        self.size = max(1, workers)
        self.timeout = timeout
        self.options = options
        self._ctx = mp.get_context(_START_METHOD)
        self._workers: list[_Worker] = []

    def __enter__(self) -> Self:
        self._workers = [_Worker(self._ctx, self.options) for _ in range(self.size)]
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        for worker in self._workers:
            if exc_type is not None:
                worker.kill()
            else:
                worker.stop()
        self._workers = []

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._workers[self._workers.index(worker)] = _Worker(self._ctx, self.options)

    def map(self, paths: Iterable[str], on_progress: Callable[[str, str], None] | None = None,
            ) -> Iterator[Outcome]:
        """Outcomes in completion order; every path yields exactly one.

        :param on_progress: called with (path, what is happening): "reading" when a worker
            takes the file, then what the worker reports ("OCR of 80 of 80 pages")
        """
        queue = deque(paths)
        busy: dict[int, _Worker] = {}
        while queue or busy:
            for worker in self._workers:
                if queue and id(worker) not in busy:
                    worker.submit(queue.popleft())
                    busy[id(worker)] = worker
                    if on_progress:
                        on_progress(worker.path or "", "reading")
            now = time.monotonic()
            deadline = min(w.started + self.timeout for w in busy.values())
            ready = wait([w.conn for w in busy.values()], timeout=max(0.0, deadline - now))
            for worker in list(busy.values()):
                path = worker.path or ""
                elapsed = time.monotonic() - worker.started
                if worker.conn in ready:
                    try:
                        status, value = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(1)
                        code = worker.process.exitcode
                        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit {code}"
                        del busy[id(worker)]
                        self._replace(worker)
                        yield Outcome(path, None, f"the reader crashed ({how})", elapsed)
                        continue
                    if status == "progress":
                        if on_progress:
                            on_progress(path, value)
                        continue
                    del busy[id(worker)]
                    worker.path = None
                    if status == "ok":
                        yield Outcome(path, value, None, elapsed)
                    else:
                        yield Outcome(path, None, value, elapsed)
                elif elapsed >= self.timeout:
                    del busy[id(worker)]
                    self._replace(worker)
                    yield Outcome(path, None, f"timed out after {self.timeout:g} s (limit per document; "
                                  "see --timeout)", elapsed)
