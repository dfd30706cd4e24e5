"""Write schemas/plan_document.schema.json from the pydantic models.

Run: python -m kehoach.schemas.export_schema  (the test suite checks the file is current).
"""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.schemas.models import json_schema

SCHEMA_FILE = Path(__file__).resolve().parent / "plan_document.schema.json"


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
