"""Errors a user can cause: each becomes one line on stderr and a non-zero exit."""

from __future__ import annotations


class KehoachError(Exception):
    """Base class: a problem with the user's input, not a bug."""

    exit_code = 2

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)


class InputError(KehoachError):
    """The file cannot be read as a document (missing, empty, wrong format, damaged)."""


class UnsupportedFormat(InputError):
    """The file's extension or content is not PDF, DOCX or TXT."""


class DocumentTimeout(InputError):
    """Reading the document took longer than the per-document limit."""


class RegistryError(KehoachError):
    """The registry database cannot be opened or written."""


class ClusterError(KehoachError):
    """The Dask scheduler cannot be reached, or went away during a run."""
