"""`kehoach eval`: score the pipeline against a gold folder.

Matching rules are those of the corpus README ("Scoring"): values are compared
after folding; totals are micro-averaged (counts summed over documents).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.extractors.fold import compare_key, expand_abbreviations
from kehoach.pipeline import api
from kehoach.schemas.models import PlanDocument

PSEUDO_NODES = {"title", "preamble", "closing"}
METADATA_FIELDS = ("doc_type", "number", "issuer", "place", "date", "signer")
UNIT_SIMILARITY = 0.9
_LEADING_VERB_RE = re.compile(r"^(?:đề nghị|giao)\s+")
_NAM_RE = re.compile(r"\bnăm\b")


def fold_ref(ref: str) -> str:
    return _NAM_RE.sub("", compare_key(ref)).replace(" ", "")


def fold_unit(unit: str) -> str:
    return _LEADING_VERB_RE.sub("", expand_abbreviations(compare_key(unit)))


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    def scores(self) -> dict[str, float]:
        return {"accuracy": round(self.right / self.total, 4) if self.total else 1.0,
                "right": self.right, "total": self.total}


@dataclass
class DocScore:
    doc: str
    nodes: Counts = field(default_factory=Counts)
    citations: Counts = field(default_factory=Counts)
    mentions: Counts = field(default_factory=Counts)
    assignments: Counts = field(default_factory=Counts)
    cite_dates: Accuracy = field(default_factory=Accuracy)
    metadata: Accuracy = field(default_factory=Accuracy)
    metadata_fields: dict[str, bool] = field(default_factory=dict)
    misses: dict[str, list] = field(default_factory=dict)
    error: str | None = None


def _set_counts(predicted: set, gold: set) -> Counts:
    return Counts(tp=len(predicted & gold), fp=len(predicted - gold), fn=len(gold - predicted))


def _metadata_value(plan: PlanDocument, name: str) -> str | None:
    meta = plan.metadata
    if name == "signer":
        return meta.signer.name if meta.signer else None
    value = getattr(meta, name)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _match_assignments(predicted: list[tuple], gold: list[tuple]) -> tuple[Counts, list, list]:
    """Greedy one-to-one matching: same node and role, unit equal or similar enough."""
    unmatched_gold = list(gold)
    tp = 0
    extra = []
    for item in predicted:
        node, unit, role = item
        best = None
        for j, (g_node, g_unit, g_role) in enumerate(unmatched_gold):
            if g_node != node or g_role != role:
                continue
            if g_unit == unit or difflib.SequenceMatcher(None, g_unit, unit).ratio() >= UNIT_SIMILARITY:
                best = j
                break
        if best is None:
            extra.append(item)
        else:
            unmatched_gold.pop(best)
            tp += 1
    return Counts(tp=tp, fp=len(extra), fn=len(unmatched_gold)), extra, unmatched_gold


def score_document(plan: PlanDocument, gold: dict) -> DocScore:
    """Compare one extraction with its gold JSON."""
    score = DocScore(doc=gold["doc"])
    pred_nodes = {n.id for n in plan.nodes if n.id not in PSEUDO_NODES}
    gold_nodes = {n["id"] for n in gold.get("nodes", []) if n["id"] not in PSEUDO_NODES}
    score.nodes = _set_counts(pred_nodes, gold_nodes)

    pred_refs = {fold_ref(c.ref): c for c in plan.citations}
    gold_refs = {fold_ref(c["ref"]): c for c in gold.get("citations", [])}
    score.citations = _set_counts(set(pred_refs), set(gold_refs))
    for key in set(pred_refs) & set(gold_refs):
        gold_date = gold_refs[key].get("date")
        if gold_date:
            dates = {c.date.isoformat() for c in plan.citations if c.date and fold_ref(c.ref) == key}
            score.cite_dates.total += 1
            score.cite_dates.right += gold_date in dates

    pred_mentions = {(c.node, fold_ref(c.ref)) for c in plan.citations}
    gold_mentions = {(m["node"], fold_ref(m["ref"])) for m in gold.get("mentions", [])}
    score.mentions = _set_counts(pred_mentions, gold_mentions)

    pred_assign = sorted({(a.node, fold_unit(a.unit), a.role) for a in plan.assignments})
    gold_assign = [(a["node"], fold_unit(a["unit"]), a["role"]) for a in gold.get("assignments", [])]
    score.assignments, extra, missed = _match_assignments(pred_assign, gold_assign)

    gold_meta = gold.get("metadata", {})
    for name in METADATA_FIELDS:
        if name not in gold_meta:
            continue
        want, got = gold_meta[name], _metadata_value(plan, name)
        right = _same(want, got)
        score.metadata_fields[name] = right
        score.metadata.total += 1
        score.metadata.right += right

    score.misses = {
        "nodes_missing": sorted(gold_nodes - pred_nodes), "nodes_extra": sorted(pred_nodes - gold_nodes),
        "citations_missing": sorted(gold_refs[k]["ref"] for k in set(gold_refs) - set(pred_refs)),
        "citations_extra": sorted(pred_refs[k].ref for k in set(pred_refs) - set(gold_refs)),
        "mentions_missing": sorted(gold_mentions - pred_mentions),
        "mentions_extra": sorted(pred_mentions - gold_mentions),
        "assignments_missing": missed, "assignments_extra": extra,
        "metadata_wrong": {n: [gold_meta.get(n), _metadata_value(plan, n)]
                           for n, ok in score.metadata_fields.items() if not ok},
    }
    return score


def _same(want, got) -> bool:
    return (want is None and got is None) or (
        want is not None and got is not None and compare_key(str(want)) == compare_key(str(got)))


def _printed_part_kept(plan: PlanDocument, name: str, printed: str) -> bool:
    """A handwritten value left unread: null, its printed part kept, and a warning (the header's or the OCR's)
    that says so."""
    meta = plan.metadata
    kept = {"number": meta.symbol, "date": meta.date_text}.get(name) or ""
    words = {"number": ("number",), "date": ("date", "day", "month")}[name]
    warned = any("not read" in w and any(word in w for word in words) for w in plan.source.warnings)
    return _metadata_value(plan, name) is None and compare_key(printed) in compare_key(kept) and warned


def score_pdf_header(plan: PlanDocument, entry: dict, printed: dict[str, str] | None = None) -> dict[str, bool]:
    """Each header field of one PDF against its hand-read entry of ``pdf/META.json`` (corpus README,
    "PDF header gold"): values compared as the metadata of ``score_document``; the issuer is right when it
    equals the issuer or the parent and issuer joined in either order.

    :param printed: the fields whose value is handwritten on the page, each with the part printed around it
        ({"number": "QĐ-UBND", "date": "năm 2026"}): right when read, or when left null with that part kept
        (``metadata.symbol``, ``metadata.date_text``) and a warning given
    """
    fields = {}
    for name in METADATA_FIELDS:
        want, got = entry.get(name), _metadata_value(plan, name)
        right = _same(want, got)
        if name == "issuer" and not right and entry.get("parent_issuer"):
            joined = (f"{entry['parent_issuer']} {want}", f"{want} {entry['parent_issuer']}")
            right = any(_same(j, got) for j in joined)
        if not right and printed and name in printed:
            right = _printed_part_kept(plan, name, printed[name])
        fields[name] = right
    return fields


def gold_pairs(corpus: Path, originals: Path | None = None) -> list[tuple[Path, Path]]:
    """(document, gold) pairs of a corpus folder: CORPUS/text/<stem>.txt with CORPUS/gold/<stem>.json.

    With ``originals``, a document that CORPUS/SOURCES.tsv names (``stem<TAB>file``) is read from that
    file in ``originals`` instead — the scan a transcript was typed from — so one gold scores both paths.
    """
    sources = read_sources(corpus) if originals is not None else {}
    pairs = []
    for gold in sorted((corpus / "gold").glob("*.json")):
        source = sources.get(gold.stem)
        document = originals / source if source else corpus / "text" / f"{gold.stem}.txt"
        if document.exists():
            pairs.append((document, gold))
    return pairs


def read_sources(corpus: Path) -> dict[str, str]:
    """stem → original file name, from CORPUS/SOURCES.tsv (a header line, then ``stem<TAB>file`` rows)."""
    path = corpus / "SOURCES.tsv"
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    return {row[0]: row[1] for row in rows if len(row) >= 2}


def subtotals(result: dict, select) -> dict:
    """Micro-averaged totals over the documents of an `evaluate` result whose stem ``select`` accepts."""
    totals = {k: Counts() for k in ("nodes", "citations", "mentions", "assignments")}
    accuracies = {k: Accuracy() for k in ("cite_dates", "metadata")}
    for entry in result["documents"]:
        if not select(entry["doc"]):
            continue
        for k, counts in totals.items():
            counts.add(Counts(*entry["counts"][k]))
        for k, accuracy in accuracies.items():
            accuracy.add(Accuracy(entry[k]["right"], entry[k]["total"]))
    out = {k: c.scores() for k, c in totals.items()}
    out.update({k: a.scores() for k, a in accuracies.items()})
    return out


def nothing_found(path: Path) -> PlanDocument:
    """The empty extraction a crashed document is scored as."""
    fmt = path.suffix.lower().lstrip(".")
    return PlanDocument.model_validate({"source": {
        "path": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "format": fmt if fmt in ("pdf", "docx") else "txt"}})


def evaluate(corpus: str | Path, *, extractor=api.extract, originals: str | Path | None = None) -> dict:
    """Score every gold document of ``corpus``; the JSON shape printed by `kehoach eval --json`.

    ``originals``: a folder of original files (see `gold_pairs`) to read instead of the transcripts.
    """
    corpus = Path(corpus)
    originals = Path(originals) if originals is not None else None
    documents = []
    totals = {k: Counts() for k in ("nodes", "citations", "mentions", "assignments")}
    dates, metadata = Accuracy(), Accuracy()
    for document_path, gold_path in gold_pairs(corpus, originals):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            plan = extractor(document_path)
        except Exception as exc:  # noqa: BLE001 - a crash on one document is scored as nothing found
            plan = nothing_found(document_path)
            score = score_document(plan, gold)
            score.error = f"{type(exc).__name__}: {exc}"
        else:
            score = score_document(plan, gold)
        for k, counts in totals.items():
            counts.add(getattr(score, k))
        dates.add(score.cite_dates)
        metadata.add(score.metadata)
        entry = {"doc": score.doc}
        for k in totals:
            entry[k] = getattr(score, k).scores()
        entry["counts"] = {k: [getattr(score, k).tp, getattr(score, k).fp, getattr(score, k).fn] for k in totals}
        entry["cite_dates"] = score.cite_dates.scores()
        entry["metadata"] = score.metadata.scores()
        entry["metadata_fields"] = score.metadata_fields
        entry["misses"] = score.misses
        if score.error:
            entry["error"] = score.error
        documents.append(entry)
    result_totals = {k: c.scores() for k, c in totals.items()}
    result_totals["cite_dates"] = dates.scores()
    result_totals["metadata"] = metadata.scores()
    return {"documents": documents, "totals": result_totals}


# The totals a --min can name: F1 for the four counted kinds, accuracy for the other two.
FIGURES = ("nodes", "citations", "mentions", "assignments", "cite_dates", "metadata")
KINDS = ("nodes", "citations", "mentions", "assignments")


def parse_minimums(specs: list[str]) -> dict[str, float]:
    """``["nodes=0.98", "assignments=0.9"]`` → ``{"nodes": 0.98, "assignments": 0.9}``.

    :raises ValueError: a spec is not FIGURE=NUMBER with a known figure and 0 ≤ NUMBER ≤ 1
    """
    out: dict[str, float] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip()
        if not sep or name not in FIGURES:
            raise ValueError(f"{spec!r}: expected FIGURE=VALUE, FIGURE one of {', '.join(FIGURES)}")
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{spec!r}: {value!r} is not a number") from None
        if not 0 <= number <= 1:
            raise ValueError(f"{spec!r}: a minimum is between 0 and 1")
        out[name] = number
    return out


def figure(totals: dict, name: str) -> float:
    """A total's headline figure: F1 for counted kinds, accuracy for dates and metadata."""
    return totals[name]["f1"] if name in KINDS else totals[name]["accuracy"]


def below_minimum(result: dict, minimums: dict[str, float]) -> list[tuple[str, float, float]]:
    """(figure, value, minimum) for each total of an :func:`evaluate` result below its minimum."""
    totals = result["totals"]
    return [(name, figure(totals, name), floor) for name, floor in minimums.items() if figure(totals, name) < floor]


def report_lines(result: dict, *, misses: bool = False) -> list[str]:
    """The plain-text report of `kehoach eval`: a row per document, the totals."""
    header = f"{'document':<44} " + " ".join(f"{k[:11]:>11}" for k in KINDS) + f" {'dates':>6} {'meta':>6}"
    lines = [header]
    for doc in result["documents"]:
        row = f"{doc['doc'][:44]:<44} " + " ".join(f"{doc[k]['f1']:>11.3f}" for k in KINDS)
        row += f" {doc['cite_dates']['accuracy']:>6.2f} {doc['metadata']['accuracy']:>6.2f}"
        if doc.get("error"):
            row += f"  ERROR {doc['error']}"
        lines.append(row)
        if misses:
            lines += [f"    {key}: {value}" for key, value in doc["misses"].items() if value]
    t = result["totals"]
    lines.append(f"{'TOTAL F1':<44} " + " ".join(f"{t[k]['f1']:>11.3f}" for k in KINDS)
                 + f" {t['cite_dates']['accuracy']:>6.2f} {t['metadata']['accuracy']:>6.2f}")
    lines.append("totals: " + "; ".join(
        f"{k} P={t[k]['precision']:.3f} R={t[k]['recall']:.3f} F1={t[k]['f1']:.3f}" for k in KINDS)
        + f"; cite_dates={t['cite_dates']['accuracy']:.3f}; metadata={t['metadata']['accuracy']:.3f}")
    return lines
