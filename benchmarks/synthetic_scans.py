"""Synthetic scans: the gold texts typeset, printed, scanned with damage, and read back by OCR.

Each gold text of ../shared/corpus (text/*.txt with gold/*.json) is typeset to PDF
(samples/make_samples.py), every page rasterised and damaged as an office scanner
and its users do — 200–300 dpi, a skew of up to 1.5°, blur, noise, JPEG, a grey seal
over the signature — and the pages put back into an image-only PDF. The pipeline reads
it through OCR and `kehoach eval`'s scoring compares the result with the gold, beside
the text path (the .txt files) and the typeset PDF's own text layer. The character error
rate compares the OCR'd text with the text layer of the same typeset PDF, both in the
reader's line order.

Deterministic: the damage of a document is drawn from a generator seeded by its name.
The damaged PDFs are cached in benchmarks/.cache/synthetic (remove it to rebuild).

    .venv/bin/python benchmarks/synthetic_scans.py [--only STEM ...]
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import math
import resource
import sys
import time
import zlib
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
CACHE = Path(__file__).resolve().parent / ".cache" / "synthetic"
DPI_RANGE = (200, 300)
MAX_SKEW = 1.5  # degrees
BLUR_RANGE = (0.3, 0.9)  # Gaussian radius, pixels
NOISE_RANGE = (4.0, 12.0)  # grey levels, standard deviation
JPEG_RANGE = (45, 85)  # quality
SEAL_GREY = (120, 170)
SEAL_RADIUS = 52.0  # points (a seal of about 37 mm)
METRICS = ("nodes", "citations", "mentions", "assignments", "metadata")

sys.path.insert(0, str(ROOT / "samples"))


def _rng(name: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(name.encode("utf-8")))


def _seal(draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float, grey: int,
          rng: np.random.Generator) -> None:
    """A round seal: two rings, lettering as short arcs between them, a star in the middle."""
    x, y = centre
    width = max(2, int(radius / 18))
    for r in (radius, radius * 0.72):
        draw.ellipse((x - r, y - r, x + r, y + r), outline=grey, width=width)
    letter = radius * 0.86
    for angle in np.arange(0, 330, 11) + rng.uniform(0, 11):
        a = math.radians(angle)
        dx, dy = math.cos(a), math.sin(a)
        draw.line((x + dx * (letter - radius * 0.07), y + dy * (letter - radius * 0.07),
                   x + dx * (letter + radius * 0.07), y + dy * (letter + radius * 0.07)), fill=grey, width=width)
    star = [(x + math.cos(math.radians(90 + k * 144)) * radius * 0.3,
             y - math.sin(math.radians(90 + k * 144)) * radius * 0.3) for k in range(5)]
    draw.polygon(star, outline=grey, width=width)


def damage_page(image: Image.Image, dpi: int, rng: np.random.Generator,
                seal_at: tuple[float, float] | None = None) -> Image.Image:
    """One clean page image (RGB or grey) as a scan: a grey seal at ``seal_at`` (points), skew,
    blur, noise and JPEG. Returns a grey image of the same size."""
    page = image.convert("L")
    if seal_at is not None:
        scale = dpi / 72.0
        _seal(ImageDraw.Draw(page), (seal_at[0] * scale, seal_at[1] * scale), SEAL_RADIUS * scale,
              int(rng.integers(*SEAL_GREY)), rng)
    page = page.rotate(float(rng.uniform(-MAX_SKEW, MAX_SKEW)), resample=Image.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(float(rng.uniform(*BLUR_RANGE))))
    noisy = np.asarray(page, dtype=np.float32) + rng.normal(0, rng.uniform(*NOISE_RANGE), (page.height, page.width))
    page = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))
    buffer = io.BytesIO()
    page.save(buffer, format="JPEG", quality=int(rng.integers(*JPEG_RANGE)))
    return Image.open(io.BytesIO(buffer.getvalue()))


def _seal_spot(native: bytes) -> tuple[int, tuple[float, float]] | None:
    """Where a seal goes: over the left part of the signer's name, the last right-column line."""
    from kehoach.extractors.pdf import extract_lines

    lines, _pages = extract_lines(native)
    right = [line for line in lines if line.column == "right"]
    if not right or right[-1].page is None:
        return None
    name = right[-1]
    return name.page, (name.x0 + (name.x1 - name.x0) * 0.3, name.top - SEAL_RADIUS * 0.4)


def scan(native: bytes, name: str) -> bytes:
    """The typeset PDF printed and scanned: an image-only PDF with the damage of ``name``'s draw."""
    import pypdfium2 as pdfium

    rng = _rng(name)
    dpi = int(rng.integers(DPI_RANGE[0], DPI_RANGE[1] + 1))
    spot = _seal_spot(native)
    pdf = pdfium.PdfDocument(native)
    pages = []
    try:
        for index in range(len(pdf)):
            clean = pdf[index].render(scale=dpi / 72.0, grayscale=True).to_pil()
            seal = spot[1] if spot and spot[0] == index + 1 else None
            pages.append(damage_page(clean, dpi, rng, seal))
    finally:
        pdf.close()
    out = io.BytesIO()
    pages[0].save(out, format="PDF", resolution=float(dpi), save_all=True, append_images=pages[1:])
    return out.getvalue()


def build(stems: list[str]) -> dict[str, tuple[Path, Path]]:
    """The typeset and the scanned PDF of each gold text (cached)."""
    from make_samples import typeset_text

    CACHE.mkdir(parents=True, exist_ok=True)
    out = {}
    for stem in stems:
        native, scanned = CACHE / f"{stem}.native.pdf", CACHE / f"{stem}.scan.pdf"
        if not native.exists():
            native.write_bytes(typeset_text((SHARED / "text" / f"{stem}.txt").read_text(encoding="utf-8")))
        if not scanned.exists():
            scanned.write_bytes(scan(native.read_bytes(), stem))
        out[stem] = (native, scanned)
    return out


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one row at a time."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def char_errors(hypothesis: list[str], reference: list[str]) -> tuple[int, int]:
    """Character edits from the reference lines to the OCR'd lines, and the reference length:
    lines aligned first, characters (line ends included) counted inside the blocks that differ,
    whitespace collapsed."""
    hyp = [" ".join(t.split()) for t in hypothesis if t.strip()]
    ref = [" ".join(t.split()) for t in reference if t.strip()]
    errors = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, hyp, ref, autojunk=False).get_opcodes():
        if op != "equal":
            errors += edit_distance("".join(t + "\n" for t in hyp[i1:i2]), "".join(t + "\n" for t in ref[j1:j2]))
    return errors, sum(len(t) + 1 for t in ref)


def _totals(result: dict) -> dict:
    return {k: result["totals"][k].get("f1", result["totals"][k].get("accuracy")) for k in METRICS}


def run(stems: list[str] | None = None, jobs: int | None = None) -> dict:
    """Build the scans, read them, score the three paths; the figures `make bench` prints."""
    from kehoach.pipeline import api, readers
    from kehoach.pipeline.evaluate import evaluate, gold_pairs

    pairs = gold_pairs(SHARED)
    stems = stems or [text.stem for text, _gold in pairs]
    files = build(stems)
    options = readers.ReadOptions(ocr_jobs=jobs)
    wanted = set(stems)

    def only(result: dict) -> dict:
        from kehoach.pipeline.evaluate import subtotals

        return {k: v.get("f1", v.get("accuracy")) for k, v in subtotals(result, lambda d: d in wanted).items()}

    text_path = only(evaluate(SHARED))
    typeset = only(evaluate(SHARED, extractor=lambda p: api.extract(files[p.stem][0]) if p.stem in wanted
                            else api.extract(p)))
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    scanned: dict[str, object] = {}
    ocr_pages = 0
    errors = length = 0
    for stem in stems:
        raw = readers.read_document(files[stem][1], options)
        ocr_pages += raw.pages or 0
        reference = readers.read_document(files[stem][0])
        e, n = char_errors([line.text for line in raw.lines], [line.text for line in reference.lines])
        errors, length = errors + e, length + n
        scanned[stem] = raw
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime for a, b in zip(after, before))
    from kehoach.pipeline import stages

    ocr_path = only(evaluate(SHARED, extractor=lambda p: stages.build_document(scanned[p.stem])
                             if p.stem in wanted else api.extract(p)))
    return {
        "documents": len(stems), "ocr_pages": ocr_pages,
        "text_path": text_path, "typeset_pdf": typeset, "ocr_path": ocr_path,
        "ocr_minus_text": {k: ocr_path[k] - text_path[k] for k in METRICS},
        "character_error_rate": errors / max(1, length),
        "ocr_cpu_s_per_page": cpu / max(1, ocr_pages), "ocr_wall_s_per_page": wall / max(1, ocr_pages),
    }


def print_table(result: dict) -> None:
    print(f"\n[synthetic scans] {result['documents']} gold documents, {result['ocr_pages']} pages "
          "typeset, damaged and read back by OCR")
    print(f"  {'metric':<12}{'text':>8}{'typeset':>9}{'OCR':>8}{'OCR-text':>10}")
    for k in METRICS:
        print(f"  {k:<12}{result['text_path'][k]:>8.3f}{result['typeset_pdf'][k]:>9.3f}"
              f"{result['ocr_path'][k]:>8.3f}{result['ocr_minus_text'][k]:>+10.3f}")
    print(f"  character error rate (OCR vs the typeset text layer): {result['character_error_rate']:.2%}")
    print(f"  OCR: {result['ocr_cpu_s_per_page']:.2f} CPU s per page "
          f"({result['ocr_wall_s_per_page']:.2f} s wall per page)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="gold stems to run (default: all)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not (SHARED / "gold").is_dir():
        sys.exit("synthetic_scans: ../shared/corpus is not present beside the project")
    result = run(args.only)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
