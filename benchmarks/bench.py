"""`make bench`: speed of every stage, end to end, against bare pdfplumber and PDFium.

Not a test: it measures and prints. Figures are meant to be read as ratios
against the two baselines measured in the same run (the machines are noisy).

Corpora:
- samples/pdf (the bundled sample plans),
- ../shared/corpus/pdf (real PDFs, when present; OCR pages excluded from per-page text speed),
- a generated batch of native-text PDFs (>= 200 pages) typeset from ../shared/corpus/bulk texts
  or, without ../shared, from the sample sources;
- the gold texts typeset, scanned with damage and read back by OCR (benchmarks/synthetic_scans.py).

Writes benchmarks/results.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
RESULTS = Path(__file__).resolve().parent / "results.json"
CACHE = Path(__file__).resolve().parent / ".cache"
MIN_BATCH_PAGES = 200

sys.path.insert(0, str(ROOT / "samples"))


def _now() -> float:
    return time.perf_counter()


def generated_batch(min_pages: int = MIN_BATCH_PAGES) -> list[Path]:
    """Typeset real texts as PDFs until the batch has ``min_pages`` pages (cached between runs)."""
    import pypdfium2 as pdfium
    from make_samples import typeset_text

    out = CACHE / "batch"
    out.mkdir(parents=True, exist_ok=True)
    existing = sorted(out.glob("*.pdf"))
    if existing and sum(len(pdfium.PdfDocument(p)) for p in existing) >= min_pages:
        return existing
    sources = sorted((SHARED / "bulk").glob("*.txt")) if (SHARED / "bulk").is_dir() else []
    sources = sources or sorted((ROOT / "samples" / "source").glob("*.txt"))
    pages = 0
    files = []
    i = 0
    while pages < min_pages:
        src = sources[i % len(sources)]
        target = out / f"{i:04d}-{src.stem}.pdf"
        i += 1
        try:
            target.write_bytes(typeset_text(src.read_text(encoding="utf-8")))
        except Exception as exc:  # a text the simple typesetter cannot lay out: skip it
            print(f"skipping {src.name}: {type(exc).__name__}", file=sys.stderr)
            continue
        pages += len(pdfium.PdfDocument(target))
        files.append(target)
    return files


def baseline_pdfplumber(files: list[Path]) -> dict:
    import pdfplumber

    pages = chars = 0
    t0 = _now()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                chars += len(page.extract_text() or "")
                pages += 1
    elapsed = _now() - t0
    return {"pages": pages, "chars": chars, "seconds": elapsed, "pages_per_s": pages / elapsed}


def baseline_pdfium(files: list[Path]) -> dict:
    import pypdfium2 as pdfium

    pages = chars = 0
    t0 = _now()
    for path in files:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            chars += len(page.get_textpage().get_text_range())
            pages += 1
        pdf.close()
    elapsed = _now() - t0
    return {"pages": pages, "chars": chars, "seconds": elapsed, "pages_per_s": pages / elapsed}


def stage_times(files: list[Path]) -> dict:
    """Time each stage over the files, in one process (one core)."""
    from kehoach.extractors.citations import extract_citations
    from kehoach.extractors.units import extract_assignments
    from kehoach.pipeline import readers, registry, stages

    totals = {k: 0.0 for k in ("read", "normalise", "structure", "citations", "units", "load")}
    pages = chars = 0
    per_doc_pages_per_s = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = registry.open_db(Path(tmp) / "bench.db")
        for path in files:
            t0 = _now()
            raw = readers.read_document(path)
            t1 = _now()
            lines = stages.normalise(raw)
            t2 = _now()
            metadata, nodes, warnings = stages.parse(lines)
            t3 = _now()
            citations = extract_citations(nodes, own_number=metadata.number)
            t4 = _now()
            assignments = extract_assignments(nodes)
            t5 = _now()
            plan = stages.build_document(raw)  # the real assembly (includes task marking etc.)
            t6 = _now()
            try:
                registry.load(db, plan)
            except Exception as exc:  # counted, so a speed figure never hides a failure
                failures.append(f"{path.name}: {exc}")
            t7 = _now()
            totals["read"] += t1 - t0
            totals["normalise"] += t2 - t1
            totals["structure"] += t3 - t2
            totals["citations"] += t4 - t3
            totals["units"] += t5 - t4
            totals["load"] += t7 - t6
            n_pages = raw.pages or 1
            pages += n_pages
            chars += sum(len(line.text) for line in lines)
            end_to_end = (t1 - t0) + (t6 - t5) + (t7 - t6)
            per_doc_pages_per_s.append(n_pages / end_to_end)
            del citations, assignments, warnings
    text_stages = totals["normalise"] + totals["structure"] + totals["citations"] + totals["units"]
    return {
        "pages": pages,
        "chars": chars,
        "stages": {k: {"ms_per_page": 1000 * v / pages, "ms_per_1000_chars": 1000 * v / (chars / 1000)}
                   for k, v in totals.items()},
        "text_stages_chars_per_s": chars / text_stages if text_stages else None,
        "end_to_end_median_pages_per_s": statistics.median(per_doc_pages_per_s),
        "load_failures": failures,
    }


def ingest_run(paths: list[Path], workers: int | None) -> dict:
    """`kehoach ingest` in a subprocess: wall time and the child's peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "kehoach", "ingest", *map(str, paths), "--db", str(Path(tmp) / "r.db")]
        if workers is not None:
            cmd += ["--workers", str(workers)]
        # A fresh wrapper process, so that RUSAGE_CHILDREN covers this run alone (the
        # largest single process among the ingest and its workers).
        wrapper = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, "
                   "text=True); print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
                   "print((p.stdout.strip().splitlines() or p.stderr.strip().splitlines() or [''])[-1])")
        t0 = _now()
        proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL)
        elapsed = _now() - t0
    status, rss_kb = proc.stdout.splitlines()[0].split()
    return {"seconds": elapsed, "exit": int(status), "peak_rss_mb": int(rss_kb) / 1024,
            "tail": proc.stdout.splitlines()[1:2]}


def supports_workers() -> bool:
    out = subprocess.run([sys.executable, "-m", "kehoach", "ingest", "--help"], capture_output=True, text=True)
    return "--workers" in out.stdout


def memory_run(count: int) -> dict:
    """Ingest ``count`` distinct small documents in one run; report peak RSS."""
    texts = sorted((SHARED / "bulk").glob("*.txt")) if (SHARED / "bulk").is_dir() else []
    texts = texts or sorted((ROOT / "samples" / "source").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i in range(count):
            src = texts[i % len(texts)].read_text(encoding="utf-8")
            (folder / f"{i:05d}.txt").write_text(f"{src}\n(bản sao {i})\n", encoding="utf-8")
        result = ingest_run([folder], 1 if supports_workers() else None)
    result["documents"] = count
    return result


def recogniser_speed() -> dict:
    """find_citations alone over plain corpus text (bulk when present), chars/s on one core."""
    from kehoach.extractors.citations import find_citations
    from kehoach.extractors.normalize import clean_text

    paths = sorted((SHARED / "bulk").glob("*.txt")) if (SHARED / "bulk").is_dir() else []
    paths = paths or sorted((ROOT / "samples" / "source").glob("*.txt"))
    texts = [clean_text(p.read_text(encoding="utf-8")) for p in paths]
    chars = sum(map(len, texts))
    found = 0
    t0 = _now()
    for text in texts:
        found += len(find_citations(text))
    elapsed = _now() - t0
    return {"documents": len(texts), "chars": chars, "citations": found, "chars_per_s": chars / elapsed,
            "utf8_bytes_per_s": sum(len(t.encode("utf-8")) for t in texts) / elapsed,
            "citations_per_document": found / len(texts)}


def peer_benchmark() -> dict | None:
    """Recall and precision on references labelled by someone else (benchmarks/peer.py)."""
    import peer

    return peer.summary(peer.score(peer.load())) if peer.PEER.exists() else None


def eval_totals() -> dict | None:
    if not (SHARED / "gold").is_dir():
        return None
    from kehoach.pipeline.evaluate import evaluate

    totals = evaluate(SHARED)["totals"]
    return {k: v.get("f1", v.get("accuracy")) for k, v in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-document memory run")
    parser.add_argument("--memory-docs", type=int, default=1000)
    args = parser.parse_args()

    sets = {"samples": sorted((ROOT / "samples" / "pdf").glob("*.pdf")), "generated": generated_batch()}
    native_corpus = sorted((SHARED / "pdf").glob("native_*.pdf")) if (SHARED / "pdf").is_dir() else []
    if native_corpus:
        sets["corpus_native"] = native_corpus
    results: dict = {
        "machine": {"platform": platform.platform(), "python": platform.python_version(),
                    "cpus": os.cpu_count(), "processor": platform.processor() or platform.machine()},
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "sets": {},
    }
    for name, files in sets.items():
        entry = {"files": len(files)}
        entry["pdfplumber"] = baseline_pdfplumber(files)
        entry["pdfium"] = baseline_pdfium(files)
        entry["pipeline"] = stage_times(files)
        e2e = entry["pipeline"]["end_to_end_median_pages_per_s"]
        entry["ratio_vs_pdfplumber"] = e2e / entry["pdfplumber"]["pages_per_s"]
        entry["ratio_vs_pdfium"] = e2e / entry["pdfium"]["pages_per_s"]
        results["sets"][name] = entry
    workers_ok = supports_workers()
    batch = sets["generated"]
    one = ingest_run(batch, 1 if workers_ok else None)
    results["ingest_generated"] = {"one_worker": one}
    pages = results["sets"]["generated"]["pipeline"]["pages"]
    one["pages_per_s"] = pages / one["seconds"]
    if workers_ok:
        allc = ingest_run(batch, os.cpu_count())
        allc["pages_per_s"] = pages / allc["seconds"]
        results["ingest_generated"]["all_cores"] = allc
    ocr_set = sorted(p for p in (SHARED / "pdf").glob("*.pdf") if not p.name.startswith("native_")) \
        if (SHARED / "pdf").is_dir() else []
    if workers_ok and ocr_set:
        w1 = ingest_run(ocr_set, 1)
        w2 = ingest_run(ocr_set, 2)
        results["ingest_ocr_set"] = {"one_worker_s": w1["seconds"], "two_workers_s": w2["seconds"],
                                     "ratio_2_vs_1": w2["seconds"] / w1["seconds"]}
    if not args.quick:
        # Two sizes: peak RSS must stay flat as the count grows, not just under a bound.
        results["memory"] = [memory_run(max(1, args.memory_docs // 4)), memory_run(args.memory_docs)]
    results["citations_recogniser"] = recogniser_speed()
    results["peer"] = peer_benchmark()
    results["eval_totals"] = eval_totals()
    if (SHARED / "gold").is_dir():
        import synthetic_scans  # beside this script: the OCR path on the gold texts, typeset and scanned

        results["synthetic_scans"] = synthetic_scans.run()
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(results)


def print_table(results: dict) -> None:
    print(f"machine: {results['machine']['processor']}, {results['machine']['cpus']} cores, "
          f"Python {results['machine']['python']} ({results['when']})")
    for name, entry in results["sets"].items():
        p = entry["pipeline"]
        print(f"\n[{name}] {entry['files']} files, {p['pages']} pages, {p['chars']:,} chars")
        print(f"  {'stage':<11}{'ms/page':>10}{'ms/1k chars':>14}")
        for stage, v in p["stages"].items():
            print(f"  {stage:<11}{v['ms_per_page']:>10.2f}{v['ms_per_1000_chars']:>14.3f}")
        print(f"  text stages: {p['text_stages_chars_per_s']:,.0f} chars/s")
        print(f"  end to end (median per document, 1 core): {p['end_to_end_median_pages_per_s']:.1f} pages/s")
        print(f"  bare pdfplumber extract_text: {entry['pdfplumber']['pages_per_s']:.1f} pages/s"
              f"  -> ratio {entry['ratio_vs_pdfplumber']:.2f}x")
        print(f"  bare pypdfium2 text:          {entry['pdfium']['pages_per_s']:.1f} pages/s"
              f"  -> ratio {entry['ratio_vs_pdfium']:.3f}x")
    ing = results["ingest_generated"]
    print(f"\ningest generated batch: 1 worker {ing['one_worker']['pages_per_s']:.1f} pages/s "
          f"(peak RSS {ing['one_worker']['peak_rss_mb']:.0f} MB)")
    if "all_cores" in ing:
        print(f"                        all cores {ing['all_cores']['pages_per_s']:.1f} pages/s")
    if "ingest_ocr_set" in results:
        o = results["ingest_ocr_set"]
        print(f"OCR-heavy set: 1 worker {o['one_worker_s']:.1f} s, 2 workers {o['two_workers_s']:.1f} s "
              f"-> ratio {o['ratio_2_vs_1']:.2f}")
    for m in results.get("memory", []):
        print(f"memory: {m['documents']} documents in one run, peak RSS {m['peak_rss_mb']:.0f} MB, "
              f"{m['seconds']:.1f} s")
    r = results["citations_recogniser"]
    print(f"citation recogniser: {r['chars_per_s']:,.0f} chars/s ({r['utf8_bytes_per_s'] / 1e6:.2f} MB/s UTF-8) "
          f"over {r['documents']} documents, {r['citations_per_document']:.1f} citations per document")
    if results.get("peer"):
        import peer

        peer.print_result(results["peer"])
    if results.get("eval_totals"):
        print("eval totals: " + ", ".join(f"{k} {v:.3f}" for k, v in results["eval_totals"].items()))
    if results.get("synthetic_scans"):
        import synthetic_scans

        synthetic_scans.print_table(results["synthetic_scans"])


if __name__ == "__main__":
    main()
