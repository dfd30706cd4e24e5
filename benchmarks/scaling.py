"""`make bench`, scaling part: local pool against Dask on one machine, the writer's rate, unit costs.

Not a test: it measures and prints. Everything docs/SCALING.md states comes from here
(and from registry_scale.py for a registry of 20,000 documents):

- the same two batches ingested by `kehoach ingest --workers 2` and by `kehoach ingest
  --scheduler` on a fresh cluster of two single-thread workers (`dask scheduler` and `dask
  worker`, as `make cluster` starts them), alternated, best of ROUNDS each: 200 text documents
  (../shared/corpus/bulk, or copies of the sample texts) and an OCR set (the first 30 pages' worth
  of ../shared/corpus/pdf/more, real office PDFs, nearly all scans; or scans made from the samples);
- the writer alone: plans extracted beforehand, then loaded one transaction each (documents/s);
  and the CPU the `kehoach ingest` process itself spends per document on the cluster (it only
  receives and loads), which is where the one writer saturates;
- unit costs on one core: native PDF reading per page, OCR per page (the OCR set's first pages),
  the text stages per document.

Writes benchmarks/scaling.json and prints a table.
Usage: .venv/bin/python benchmarks/scaling.py [--rounds 2] [--text-docs 200]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from kehoach.pipeline import api, cluster, readers, registry, stages

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
RESULTS = Path(__file__).resolve().parent / "scaling.json"
SECONDS_PER_DAY = 86_400

sys.path.insert(0, str(ROOT / "samples"))

# The national arithmetic's assumptions (issue 16): a third of documents are scans; pages per
# document as in the corpus PDFs (29 pages over 7 documents); cores busy 70% of the day.
SCAN_SHARE = 1 / 3
PAGES_PER_DOCUMENT = 4.0
UTILISATION = 0.7
DOCUMENTS_PER_DAY = 1_000_000
OCR_SAMPLE_PAGES = 12  # pages OCR'd on one core for the cost per page
OCR_SET_PAGES = 30  # pages in the OCR set of the comparison


def text_batch(folder: Path, count: int) -> list[Path]:
    """``count`` distinct text documents: real bulk texts, else numbered copies of the samples."""
    sources = sorted((SHARED / "bulk").glob("*.txt")) or sorted((ROOT / "samples" / "source").glob("*.txt"))
    folder.mkdir(parents=True)
    for i in range(count):
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        suffix = f"\n(bản sao {i})\n" if i >= len(sources) else ""
        (folder / f"{i:04d}.txt").write_text(text + suffix, encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def ocr_set(folder: Path) -> list[Path]:
    """Real office PDFs, mostly scans (../shared/corpus/pdf/more); without them, scans of the samples."""
    real = sorted((SHARED / "pdf" / "more").glob("*.pdf"))
    if real:
        chosen = []
        for path in real:  # the first OCR_SET_PAGES pages' worth: minutes, not a quarter hour
            chosen.append(path)
            if sum(len(pdfium.PdfDocument(p)) for p in chosen) >= OCR_SET_PAGES:
                break
        return chosen
    from make_samples import scan_pdf

    folder.mkdir(parents=True)
    return [scan_pdf(source, folder / f"scan-{source.name}")
            for source in sorted((ROOT / "samples" / "pdf").glob("*.pdf"))]


def ingest_cli(paths: list[Path], *args: str) -> dict:
    """`kehoach ingest` into a fresh registry: wall time, and the CPU of that process and its children."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "kehoach", "ingest", *map(str, paths), "--db", str(Path(tmp) / "r.db"),
               "--no-progress", *args]
        # A fresh wrapper, so that RUSAGE_CHILDREN covers this run alone.
        wrapper = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True, "
                   "text=True); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
                   "print(p.returncode, u.ru_utime + u.ru_stime); print(p.stdout.strip().splitlines()[-1])")
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, check=False)
        seconds = time.perf_counter() - started
    status, cpu = proc.stdout.splitlines()[0].split()
    return {"seconds": seconds, "exit": int(status), "cpu_s": float(cpu), "tail": proc.stdout.splitlines()[1]}


def tree_cpu(pids: list[int]) -> float:
    """CPU seconds spent so far by these processes, their live descendants and the reaped ones."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            for process in [root, *root.children(recursive=True)]:
                times = process.cpu_times()
                total += times.user + times.system + times.children_user + times.children_system
        except psutil.NoSuchProcess:
            continue
    return total


def compare(paths: list[Path], rounds: int, scratch: Path) -> dict:
    """Local pool (2 workers) against a fresh two-worker Dask cluster, alternated.

    Wall time is what a user waits; on a machine shared with other work it is noisy, so the CPU
    of every process involved (the ingest and its children; on Dask also the scheduler, the
    workers and their readers during the run) is counted too: extra CPU is Dask's real cost.
    """
    local, dask, starts = [], [], []
    for i in range(rounds):
        local.append(ingest_cli(paths, "--workers", "2"))
        folder = scratch / f"cluster-{i}-{time.monotonic_ns()}"
        folder.mkdir()
        started = time.perf_counter()
        with cluster.local_processes(folder, workers=2) as running:
            starts.append(time.perf_counter() - started)
            pids = [p.pid for p in (running.scheduler, *running.workers)]
            before = tree_cpu(pids)
            run = ingest_cli(paths, "--scheduler", running.address)
            run["cluster_cpu_s"] = tree_cpu(pids) - before
            dask.append(run)
    best = {name: min(r["seconds"] for r in runs) for name, runs in (("local", local), ("dask", dask))}
    cpu_local = min(r["cpu_s"] for r in local)
    cpu_dask = min(r["cpu_s"] + r["cluster_cpu_s"] for r in dask)
    return {"documents": len(paths), "local": local, "dask": dask, "cluster_start_s": starts,
            "overhead": best["dask"] / best["local"] - 1, "cpu_overhead": cpu_dask / cpu_local - 1,
            # On the cluster the ingest process only receives results and writes: its CPU per document
            # (process start included) bounds the one writer's rate, whatever feeds it.
            "writer_cpu_ms_per_document": 1000 * min(r["cpu_s"] for r in dask) / len(paths)}


def writer_rate(paths: list[Path], scratch: Path) -> dict:
    """Extract in this process (one core), then time the loads alone; registry size per document."""
    plans, text_stages = [], 0.0
    for path in paths:
        t0 = time.perf_counter()
        plans.append(api.extract(path))
        text_stages += time.perf_counter() - t0
    db_path = scratch / "writer.db"
    db = registry.open_db(db_path)
    t0 = time.perf_counter()
    for plan in plans:
        registry.load(db, plan)
    load_s = time.perf_counter() - t0
    db.conn.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"documents": len(plans), "extract_ms_per_document": 1000 * text_stages / len(plans),
            "load_ms_per_document": 1000 * load_s / len(plans), "load_documents_per_s": len(plans) / load_s,
            "registry_kib_per_document": db_path.stat().st_size / 1024 / len(plans)}


def page_costs(ocr_files: list[Path]) -> dict:
    """One core: native reading per page (corpus native PDFs, else the samples), OCR per page, text stages."""
    from kehoach.extractors import ocr

    native = sorted((SHARED / "pdf").glob("native_*.pdf")) or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
    options = readers.ReadOptions(ocr=False)
    pages = 0
    read_s = build_s = 0.0
    for path in native:
        t0 = time.perf_counter()
        raw = readers.read_document(path, options)
        t1 = time.perf_counter()
        stages.build_document(raw)
        build_s += time.perf_counter() - t1
        read_s += t1 - t0
        pages += raw.pages or 1
    ocr_pages = 0
    ocr_s = 0.0
    if not ocr.ocr_unavailable_reason():
        for path in ocr_files:
            if ocr_pages >= OCR_SAMPLE_PAGES:
                break
            data = path.read_bytes()
            count = len(pdfium.PdfDocument(data))
            t0 = time.perf_counter()
            ocr.ocr_pages(data, list(range(1, count + 1)), jobs=1)
            ocr_s += time.perf_counter() - t0
            ocr_pages += count
    return {"native_pages": pages, "native_read_ms_per_page": 1000 * read_s / pages,
            "pdf_text_stages_ms_per_document": 1000 * build_s / len(native),
            "ocr_pages": ocr_pages, "ocr_s_per_page": ocr_s / ocr_pages if ocr_pages else None}


def national_plan(results: dict) -> dict:
    """Cores for DOCUMENTS_PER_DAY, from the measured unit costs and the assumptions above."""
    costs, writer = results["page_costs"], results["writer"]
    text_s = writer["extract_ms_per_document"] / 1000  # a text document end to end, one core
    native_s = PAGES_PER_DOCUMENT * costs["native_read_ms_per_page"] / 1000 + costs[
        "pdf_text_stages_ms_per_document"] / 1000
    scan_s = PAGES_PER_DOCUMENT * (costs["ocr_s_per_page"] or 0) + costs["pdf_text_stages_ms_per_document"] / 1000
    per_document = SCAN_SHARE * scan_s + (1 - SCAN_SHARE) * native_s
    cpu_s_per_day = DOCUMENTS_PER_DAY * per_document
    overhead = max(0.0, results["ocr"]["cpu_overhead"])  # Dask's extra CPU on OCR work (wall time is noisier)
    rate = DOCUMENTS_PER_DAY / SECONDS_PER_DAY
    writer_ceiling = 1000 / max(writer["load_ms_per_document"], results["text"]["writer_cpu_ms_per_document"])
    return {"documents_per_day": DOCUMENTS_PER_DAY, "scan_share": SCAN_SHARE, "pages_per_document":
            PAGES_PER_DOCUMENT, "utilisation": UTILISATION, "cpu_s_per_text_document": text_s,
            "cpu_s_per_native_document": native_s, "cpu_s_per_scanned_document": scan_s,
            "cpu_s_per_document_mix": per_document, "cpu_hours_per_day": cpu_s_per_day / 3600,
            "cores_needed": cpu_s_per_day * (1 + overhead) / (SECONDS_PER_DAY * UTILISATION),
            "dask_cpu_overhead_applied": overhead,
            "average_documents_per_s": rate, "writer_ceiling_documents_per_s": writer_ceiling,
            "writer_busy_share": rate / writer_ceiling,
            "registry_gib_per_day": DOCUMENTS_PER_DAY * writer["registry_kib_per_document"] / 1024 ** 2}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--text-docs", type=int, default=200)
    parser.add_argument("--replan", action="store_true", help="only redo the plan from scaling.json")
    args = parser.parse_args()
    if args.replan:
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
        results["plan"] = national_plan(results)
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print_table(results)
        return
    results: dict = {"when": time.strftime("%Y-%m-%d %H:%M")}
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        texts = text_batch(scratch / "texts", args.text_docs)
        scans = ocr_set(scratch / "scans")
        results["text"] = compare(texts, args.rounds, scratch)
        results["ocr"] = compare(scans, args.rounds, scratch)
        results["ocr"]["pages"] = sum(len(pdfium.PdfDocument(p)) for p in scans)
        results["writer"] = writer_rate(texts, scratch)
        results["page_costs"] = page_costs(scans)
    results["plan"] = national_plan(results)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(results)


def print_table(results: dict) -> None:
    print(f"\nscaling ({results['when']}): local pool (2 workers) vs Dask (2 workers, same machine)")
    for name in ("text", "ocr"):
        r = results[name]
        local = " / ".join(f"{x['seconds']:.1f}" for x in r["local"])
        dask = " / ".join(f"{x['seconds']:.1f}" for x in r["dask"])
        print(f"  {name:<5} {r['documents']:>4} documents: local {local} s, Dask {dask} s "
              f"-> Dask overhead {100 * r['overhead']:+.1f}% wall, {100 * r['cpu_overhead']:+.1f}% CPU "
              f"(best of each; cluster start {min(r['cluster_start_s']):.1f} s, not counted)")
    print(f"  the ingest process on the cluster (receive + load): {results['text']['writer_cpu_ms_per_document']:.1f}"
          f" ms CPU per text document")
    w, c, p = results["writer"], results["page_costs"], results["plan"]
    print(f"writer alone: {w['load_ms_per_document']:.1f} ms per document = {w['load_documents_per_s']:.0f} "
          f"documents/s; registry {w['registry_kib_per_document']:.1f} KiB per document")
    print(f"one core: text document {w['extract_ms_per_document']:.0f} ms; native PDF "
          f"{c['native_read_ms_per_page']:.0f} ms/page read + {c['pdf_text_stages_ms_per_document']:.0f} ms "
          f"text stages per document; OCR {c['ocr_s_per_page'] or float('nan'):.2f} s/page")
    print(f"plan: {p['documents_per_day']:,} documents/day ({p['average_documents_per_s']:.1f}/s), "
          f"{p['cpu_hours_per_day']:,.0f} CPU-hours/day -> {p['cores_needed']:,.0f} worker cores at "
          f"{100 * p['utilisation']:.0f}% busy; writer busy {100 * p['writer_busy_share']:.0f}% "
          f"(ceiling {p['writer_ceiling_documents_per_s']:.0f} documents/s); registry grows "
          f"{p['registry_gib_per_day']:.1f} GiB/day")


if __name__ == "__main__":
    main()
