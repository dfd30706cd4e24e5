"""Which files a command works on: files and folders → document paths."""

from __future__ import annotations

import os
from pathlib import Path

from kehoach.pipeline.readers import SUFFIXES


def collect_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand folders (recursively, symlink loops visited once) into document files.

    :returns: the files in a stable order, and one problem line per path that
        does not exist or names no supported file
    """
    files: list[Path] = []
    problems: list[str] = []
    seen_files: set[str] = set()
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: no such file or directory")
            continue
        if path.is_dir():
            found = _walk(path)
            if not found:
                problems.append(f"{path}: no .pdf, .docx or .txt files in this folder")
            for file in found:
                key = os.path.realpath(file)
                if key not in seen_files:
                    seen_files.add(key)
                    files.append(file)
        else:
            key = os.path.realpath(path)
            if key not in seen_files:
                seen_files.add(key)
                files.append(path)
    return files, problems


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
        dirnames.sort()
        for name in sorted(filenames):
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith((".", "~$")):
                found.append(Path(dirpath) / name)
    return found
