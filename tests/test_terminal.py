"""What the terminal shows: ingest's lines and progress (rich's recording console and a real pty),
ignored and converted .doc files, markup kept as text, quiet broken pipes, and `eval --min`."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from kehoach.pipeline.batch import BatchReport, Entry
from kehoach.pipeline.render import IngestView, render

LETTER = ("ỦY BAN NHÂN DÂN\nXÃ LƯƠNG MINH\nKẾ HOẠCH\nTổ chức hội nghị đối thoại\n\nI. NHIỆM VỤ\n"
          "1. Phòng Văn hóa - Xã hội chủ trì tổ chức hội nghị đối thoại với Nhân dân.\n")


def recording_console() -> Console:
    return Console(record=True, force_terminal=True, width=160, file=io.StringIO(), highlight=False)


# --- ingest's view, recorded --------------------------------------------------------

def test_the_bar_names_the_file_being_read_and_its_ocr_pages():
    console = recording_console()
    with IngestView(True, console=console) as view:
        view.planned(2)
        view.progress("in/[draft] scan.pdf", "reading")
        view.progress("in/[draft] scan.pdf", "OCR of 80 of 80 pages")
        view.progress("in/letter.txt", "reading")
        task = view._bar.tasks[0]
        assert task.description == "[draft] scan.pdf (OCR of 80 of 80 pages), letter.txt"
        view.entry(Entry("in/letter.txt", "loaded", "4 nodes, 1 citations, 2 assignments", 0.4,
                         ["no document number in the header"]))
        assert view._bar.tasks[0].description == "[draft] scan.pdf (OCR of 80 of 80 pages)"
        assert (task.completed, task.total) == (1, 2)


def test_one_line_per_file_with_its_warnings_on_a_terminal():
    console = recording_console()
    report = BatchReport(seconds=2.0)
    with IngestView(True, console=console) as view:
        view.planned(1)
        for entry in (Entry("in/[phòng] scan.pdf", "loaded", "9 nodes (ocr text)", 1.0,
                            ["pages 1-3 read by OCR (no text layer)", "no date in the header"]),
                      Entry("in/old.doc", "ignored", "legacy Word (.doc) — save as .docx, or install LibreOffice "
                                                     "to have it converted")):
            view.entry(entry)
            report.entries.append(entry)
    view.summary(report, "r.db")
    text = console.export_text()
    assert "loaded   in/[phòng] scan.pdf: 9 nodes (ocr text)\n" \
           "         warning: pages 1-3 read by OCR (no text layer)\n" \
           "         warning: no date in the header\n" in text
    assert "ignored  in/old.doc: legacy Word (.doc) — save as .docx, or install LibreOffice to have it converted" in text
    assert "1 loaded, 0 skipped, 0 failed, 1 ignored in 2.0 s → r.db" in text


def test_plain_lines_in_a_pipe():
    out, err = io.StringIO(), io.StringIO()
    view = IngestView(False, out=out, err=err)
    view.entry(Entry("a.txt", "loaded", "1 nodes", 0.1, ["no date in the header"]))
    view.entry(Entry("b.pdf", "failed", "not a PDF"))
    assert out.getvalue() == "loaded   a.txt: 1 nodes\n         warning: no date in the header\n"
    assert err.getvalue() == "failed   b.pdf: not a PDF\n"


# --- a real terminal -------------------------------------------------------------------

def run_in_pty(args: list[str], env: dict, timeout: float = 300) -> str:
    """Run kehoach with a pseudo-terminal as stdout and stderr; everything it wrote."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kehoach", *args], stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=slave, env={**os.environ, "COLUMNS": "200", **env})
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(master)
    return b"".join(chunks).decode("utf-8", errors="replace").replace("\r\n", "\n")


def test_ingest_on_a_terminal_lists_files_warnings_and_ignored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ke-hoach.txt").write_text(LETTER, encoding="utf-8")
    (folder / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    (folder / "bang.xlsx").write_bytes(b"PK not read")
    screen = run_in_pty(["ingest", str(folder), "--db", str(tmp_path / "r.db"), "--workers", "1"],
                        {"KEHOACH_SOFFICE": ""})
    assert f"loaded   {folder / 'ke-hoach.txt'}: " in screen
    assert "warning: no document number in the header" in screen and "warning: no date in the header" in screen
    assert (f"ignored  {folder / 'cu.doc'}: legacy Word (.doc) — save as .docx, or install LibreOffice to have "
            "it converted") in screen
    assert f"ignored  {folder / 'bang.xlsx'}: not a document kehoach reads (.xlsx;" in screen
    assert "1 loaded, 0 skipped, 0 failed, 2 ignored" in screen


FAKE_SOFFICE = """#!{python}
# Stands in for LibreOffice: "converts" by copying a prepared .docx into --outdir.
import shutil, sys
from pathlib import Path
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
shutil.copy({docx!r}, out / (Path(args[-1]).stem + ".docx"))
"""


def test_a_doc_is_converted_when_libreoffice_is_there(tmp_path, run_cli):
    from docx import Document

    docx = tmp_path / "made.docx"
    document = Document()
    for line in LETTER.splitlines():
        document.add_paragraph(line)
    document.save(docx)
    soffice = tmp_path / "soffice"
    soffice.write_text(FAKE_SOFFICE.format(python=sys.executable, docx=str(docx)), encoding="utf-8")
    soffice.chmod(0o755)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ke-hoach.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    db = tmp_path / "r.db"
    env = {**os.environ, "KEHOACH_SOFFICE": str(soffice)}
    result = subprocess.run([sys.executable, "-m", "kehoach", "ingest", str(folder), "--db", str(db)],
                            capture_output=True, text=True, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "warning: converted from legacy Word (.doc) by LibreOffice" in result.stdout
    docs = json.loads(run_cli("docs", "--db", str(db), "-f", "json").stdout)
    assert [(d["path"], d["nodes"]) for d in docs] == [(str(folder / "ke-hoach.doc"), 3)]  # title, I, I.1


def test_a_doc_named_on_the_command_line_without_libreoffice_fails_with_the_hint(tmp_path):
    doc = tmp_path / "cu.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    result = subprocess.run([sys.executable, "-m", "kehoach", "ingest", str(doc), "--db", str(tmp_path / "r.db")],
                            capture_output=True, text=True, env={**os.environ, "KEHOACH_SOFFICE": ""}, timeout=300,
                            check=False)
    assert result.returncode == 1
    assert f"failed   {doc}: legacy Word (.doc) — save as .docx, or install LibreOffice" in result.stderr


# --- tables, pipes, eval -----------------------------------------------------------------

@pytest.mark.parametrize("value", ["…thành lập [phòng] Văn hóa…", "[bold]không đậm[/bold]", "[/]", "a [red]b"])
def test_table_cells_are_never_markup(value):
    stream = io.StringIO()
    render([{"snippet": value, "node_id": "II.1"}], "table", title="Search: [phòng]", stream=stream)
    assert value in stream.getvalue()
    assert "Search: [phòng]" in stream.getvalue()


@pytest.mark.parametrize("command", [["export", "--format", "jsonl"], ["export", "--format", "csv"],
                                     ["tasks", "--format", "json"], ["docs", "--format", "csv"]])
def test_a_closed_pipe_ends_quietly(samples_db, command):
    """`kehoach export | head`: the reader leaves after a few bytes; no traceback, no "Broken pipe"."""
    proc = subprocess.Popen([sys.executable, "-m", "kehoach", *command, "--db", str(samples_db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == ""


@pytest.fixture
def tiny_corpus(tmp_path, shared_corpus) -> Path:
    """One gold document of the corpus, and a copy of it whose gold has one node the text lacks."""
    stem = "00_ubnd-phuong-gia-vien-ke-hoach-dan-van-2025"
    (tmp_path / "text").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(shared_corpus / "text" / f"{stem}.txt", tmp_path / "text" / f"{stem}.txt")
    gold = json.loads((shared_corpus / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    gold["nodes"].append({"id": "IX", "heading": "KHÔNG CÓ TRONG VĂN BẢN"})
    (tmp_path / "gold" / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("minimums,code,message", [
    pytest.param([], 0, "", id="no-minimum"),
    pytest.param(["--min", "nodes=0.9", "--min", "assignments=0.9"], 0, "", id="above"),
    pytest.param(["--min", "nodes=0.99", "--min", "assignments=0.9"], 1, "kehoach: nodes 0.9796 is below the minimum 0.99", id="nodes-below"),
    pytest.param(["--min", "node=0.9"], 2, "kehoach: --min: 'node=0.9': expected FIGURE=VALUE", id="unknown-figure"),
    pytest.param(["--min", "nodes=high"], 2, "is not a number", id="not-a-number"),
])
def test_eval_min(tiny_corpus, run_cli, minimums, code, message):
    result = run_cli("eval", str(tiny_corpus), "--json", *minimums)
    assert result.returncode == code, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    if code != 2:
        assert json.loads(result.stdout)["totals"]["nodes"]["recall"] < 1


def image_only_pdf(path: Path) -> Path:
    """One page, a picture of a few words and no text layer (a scan)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 1754), 255)
    ImageDraw.Draw(image).text((100, 100), "KE HOACH TRIEN KHAI", fill=0)
    jpeg = path.with_suffix(".jpg")
    image.save(jpeg, format="JPEG")
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    picture = pdfium.PdfImage.new(pdf)
    picture.load_jpeg(str(jpeg))
    picture.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(picture)
    page.gen_content()
    pdf.save(str(path))
    return path


def test_workers_report_the_file_taken_and_its_ocr_pages(tmp_path):
    """What the progress bar is fed: "reading" when a worker takes a file, then the reader's news."""
    from kehoach.extractors import ocr
    from kehoach.pipeline.worker import WorkerPool

    if ocr.ocr_unavailable_reason():
        pytest.skip(ocr.ocr_unavailable_reason())
    text = tmp_path / "ke-hoach.txt"
    text.write_text(LETTER, encoding="utf-8")
    scan = image_only_pdf(tmp_path / "scan.pdf")
    events: list[tuple[str, str]] = []
    with WorkerPool(1, timeout=300) as pool:
        outcomes = list(pool.map([str(text), str(scan)], on_progress=lambda path, what: events.append((path, what))))
    assert [o.path for o in outcomes] == [str(text), str(scan)]
    assert events == [(str(text), "reading"), (str(scan), "reading"), (str(scan), "OCR of 1 of 1 pages")]
