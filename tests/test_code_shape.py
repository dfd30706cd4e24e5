"""The code stays in pieces a person can hold, and the docs name every piece."""

from __future__ import annotations

import ast
import re

import pytest

from .conftest import ROOT

PACKAGES = ("extractors", "pipeline", "schemas")
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80
MODULES = sorted(p for package in PACKAGES for p in (ROOT / package).glob("*.py") if p.stem != "__init__")


def _functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_module_and_function_sizes(path):
    lines = path.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{lines} lines"
    long = [(f.name, f.end_lineno - f.lineno + 1) for f in _functions(path)
            if f.end_lineno - f.lineno + 1 > MAX_FUNCTION_LINES]
    assert long == []


def test_every_module_is_named_in_the_layout_or_the_architecture():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    described = readme[readme.index("## Layout"):] + (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    missing = [f"{p.parent.name}/{p.stem}" for p in MODULES if p.parent.name != "schemas"
               and not re.search(rf"\b{re.escape(p.stem)}\b", described)]
    assert missing == []
