"""Peer benchmark: the citation recogniser against references labelled by someone else.

../shared/corpus/peer/vnlegaltext-val.jsonl holds sentences of real laws, decrees and circulars (VNLegalText,
word-segmented with "_"), each with labelled references of nine types. Scoring follows the set's README:
a labelled span is found when a citation of the same type overlaps it; precision is the share of the
recogniser's citations that overlap some labelled span. Named laws and codes (HP, BL, L, PL) are also
reported together.

A check, not a target: its labelling conventions are the labellers', not the project's gold rules.

    python benchmarks/peer.py [--misses TYPE] [--extra] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PEER = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "peer" / "vnlegaltext-val.jsonl"

# The set's labels and the contract's document types they stand for.
LABEL_TYPES = {"HP": "Hiến pháp", "BL": "Bộ luật", "L": "Luật", "PL": "Pháp lệnh", "NQ": "Nghị quyết",
               "NĐ": "Nghị định", "QĐ": "Quyết định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch"}
NAMED = ("HP", "BL", "L", "PL")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Sentence:
    text: str
    spans: tuple[Span, ...]


def load(path: Path = PEER) -> list[Sentence]:
    """The labelled sentences, "_" read as a space (offsets unchanged)."""
    sentences = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = row["data"]["value"].replace("_", " ")
            spans = tuple(Span(v["start"], v["end"], v["labels"][0], text[v["start"]:v["end"]])
                          for r in row["annotations"][0]["result"] for v in [r["value"]])
            sentences.append(Sentence(text, spans))
    return sentences


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(sentences: list[Sentence]) -> dict:
    """Recall per label, overall and on named laws; precision; the misses and extras for reading."""
    from kehoach.extractors.citations import find_citations

    labelled, found = Counter(), Counter()
    citations = matched = 0
    misses: list[tuple[Span, list]] = []
    extras: list[tuple[str, object]] = []
    chars = 0
    t0 = time.perf_counter()
    results = [find_citations(s.text) for s in sentences]
    elapsed = time.perf_counter() - t0
    for sentence, cites in zip(sentences, results):
        chars += len(sentence.text)
        for span in sentence.spans:
            labelled[span.label] += 1
            if any(c.doc_type == LABEL_TYPES.get(span.label) and _overlap(c.start, c.end, span.start, span.end)
                   for c in cites):
                found[span.label] += 1
            else:
                misses.append((span, cites))
        for c in cites:
            citations += 1
            if any(_overlap(c.start, c.end, s.start, s.end) for s in sentence.spans):
                matched += 1
            else:
                extras.append((sentence.text, c))
    named_total = sum(labelled[k] for k in NAMED)
    return {
        "sentences": len(sentences),
        "labelled": sum(labelled.values()),
        "recall": sum(found.values()) / max(1, sum(labelled.values())),
        "recall_named": sum(found[k] for k in NAMED) / max(1, named_total),
        "precision": matched / max(1, citations),
        "citations": citations,
        "per_type": {k: {"labelled": labelled[k], "found": found[k], "recall": found[k] / labelled[k]}
                     for k in sorted(labelled, key=lambda k: -labelled[k])},
        "chars_per_s": chars / elapsed if elapsed else None,
        "misses": misses,
        "extras": extras,
    }


def summary(result: dict) -> dict:
    """The figures without the lists (for results.json)."""
    return {k: v for k, v in result.items() if k not in ("misses", "extras")}


def print_result(result: dict) -> None:
    print(f"peer benchmark: {result['sentences']} sentences, {result['labelled']} labelled references")
    print(f"  recall {result['recall']:.3f}  (named laws and codes {result['recall_named']:.3f})  "
          f"precision {result['precision']:.3f} over {result['citations']} citations")
    print("  " + "  ".join(f"{k} {v['recall']:.3f} ({v['found']}/{v['labelled']})"
                           for k, v in result["per_type"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", metavar="TYPE", help="print the missed spans of one label (or 'all')")
    parser.add_argument("--extra", action="store_true", help="print citations that overlap no labelled span")
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    if not PEER.exists():
        sys.exit(f"no peer set at {PEER}")
    result = score(load())
    print_result(result)
    if args.misses:
        chosen = [(s, c) for s, c in result["misses"] if args.misses in ("all", s.label)]
        for span, cites in chosen[: args.limit]:
            print(f"\nMISS {span.label}: {span.text!r}")
            print("   found: " + "; ".join(f"{c.doc_type}:{c.text!r}" for c in cites))
    if args.extra:
        for text, c in result["extras"][: args.limit]:
            print(f"\nEXTRA {c.doc_type}: {c.text!r}\n   in: {text[:240]}")


if __name__ == "__main__":
    main()
