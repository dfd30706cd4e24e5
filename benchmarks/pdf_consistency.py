"""The PDF path against the TXT path, over ../shared/corpus/bulk (not a test: it prints).

Each bulk text is typeset to an official A4 PDF with ``samples/make_samples.typeset_text``
(texts the typesetter cannot lay out are skipped and counted), both files are extracted
with ``api.extract``, and the PDF's result is scored against the TXT's:

- metadata: doc_type, number, issuer, parent_issuer, place, date, title, signer name and
  position (compared after ``compare_key``); a field counts when either side has it;
- nodes: the set of node ids (F1);
- mentions: the set of (node, ref) citation pairs (F1);
- assignments: the set of (node, unit_id, role) triples (F1).

Usage:
    .venv/bin/python benchmarks/pdf_consistency.py                 # all bulk texts
    .venv/bin/python benchmarks/pdf_consistency.py STEM ...        # some of them, all differences
    .venv/bin/python benchmarks/pdf_consistency.py --json out.json # per-document results too
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
sys.path.insert(0, str(ROOT / "samples"))

META_FIELDS = ("doc_type", "number", "issuer", "parent_issuer", "place", "date", "title", "signer.name",
               "signer.position")
SETS = ("nodes", "mentions", "assignments")


def _metadata(doc) -> dict[str, str | None]:
    from kehoach.extractors.fold import compare_key

    meta = doc.metadata
    values = {f: getattr(meta, f) for f in META_FIELDS if "." not in f}
    values["signer.name"] = meta.signer.name if meta.signer else None
    values["signer.position"] = meta.signer.position if meta.signer else None
    return {k: None if v is None else compare_key(str(v)) for k, v in values.items()}


def _sets(doc) -> dict[str, set[tuple]]:
    return {
        "nodes": {(n.id,) for n in doc.nodes},
        "mentions": {(c.node, c.ref) for c in doc.citations},
        "assignments": {(a.node, a.unit_id, a.role) for a in doc.assignments},
    }


def compare(text_path: Path, folder: Path) -> dict:
    """One bulk text: typeset, extract both ways, and the differences (PDF relative to TXT)."""
    from make_samples import typeset_text

    from kehoach.pipeline import api

    out: dict = {"stem": text_path.stem}
    try:
        data = typeset_text(text_path.read_text(encoding="utf-8"))
    except Exception as exc:  # reportlab cannot lay out some texts (a word wider than the page …)
        out["skipped"] = f"typeset: {type(exc).__name__}: {str(exc)[:80]}"
        return out
    pdf = folder / f"{text_path.stem}.pdf"
    pdf.write_bytes(data)
    txt_doc, pdf_doc = api.extract(text_path), api.extract(pdf)
    out["pages"] = pdf_doc.source.pages
    a, b = _metadata(txt_doc), _metadata(pdf_doc)
    out["metadata"] = {f: [a[f], b[f]] for f in META_FIELDS if a[f] is not None or b[f] is not None}
    sa, sb = _sets(txt_doc), _sets(pdf_doc)
    for kind in SETS:
        out[kind] = {"txt": len(sa[kind]), "pdf": len(sb[kind]), "both": len(sa[kind] & sb[kind]),
                     "only_txt": sorted(map(list, sa[kind] - sb[kind])),
                     "only_pdf": sorted(map(list, sb[kind] - sa[kind]))}
    return out


def _f1(txt: int, pdf: int, both: int) -> float:
    return 1.0 if txt + pdf == 0 else 2 * both / (txt + pdf)


def report(results: list[dict], *, limit: int) -> dict:
    """Print per-document differences and totals; return the totals."""
    done = [r for r in results if "skipped" not in r]
    for r in results:
        if "skipped" in r:
            print(f"{r['stem']}: skipped ({r['skipped']})")
            continue
        wrong = {f: v for f, v in r["metadata"].items() if v[0] != v[1]}
        diffs = {k: r[k] for k in SETS if r[k]["only_txt"] or r[k]["only_pdf"]}
        if not wrong and not diffs:
            continue
        print(f"== {r['stem']} ({r['pages']} pages)")
        for f, (t, p) in wrong.items():
            print(f"   metadata {f}: txt={t!r} pdf={p!r}")
        for kind, d in diffs.items():
            print(f"   {kind}: txt {d['txt']} pdf {d['pdf']} both {d['both']}")
            for side in ("only_txt", "only_pdf"):
                items = d[side]
                if items:
                    shown = ", ".join("/".join(map(str, x)) for x in items[:limit])
                    more = f" … +{len(items) - limit}" if len(items) > limit else ""
                    print(f"      {side}: {shown}{more}")
    totals: dict = {"documents": len(results), "compared": len(done), "skipped": len(results) - len(done)}
    fields = [(f, v) for r in done for f, v in r["metadata"].items()]
    totals["metadata_agreement"] = round(sum(v[0] == v[1] for _, v in fields) / max(1, len(fields)), 4)
    totals["metadata_by_field"] = {
        f: f"{sum(v[0] == v[1] for g, v in fields if g == f)}/{sum(1 for g, _ in fields if g == f)}"
        for f in META_FIELDS}
    totals["documents_identical"] = sum(
        all(v[0] == v[1] for v in r["metadata"].values()) and all(r[k]["txt"] == r[k]["pdf"] == r[k]["both"]
                                                                  for k in SETS) for r in done)
    for kind in SETS:
        t, p, b = (sum(r[kind][x] for r in done) for x in ("txt", "pdf", "both"))
        totals[kind] = {"txt": t, "pdf": p, "both": b, "f1": round(_f1(t, p, b), 4),
                        "documents_equal": sum(r[kind]["txt"] == r[kind]["pdf"] == r[kind]["both"] for r in done)}
    print("\n== totals")
    print(json.dumps(totals, ensure_ascii=False, indent=1))
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stems", nargs="*", help="bulk text stems (default: all)")
    parser.add_argument("--bulk", type=Path, default=BULK)
    parser.add_argument("--json", type=Path, help="write per-document results and totals here")
    parser.add_argument("--keep", type=Path, help="keep the typeset PDFs in this folder")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=8, help="differences shown per kind and side")
    args = parser.parse_args(argv)
    texts = sorted(args.bulk.glob("*.txt"))
    if args.stems:
        texts = [t for t in texts if t.stem in set(args.stems)]
        args.limit = 10**6
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(compare, texts, [folder] * len(texts)))
    totals = report(results, limit=args.limit)
    if args.json:
        args.json.write_text(json.dumps({"totals": totals, "documents": results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
