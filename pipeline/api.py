"""The Python API: whatever the CLI does, one call here does."""

from __future__ import annotations

from pathlib import Path

from kehoach.extractors.normalize import join_paragraphs
from kehoach.pipeline import readers, stages
from kehoach.schemas.models import PlanDocument


def extract(path: str | Path) -> PlanDocument:
    """Read and parse one file (PDF, DOCX or TXT) into the JSON contract.

    :param path: the document's file path
    :raises InputError: the file is missing, empty, of an unknown type or unreadable
    """
    return stages.build_document(readers.read_document(path))


def extract_string(text: str, *, path: str = "<text>") -> PlanDocument:
    """Parse pasted text as if it were a TXT file."""
    return stages.build_document(readers.read_text(text, path=path))


def normalised_text(path: str | Path) -> str:
    """The document's normalised text: one paragraph a line, hard wraps undone."""
    lines = stages.normalise(readers.read_document(path))
    return "\n".join(p.text for p in join_paragraphs(lines))
