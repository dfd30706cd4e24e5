"""Print first-contact rows for benchmarks/first_contact.md: each hand-annotated document of tests/gold scored
by the extractor as it is now, before any rule is written for it.

Run once when a batch of new gold lands (python benchmarks/first_contact.py 60_ 61_ …) and paste the rows
into the table; later improvements go in the "final" column, never over the first-contact figures.
With --originals DIR, documents that tests/gold/SOURCES.tsv names are read from their scans in DIR (OCR path).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from kehoach.pipeline.evaluate import evaluate, subtotals

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"
KINDS = ("nodes", "citations", "mentions", "assignments")


def _cell(scores: dict, kind: str) -> str:
    if kind == "metadata":
        return f"{scores['metadata']['accuracy']:.2f}"
    s = scores[kind]
    return f"{s['f1']:.3f} ({s['precision']:.2f}/{s['recall']:.2f})"


def main(prefixes: list[str], originals: str | None = None) -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            check=False).stdout.strip()
    today = dt.date.today().isoformat()
    result = evaluate(GOLD, originals=originals)
    chosen = [d for d in result["documents"] if not prefixes or d["doc"].startswith(tuple(prefixes))]
    for doc in chosen:
        cells = [_cell(doc, k) for k in (*KINDS, "metadata")]
        print(f"| {doc['doc']} | {today} | {commit} | " + " | ".join(cells) + " |")
    totals = subtotals(result, lambda stem: stem in {d["doc"] for d in chosen})
    print("| **batch total** | | | " + " | ".join(_cell(totals, k) for k in (*KINDS, "metadata")) + " |")


if __name__ == "__main__":
    args = sys.argv[1:]
    folder = None
    if "--originals" in args:
        at = args.index("--originals")
        folder = args[at + 1]
        del args[at:at + 2]
    main(args, folder)
