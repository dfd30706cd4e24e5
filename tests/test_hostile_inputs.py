"""Hostile and broken input: one line each, a non-zero exit, never a hang, the registry untouched.

Every file is made here, in tmp_path, from raw bytes, reportlab or pypdfium2.
Each case runs the real `kehoach ingest` in a subprocess (real exit status and
streams) against a registry that already holds one good document.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

import pytest

from .conftest import SAMPLES

GOOD_TEXT = (
    "ỦY BAN NHÂN DÂN\nXÃ GIA VIÊN\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện công tác dân vận năm 2025\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao hiệu quả công tác dân vận.\nII. NHIỆM VỤ\n"
    "1. Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp với các đơn vị thực hiện.\n"
)
VIETNAMESE_LINES = [
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    "Số: 15/KH-UBND",
    "KẾ HOẠCH",
    "Kiểm tra việc chấp hành pháp luật về vật liệu nổ công nghiệp",
    "Căn cứ Luật số 42/2024/QH15 ngày 29 tháng 6 năm 2024 về quản lý, sử dụng vũ khí;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan thực hiện kiểm tra.",
    "2. Ủy ban nhân dân các xã, phường báo cáo kết quả trước ngày 30 tháng 6 năm 2026.",
]
TABLES = ("documents", "nodes", "citations", "assignments", "recipients")
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
)


def _font() -> str | None:
    return next((f for f in FONT_CANDIDATES if Path(f).exists()), None)


def make_pdf(path: Path, *, pages: int = 1, encrypt=None) -> Path:
    """A small Vietnamese PDF drawn with reportlab (a system TTF for the diacritics)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = _font()
    if font is None:
        pytest.skip("no TrueType font with Vietnamese glyphs (fonts-dejavu-core) to draw a test PDF")
    if "VnTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("VnTest", font))
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    for _ in range(pages):
        pdf.setFont("VnTest", 11)
        for i, line in enumerate(VIETNAMESE_LINES):
            pdf.drawString(60, 780 - 18 * i, line)
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def cli():
    """`kehoach` in a subprocess, with an optional environment."""
    import subprocess
    import sys

    def run(*args: str, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL, env=env, check=False)

    return run


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def registry_with_one(tmp_path) -> Path:
    db = tmp_path / "registry.db"
    good = tmp_path / "good" / "ke-hoach.txt"
    good.parent.mkdir()
    good.write_text(GOOD_TEXT, encoding="utf-8")
    from kehoach.pipeline import api, registry

    database = registry.open_db(db)
    registry.load(database, api.extract(good))
    database.conn.close()
    assert _counts(db)["documents"] == 1
    return db


def _ingest_fails(cli, db: Path, path: Path, reason: str, *extra: str, env: dict | None = None):
    before = _counts(db)
    result = cli("ingest", str(path), "--db", str(db), "--workers", "1", "--timeout", "60", *extra,
                     **({"env": env} if env else {}))
    assert result.returncode == 1, (result.stdout, result.stderr)
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 1, result.stderr
    assert str(path) in failed[0] and reason in failed[0], failed[0]
    assert "Traceback" not in result.stderr
    assert "0 loaded, 0 skipped, 1 failed" in result.stdout
    assert _counts(db) == before
    return failed[0]


# --- the cases ---------------------------------------------------------------


def test_non_pdf_with_pdf_name(cli, registry_with_one, tmp_path):
    path = tmp_path / "cong-van.pdf"
    path.write_bytes(b"PK\x03\x04 this is a zip archive renamed to .pdf")
    _ingest_fails(cli, registry_with_one, path, "not a PDF (no %PDF header)")


def test_truncated_pdf(cli, registry_with_one, tmp_path):
    whole = make_pdf(tmp_path / "whole.pdf", pages=3).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    _ingest_fails(cli, registry_with_one, path, "PDF")


def test_encrypted_pdf_with_user_password(cli, registry_with_one, tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = make_pdf(tmp_path / "mat.pdf", encrypt=StandardEncryption("secret", ownerPassword="owner"))
    _ingest_fails(cli, registry_with_one, path, "encrypted PDF: a password is needed")


def test_encrypted_pdf_without_user_password_loads(cli, registry_with_one, tmp_path):
    """Owner-password-only PDFs (printing or copying restricted) open for everyone: read them."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = make_pdf(tmp_path / "han-che.pdf", encrypt=StandardEncryption("", ownerPassword="owner",
                                                                          canCopy=0, canModify=0))
    result = cli("ingest", str(path), "--db", str(registry_with_one), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "1 loaded" in result.stdout
    assert _counts(registry_with_one)["documents"] == 2


def test_zero_page_pdf(cli, registry_with_one, tmp_path):
    path = tmp_path / "rong.pdf"
    body = [b"%PDF-1.4\n", b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"]
    offsets, pos = [], 0
    for part in body:
        offsets.append(pos)
        pos += len(part)
    xref = b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets[1:])
    path.write_bytes(b"".join(body) + xref + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % pos)
    _ingest_fails(cli, registry_with_one, path, "no pages")


def test_two_thousand_page_pdf(cli, registry_with_one, tmp_path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    path = tmp_path / "dai.pdf"
    pdf.save(str(path))
    _ingest_fails(cli, registry_with_one, path, "2000 pages is over the limit of 1000")


def test_decompression_bomb(cli, registry_with_one, tmp_path):
    stream = zlib.compress(b"\0" * (96 << 20), 9)  # 96 MB of zeros in ~95 KB
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    head += b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    head += b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n"
    head += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    path = tmp_path / "bom.pdf"
    path.write_bytes(head + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    _ingest_fails(cli, registry_with_one, path, "decompression bomb")


@pytest.mark.parametrize("extra,env,reason", [
    pytest.param((), {"KEHOACH_TESSERACT": ""}, "no text layer, and OCR is unavailable: tesseract is not installed",
                 id="no-tesseract"),
    pytest.param(("--no-ocr",), {}, "no text layer, and OCR is disabled (--no-ocr)", id="no-ocr-option"),
])
def test_images_only_pdf_without_ocr(cli, registry_with_one, tmp_path, extra, env, reason):
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), fill=0)
    png = tmp_path / "scan.png"
    image.save(png)
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    picture = pdfium.PdfImage.new(pdf)
    picture.load_jpeg(str(_as_jpeg(image, tmp_path)))
    picture.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(picture)
    page.gen_content()
    path = tmp_path / "scan.pdf"
    pdf.save(str(path))
    line = _ingest_fails(cli, registry_with_one, path, reason, *extra, env={**os.environ, **env})
    assert line.startswith(f"failed   {path}: {reason}")  # the reason leads, not "page 1 read by OCR"


def _as_jpeg(image, tmp_path: Path) -> Path:
    path = tmp_path / "scan.jpg"
    image.save(path, format="JPEG")
    return path


def test_txt_in_unknown_encoding(cli, registry_with_one, tmp_path):
    path = tmp_path / "van-ban.txt"
    path.write_bytes("会議の議事録です。これは日本語の文書です。".encode("shift_jis") * 20)
    _ingest_fails(cli, registry_with_one, path, "unknown encoding")


def test_txt_in_legacy_vietnamese_encoding_loads_with_warning(cli, registry_with_one, tmp_path):
    from kehoach.extractors.legacy_fonts import TCVN3_TABLE

    to_tcvn3 = {v: k for k, v in TCVN3_TABLE.items()}
    path = tmp_path / "tcvn3.txt"
    path.write_bytes("".join(to_tcvn3.get(ch, ch) for ch in GOOD_TEXT.lower()).encode("latin-1"))
    result = cli("ingest", str(path), "--db", str(registry_with_one), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert "warning: not UTF-8: decoded as TCVN3" in result.stdout


def test_zero_byte_file(cli, registry_with_one, tmp_path):
    path = tmp_path / "trong.pdf"
    path.write_bytes(b"")
    _ingest_fails(cli, registry_with_one, path, "empty file")


def test_directory_loop_visits_each_file_once(cli, registry_with_one, tmp_path):
    root = tmp_path / "loop"
    (root / "a").mkdir(parents=True)
    (root / "a" / "back").symlink_to(root, target_is_directory=True)
    (root / "a" / "ke-hoach-2.txt").write_text(GOOD_TEXT.replace("12/KH", "13/KH"), encoding="utf-8")
    result = cli("ingest", str(root), "--db", str(registry_with_one), "--workers", "1", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "1 loaded, 0 skipped, 0 failed" in result.stdout
    assert _counts(registry_with_one)["documents"] == 2


def test_slow_document_times_out(cli, registry_with_one, tmp_path):
    """A document that takes longer than --timeout is abandoned (its worker killed), not waited for."""
    ops = b"BT /F1 9 Tf 20 20 Td (x) Tj ET\n" * 400_000
    stream = zlib.compress(ops, 9)
    head = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    head += b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    head += (b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
             b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>\nendobj\n")
    head += b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
    path = tmp_path / "cham.pdf"
    path.write_bytes(head + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    before = _counts(registry_with_one)
    result = cli("ingest", str(path), "--db", str(registry_with_one), "--workers", "1", "--timeout", "1",
                     timeout=60)
    assert result.returncode == 1
    assert f"{path}: timed out after 1 s" in result.stderr
    assert _counts(registry_with_one) == before


def test_sample_pdf_still_loads(cli, registry_with_one):
    """Control: the same path through workers loads a real PDF."""
    pdf = next(iter(sorted((SAMPLES / "pdf").glob("*.pdf"))), None)
    if pdf is None:
        pytest.skip("no sample PDFs")
    result = cli("ingest", str(pdf), "--db", str(registry_with_one), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert _counts(registry_with_one)["documents"] == 2
