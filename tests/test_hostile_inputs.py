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


# --- the files -------------------------------------------------------------------
# Each builder makes one hostile file in a folder and returns its path.


def _not_a_pdf(folder: Path) -> Path:
    path = folder / "cong-van.pdf"
    path.write_bytes(b"PK\x03\x04 this is a zip archive renamed to .pdf")
    return path


def _truncated_pdf(folder: Path) -> Path:
    whole = make_pdf(folder / "whole.pdf", pages=3).read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    return path


def _encrypted_pdf(folder: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return make_pdf(folder / "mat.pdf", encrypt=StandardEncryption("secret", ownerPassword="owner"))


def _owner_password_pdf(folder: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return make_pdf(folder / "han-che.pdf", encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0,
                                                                        canModify=0))


def _pdf_objects(objects: list[bytes], *, root: bytes = b"1 0 R") -> bytes:
    """A PDF file of numbered objects with a correct cross-reference table."""
    body, offsets, pos = [b"%PDF-1.4\n"], [], len(b"%PDF-1.4\n")
    for number, obj in enumerate(objects, start=1):
        part = b"%d 0 obj\n" % number + obj + b"\nendobj\n"
        offsets.append(pos)
        body.append(part)
        pos += len(part)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return b"".join(body) + xref + b"trailer\n<< /Size %d /Root %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, pos)


def _zero_page_pdf(folder: Path) -> Path:
    path = folder / "rong.pdf"
    path.write_bytes(_pdf_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    return path


def _two_thousand_pages(folder: Path) -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(2000):
        pdf.new_page(595, 842)
    path = folder / "dai.pdf"
    pdf.save(str(path))
    return path


def _one_page_stream(folder: Path, name: str, content: bytes, resources: bytes = b"") -> Path:
    stream = zlib.compress(content, 9)
    path = folder / name
    path.write_bytes(_pdf_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + resources + b">>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]))
    return path


def _decompression_bomb(folder: Path) -> Path:
    return _one_page_stream(folder, "bom.pdf", b"\0" * (96 << 20))  # 96 MB of zeros in ~95 KB


def _slow_pdf(folder: Path) -> Path:
    return _one_page_stream(folder, "cham.pdf", b"BT /F1 9 Tf 20 20 Td (x) Tj ET\n" * 400_000,
                            b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> ")


def _images_only_pdf(folder: Path) -> Path:
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    image = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(image).rectangle((50, 50, 550, 120), fill=0)
    jpeg = folder / "scan.jpg"
    image.save(jpeg, format="JPEG")
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    picture = pdfium.PdfImage.new(pdf)
    picture.load_jpeg(str(jpeg))
    picture.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(picture)
    page.gen_content()
    path = folder / "scan.pdf"
    pdf.save(str(path))
    return path


def _unknown_encoding(folder: Path) -> Path:
    path = folder / "van-ban.txt"
    path.write_bytes("会議の議事録です。これは日本語の文書です。".encode("shift_jis") * 20)
    return path


def _tcvn3_text(folder: Path) -> Path:
    from kehoach.extractors.legacy_fonts import TCVN3_TABLE

    to_tcvn3 = {v: k for k, v in TCVN3_TABLE.items()}
    path = folder / "tcvn3.txt"
    path.write_bytes("".join(to_tcvn3.get(ch, ch) for ch in GOOD_TEXT.lower()).encode("latin-1"))
    return path


def _zero_bytes(folder: Path) -> Path:
    path = folder / "trong.pdf"
    path.write_bytes(b"")
    return path


def _directory_loop(folder: Path) -> Path:
    root = folder / "loop"
    (root / "a").mkdir(parents=True)
    (root / "a" / "back").symlink_to(root, target_is_directory=True)
    (root / "a" / "ke-hoach-2.txt").write_text(GOOD_TEXT.replace("12/KH", "13/KH"), encoding="utf-8")
    return root


def _sample_pdf(_folder: Path) -> Path:
    return min((SAMPLES / "pdf").glob("*.pdf"))


# --- the cases --------------------------------------------------------------------

# (builder, the reason its one "failed" line gives, extra ingest options, environment)
FAILING = [
    pytest.param(_not_a_pdf, "not a PDF (no %PDF header in its first 1024 bytes)", (), {}, id="renamed-zip"),
    pytest.param(_truncated_pdf, "PDF", (), {}, id="truncated-pdf"),
    pytest.param(_encrypted_pdf, "encrypted PDF: a password is needed", (), {}, id="user-password"),
    pytest.param(_zero_page_pdf, "no pages", (), {}, id="zero-pages"),
    pytest.param(_two_thousand_pages, "2000 pages is over the limit of 1000", (), {}, id="two-thousand-pages"),
    pytest.param(_decompression_bomb, "decompression bomb", (), {}, id="decompression-bomb"),
    pytest.param(_images_only_pdf, "no text layer, and OCR is unavailable: tesseract is not installed", (),
                 {"KEHOACH_TESSERACT": ""}, id="images-only-no-tesseract"),
    pytest.param(_images_only_pdf, "no text layer, and OCR is disabled (--no-ocr)", ("--no-ocr",), {},
                 id="images-only-no-ocr-option"),
    pytest.param(_unknown_encoding, "unknown encoding", (), {}, id="unknown-text-encoding"),
    pytest.param(_zero_bytes, "empty file", (), {}, id="zero-bytes"),
    pytest.param(_slow_pdf, "timed out after 1 s", ("--timeout", "1"), {}, id="slower-than-the-timeout"),
]


@pytest.mark.parametrize("build,reason,extra,env", FAILING)
def test_hostile_file_fails_alone(cli, registry_with_one, tmp_path, build, reason, extra, env):
    """One "failed" line naming the file and the reason (the reason first), exit 1, no traceback, and the
    registry exactly as it was."""
    path = build(tmp_path)
    before = _counts(registry_with_one)
    result = cli("ingest", str(path), "--db", str(registry_with_one), "--workers", "1", "--timeout", "60", *extra,
                 env={**os.environ, **env}, timeout=120)
    assert result.returncode == 1, (result.stdout, result.stderr)
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed")]
    assert len(failed) == 1, result.stderr
    assert failed[0].startswith(f"failed   {path}: ") and reason in failed[0], failed[0]
    assert "Traceback" not in result.stderr
    assert "0 loaded, 0 skipped, 1 failed" in result.stdout
    assert _counts(registry_with_one) == before


# (builder, a line the output must hold) — odd files that are still documents load.
LOADING = [
    pytest.param(_owner_password_pdf, "1 loaded", id="owner-password-only"),  # printing/copying restricted
    pytest.param(_tcvn3_text, "warning: not UTF-8: decoded as TCVN3", id="legacy-vietnamese-encoding"),
    pytest.param(_directory_loop, "1 loaded, 0 skipped, 0 failed", id="directory-loop-visits-each-file-once"),
    pytest.param(_sample_pdf, "1 loaded", id="control-sample-pdf"),
]


@pytest.mark.parametrize("build,expected", LOADING)
def test_odd_but_readable_file_loads(cli, registry_with_one, tmp_path, build, expected):
    result = cli("ingest", str(build(tmp_path)), "--db", str(registry_with_one), "--workers", "1", timeout=120)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert _counts(registry_with_one)["documents"] == 2
