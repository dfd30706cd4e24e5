"""Legacy Word documents (.doc): converted to .docx by LibreOffice, when it is installed.

kehoach reads .docx itself; the old binary .doc format it leaves to LibreOffice
(``soffice --headless --convert-to docx``), run in a temporary folder with a
profile of its own, so it neither touches the user's settings nor waits for a
running office. Without LibreOffice a .doc is reported with what to do.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from kehoach.pipeline.errors import InputError, UnsupportedFormat
from kehoach.schemas.layout import Line, RawDocument

CONVERTER_ENV = "KEHOACH_SOFFICE"  # path of soffice; empty: no conversion
CONVERT_TIMEOUT = 180.0  # seconds
HINT = "legacy Word (.doc) — save as .docx, or install LibreOffice to have it converted"
CONVERTED_WARNING = "converted from legacy Word (.doc) by LibreOffice"


def converter() -> str | None:
    """The soffice binary: $KEHOACH_SOFFICE if set (empty disables conversion), else PATH."""
    configured = os.environ.get(CONVERTER_ENV)
    if configured is not None:
        return configured if configured and os.access(configured, os.X_OK) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path, data: bytes, read_docx: Callable[[bytes], list[Line]]) -> RawDocument:
    """A .doc file's lines, through a .docx made by LibreOffice.

    :param read_docx: the .docx reader (bytes → lines)
    :raises UnsupportedFormat: LibreOffice is not installed
    :raises InputError: the conversion failed
    """
    binary = converter()
    if binary is None:
        raise UnsupportedFormat(str(path), HINT)
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as folder:
        work = Path(folder)
        source = work / "document.doc"
        source.write_bytes(data)
        command = [binary, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(work), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(str(path), f"LibreOffice took over {CONVERT_TIMEOUT:g} s to convert it") from None
        except OSError as exc:
            raise InputError(str(path), f"cannot run LibreOffice ({exc.strerror or exc})") from None
        target = work / "document.docx"
        if not target.is_file():
            said = (done.stderr or done.stdout).strip().splitlines()
            raise InputError(str(path), "LibreOffice could not convert it to .docx"
                             + (f" ({said[-1][:200]})" if said else ""))
        lines = read_docx(target.read_bytes())
    return RawDocument(path=str(path), sha256=hashlib.sha256(data).hexdigest(), format="docx", lines=lines,
                       warnings=[CONVERTED_WARNING])
