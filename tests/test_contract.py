"""The JSON contract: models, committed JSON Schema, and extract output validating against both."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from kehoach.schemas.export_schema import SCHEMA_FILE, render
from kehoach.schemas.models import PlanDocument

from .conftest import SAMPLES


def test_committed_json_schema_is_current():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), "run: python -m kehoach.schemas.export_schema"


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"source": {"path": "x", "sha256": "0", "format": "rtf"}}, id="unknown-format"),
        pytest.param({"source": {"path": "x", "sha256": "0", "format": "txt"}, "nodes": [{"id": "I"}]},
                     id="node-without-kind"),
        pytest.param({"source": {"path": "x", "sha256": "0", "format": "txt"}, "extra": 1}, id="unknown-field"),
        pytest.param({"source": {"path": "x", "sha256": "0", "format": "txt"},
                      "assignments": [{"node": "I", "unit": "Sở Y tế", "unit_id": "so y te", "role": "owner"}]},
                     id="bad-role"),
    ],
)
def test_models_reject_malformed_documents(bad):
    with pytest.raises(ValidationError):
        PlanDocument.model_validate(bad)


def test_empty_strings_become_null():
    plan = PlanDocument.model_validate(
        {"source": {"path": "x", "sha256": "0", "format": "txt"}, "metadata": {"number": "  ", "place": ""}})
    assert plan.metadata.number is None and plan.metadata.place is None


@pytest.mark.parametrize("pdf", sorted((SAMPLES / "pdf").glob("*.pdf")), ids=lambda p: p.stem)
def test_extract_json_of_each_sample_validates(pdf, run_cli):
    result = run_cli("extract", str(pdf), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    plan = PlanDocument.model_validate(data)
    assert plan.source.format == "pdf" and plan.source.pages and plan.source.pages >= 2
    assert plan.metadata.doc_type == "Kế hoạch"
    assert plan.nodes, "no nodes extracted"
