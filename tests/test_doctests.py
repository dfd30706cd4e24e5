"""The examples in the extractors' docstrings are run, so they cannot drift from the code."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

import kehoach.extractors
import kehoach.pipeline

MODULES = sorted(
    f"{package.__name__}.{info.name}"
    for package in (kehoach.extractors, kehoach.pipeline)
    for info in pkgutil.iter_modules(package.__path__)
)
WITH_EXAMPLES = [name for name in MODULES if ">>>" in (importlib.util.find_spec(name).loader.get_source(name) or "")]


def test_modules_with_examples_are_found():
    assert "kehoach.extractors.ocr_glyphs" in WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
