"""Registry at scale (not a test): build a registry of N generated plans, time the queries.

Plans are generated from the committed registry fixtures (tests/data/registry_fixture*.json)
and, when ../shared/corpus is present, paragraphs of the corpus texts: varied numbers,
issuers (500 communes/wards), dates (2021–2026), cited documents (a pool of 3,000 refs,
a few of them popular such as 33/CT-TTg) and units (per-commune units, plus a few shared
by every plan). Each plan is loaded with ``registry.load`` (one transaction each).

Reports: load rate, file size per document, and the median / p95 latency of
``queries.cites`` and ``queries.tasks(unit=...)`` (target < 50 ms median), for typical
and for popular refs/units, of the status report and of recording a correction, plus
the median wall time of the ``kehoach`` CLI itself.

Usage: .venv/bin/python benchmarks/registry_scale.py [--docs 20000] [--db PATH] [--samples 200]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kehoach.extractors.keys import unit_key
from kehoach.pipeline import correction_store, queries, registry, status
from kehoach.schemas.models import PlanDocument

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "data").glob("registry_fixture*.json"))
CORPUS_TEXT = ROOT.parent / "shared" / "corpus" / "text"

LOCALITIES = 500
REF_POOL = 3000
POPULAR_REFS = ["33/CT-TTg", "25-NQ/TW", "57-NQ/TW", "18-CT/TW"]
UNIT_KINDS = ["Phòng Văn hóa - Xã hội", "Phòng Kinh tế, Hạ tầng và Đô thị", "Văn phòng HĐND và UBND",
              "Trung tâm phục vụ hành chính công", "Công an", "Ban Chỉ huy Quân sự", "Trạm Y tế",
              "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Hội Nông dân",
              "Hội Cựu chiến binh", "Trường Tiểu học", "Trường Trung học cơ sở", "Phòng Nội vụ"]
SHARED_UNITS = ["Các phòng, đơn vị sự nghiệp thuộc phường", "Các cơ quan, đơn vị liên quan"]
DOC_TYPES = [("Kế hoạch", "KH"), ("Quyết định", "QĐ"), ("Chỉ thị", "CT"), ("Thông báo", "TB")]
CITED_TYPES = [("Chỉ thị", "CT-TTg", "Thủ tướng Chính phủ"), ("Nghị quyết", "NQ/TW", "Bộ Chính trị"),
               ("Quyết định", "QĐ-UBND", "Ủy ban nhân dân tỉnh"), ("Nghị định", "NĐ-CP", "Chính phủ"),
               ("Kết luận", "KL/TW", "Ban Bí thư"), ("Thông tư", "TT-BNV", "Bộ Nội vụ")]


def paragraphs() -> list[str]:
    """Corpus-like paragraphs: the corpus texts' paragraphs if present, else the fixtures' node texts."""
    out: list[str] = []
    if CORPUS_TEXT.is_dir():
        for path in sorted(CORPUS_TEXT.glob("*.txt")):
            block: list[str] = []
            for line in path.read_text(encoding="utf-8").splitlines() + [""]:
                if line.strip():
                    block.append(line.strip())
                elif block:
                    text = " ".join(block)
                    if len(text) > 80:
                        out.append(text)
                    block = []
    for path in FIXTURES:
        out += [n["text"] for n in json.loads(path.read_text(encoding="utf-8"))["nodes"] if n.get("text")]
    return out


def cited_pool(rng: random.Random) -> list[dict]:
    pool = []
    for i in range(REF_POOL):
        doc_type, symbol, issuer = CITED_TYPES[i % len(CITED_TYPES)]
        year = 2013 + i % 13
        number = 1 + i // len(CITED_TYPES)
        sep = "-" if "/" in symbol else "/"
        ref = f"{number}{sep}{symbol}" if sep == "-" else f"{number}/{year}/{symbol}" if symbol == "NĐ-CP" \
            else f"{number}/{symbol}"
        pool.append({"ref": ref, "doc_type": doc_type, "number": str(number), "year": year, "symbol": symbol,
                     "date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}", "issuer": issuer})
    for ref in POPULAR_REFS:  # the fixtures' refs, cited by many plans
        number, symbol = ref.replace("-", "/", 1).split("/", 1) if "-" in ref.split("/")[0] else ref.split("/", 1)
        pool.append({"ref": ref, "doc_type": "Chỉ thị" if "CT" in ref else "Nghị quyết", "number": number,
                     "year": 2021, "symbol": symbol, "date": "2021-11-26",
                     "issuer": "Thủ tướng Chính phủ" if "TTg" in ref else "Ban Chấp hành Trung ương Đảng"})
    return pool


def make_plan(i: int, rng: random.Random, texts: list[str], pool: list[dict]) -> PlanDocument:
    locality = f"xã Số {i % LOCALITIES}"
    issuer = f"Ủy ban nhân dân {locality}"
    doc_type, code = DOC_TYPES[i % len(DOC_TYPES)]
    year = 2021 + i % 6
    date = f"{year}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
    nodes: list[dict] = []
    citations: list[dict] = []
    assignments: list[dict] = []
    cited = rng.sample(pool[:REF_POOL], rng.randint(2, 5))
    if rng.random() < 0.25:
        cited.append(rng.choice(pool[REF_POOL:]))

    def add(node_id, parent, kind, text, task=False, heading=None):
        nodes.append({"id": node_id, "parent": parent, "kind": kind, "text": text, "task": task,
                      "heading": heading or text[:60], "marker": None if kind == "pseudo" else node_id.split(".")[-1]})

    def cite(node_id, text, c):
        span = f"{c['doc_type']} số {c['ref']}"
        text = f"{text} Thực hiện {span}."
        start = text.index(span)
        citations.append({"node": node_id, "text": span, "start": start, "end": start + len(span),
                          "relation": "implements", **c})
        return text

    pre = "Thực hiện các văn bản chỉ đạo của cấp trên."
    for c in cited[:2]:
        pre = cite("preamble", pre, c)
    add("preamble", None, "pseudo", pre)
    for s, section in enumerate(("I", "II", "III"), start=1):
        add(section, None, "section", f"{section}. {['MỤC ĐÍCH, YÊU CẦU', 'NHIỆM VỤ', 'TỔ CHỨC THỰC HIỆN'][s - 1]}")
        for k in range(1, rng.randint(4, 7)):
            node_id = f"{section}.{k}"
            text = f"{k}. {rng.choice(texts)}"
            if section == "II" and k <= len(cited) - 2:
                text = cite(node_id, text, cited[k + 1])
            if section == "III":
                kind = UNIT_KINDS[(k + i) % len(UNIT_KINDS)]
                unit = f"{kind} {locality}"
                text = f"{k}. {unit}"
                add(node_id, section, "item", text, task=False, heading=unit)
                deadline = f"{year}-12-{10 + rng.randrange(20)}" if rng.random() < 0.5 else None
                assignments.append({"node": node_id, "unit": unit, "unit_id": unit_key(unit), "role": "lead",
                                    "deadline": deadline, "deadline_text": None})
                for letter in "abc"[: rng.randint(1, 3)]:
                    add(f"{node_id}.{letter}", node_id, "item", f"{letter}) {rng.choice(texts)}", task=True)
                continue
            add(node_id, section, "item", text, task=section == "II")
    shared = SHARED_UNITS[i % len(SHARED_UNITS)]
    assignments.append({"node": "III.1", "unit": shared, "unit_id": unit_key(shared), "role": "support",
                        "deadline": None, "deadline_text": None})
    body = json.dumps(nodes, ensure_ascii=False) + str(i)
    return PlanDocument.model_validate({
        "source": {"path": f"generated/{i:05d}.txt", "sha256": hashlib.sha256(body.encode()).hexdigest(),
                   "format": "txt"},
        "metadata": {"doc_type": doc_type, "number": f"{1 + i // LOCALITIES}/{code}-UBND", "issuer": issuer,
                     "date": date, "title": f"{doc_type} công tác dân vận năm {year}",
                     "recipients": ["Thường trực Đảng ủy", "Lưu: VT"]},
        "nodes": nodes, "citations": citations, "assignments": assignments,
    })


def timed(fn, samples) -> tuple[float, float, float]:
    """(median ms, p95 ms, mean rows) over the samples."""
    times, rows = [], []
    for arg in samples:
        start = time.perf_counter()
        result = fn(arg)
        times.append((time.perf_counter() - start) * 1000)
        rows.append(len(result))
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], statistics.mean(rows)


def timed_corrections(db_path: Path, rng: random.Random, docs: int) -> tuple[float, float, float]:
    """A task marked done on 20 random plans, each one transaction that re-applies the plan's corrections."""
    db = registry.open_db(db_path)
    try:
        ids = rng.sample(range(1, docs + 1), min(20, docs))
        nodes = dict(db.execute(f"SELECT document_id, min(node_id) FROM nodes WHERE document_id IN "
                                f"({', '.join(map(str, ids))}) AND task = 1 GROUP BY document_id").fetchall())
        return timed(lambda i: [correction_store.record(db, i, "status", nodes[i], status="done")],
                     [i for i in ids if i in nodes])
    finally:
        db.conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--db", type=Path, default=None, help="registry file (default: a temporary one)")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    db_path = args.db or Path(tempfile.mkdtemp(prefix="kehoach-scale-")) / "registry.db"
    rng = random.Random(args.seed)
    texts, pool = paragraphs(), cited_pool(rng)

    db = registry.open_db(db_path)
    start = time.perf_counter()
    for i in range(args.docs):
        registry.load(db, make_plan(i, rng, texts, pool))
        if (i + 1) % 2000 == 0:
            print(f"  {i + 1} documents, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    load_s = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    counts = registry.counts(db)
    db.conn.close()
    size = db_path.stat().st_size

    ro = queries.open_readonly(db_path)
    sample_refs = [c["ref"] for c in rng.sample(pool[:REF_POOL], args.samples)]
    sample_units = [f"{rng.choice(UNIT_KINDS)} xã Số {rng.randrange(LOCALITIES)}" for _ in range(args.samples)]
    results = {
        "cites (typical ref)": timed(lambda r: queries.cites(ro, r), sample_refs),
        "cites (popular ref, 33/CT-TTg)": timed(lambda r: queries.cites(ro, r), ["33/CT-TTg"] * 20),
        "tasks --unit (typical unit)": timed(lambda u: queries.tasks(ro, unit=u), sample_units),
        "tasks --unit (spelling variant)": timed(
            lambda u: queries.tasks(ro, unit=u.replace("Văn hóa", "Văn hoá").replace(" - ", " – ")),
            [u for u in sample_units if "Văn hóa" in u] or sample_units[:10]),
        "tasks --unit (shared by every plan)": timed(lambda u: queries.tasks(ro, unit=u), [SHARED_UNITS[0]] * 5),
        "search \"dan van\" (limit 20)": timed(lambda q: queries.search(ro, q), ['"dan van"'] * 10),
        "status --unit (typical unit)": timed(lambda u: status.report(ro, unit=u), sample_units[:50]),
        "status (every unit)": timed(lambda _: status.report(ro), [None] * 3),
    }
    results["correct (record + re-apply, one plan)"] = timed_corrections(db_path, rng, args.docs)
    cli = []
    for ref in sample_refs[:5]:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kehoach", "cites", ref, "--db", str(db_path), "-f", "json"],
                       check=True, capture_output=True)
        cli.append((time.perf_counter() - start) * 1000)

    print(f"registry: {db_path}")
    print(f"documents: {counts['documents']:,}  nodes: {counts['nodes']:,}  citations: {counts['citations']:,}  "
          f"assignments: {counts['assignments']:,}  legal_documents: {counts['legal_documents']:,}  "
          f"units: {counts['units']:,}")
    print(f"load: {load_s:.0f} s ({args.docs / load_s:.0f} documents/s, one transaction each)")
    print(f"file size: {size / 1e6:.1f} MB, {size / args.docs / 1024:.1f} KiB per document")
    print(f"{'query':<40} {'median ms':>10} {'p95 ms':>8} {'rows':>8}")
    for name, (median, p95, rows) in results.items():
        print(f"{name:<40} {median:>10.2f} {p95:>8.2f} {rows:>8.1f}")
    print(f"{'kehoach cites (CLI process, wall)':<40} {statistics.median(cli):>10.0f}")


if __name__ == "__main__":
    main()
