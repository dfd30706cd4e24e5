"""Which files a command works on: files and folders → document paths, and what is left out."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.pipeline import legacy_word
from kehoach.pipeline.readers import CONVERTED, SUFFIXES


@dataclass(slots=True)
class FileList:
    files: list[Path] = field(default_factory=list)  # to read, in a stable order
    problems: list[str] = field(default_factory=list)  # "PATH: reason" for a path that names nothing to read
    ignored: list[tuple[Path, str]] = field(default_factory=list)  # files in a folder that are not read, and why


def find_files(paths: list[Path]) -> FileList:
    """Expand folders (recursively, symlink loops visited once) into document files.

    A legacy .doc is read when LibreOffice can convert it, else listed as ignored with what
    to do; other files in a folder are listed as ignored with their type (hidden files and
    Office lock files "~$…" are passed over in silence).
    """
    out = FileList()
    seen: set[str] = set()
    convert = legacy_word.converter() is not None
    for path in paths:
        if not path.exists():
            out.problems.append(f"{path}: no such file or directory")
            continue
        found = _walk(path) if path.is_dir() else [path]
        readable = []
        for file in found:
            suffix = file.suffix.lower()
            if not path.is_dir() or suffix in SUFFIXES or (suffix in CONVERTED and convert):
                readable.append(file)
            elif suffix in CONVERTED:
                out.ignored.append((file, legacy_word.HINT))
            else:
                kind = suffix or "no extension"
                out.ignored.append((file, f"not a document kehoach reads ({kind}; it reads .pdf, .docx and .txt)"))
        if path.is_dir() and not readable:
            out.problems.append(f"{path}: no .pdf, .docx or .txt files in this folder")
        for file in readable:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                out.files.append(file)
    return out


def collect_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """The files to read and the problem lines (see :func:`find_files`)."""
    found = find_files(paths)
    return found.files, found.problems


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        stat = os.stat(dirpath)
        key = (stat.st_dev, stat.st_ino)
        if key in seen_dirs:  # a symlink back up the tree: visit each folder once
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith((".", "~$")):
                found.append(Path(dirpath) / name)
    return found
