#!/bin/sh
# Install the system packages kehoach uses when they are missing: tesseract with
# the Vietnamese model (OCR of scanned pages), and chromium (the browser test).
# Quiet when already present.
# Skips with a message where apt-get is unavailable or we are not root.
set -u

# chromium (headless) for the browser test of `kehoach serve` (tests/test_browser.py);
# installed on its own, so the tesseract steps below still run.
if ! command -v chromium >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "note: apt-get not available; install chromium by hand for the browser test" >&2
    elif [ "$(id -u)" != "0" ]; then
        echo "note: not root; install chromium by hand for the browser test" >&2
    else
        echo "installing chromium ..."
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
            || echo "note: could not install chromium; the browser test will be skipped" >&2
    fi
fi

missing=""
command -v tesseract >/dev/null 2>&1 || missing="tesseract-ocr tesseract-ocr-vie"
if [ -z "$missing" ] && ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
    missing="tesseract-ocr-vie"
fi
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "note: apt-get not available; install $missing by hand for OCR of scanned PDFs" >&2
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "note: not root; install $missing by hand for OCR of scanned PDFs" >&2
    exit 0
fi
echo "installing $missing ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 \
    || echo "note: could not install $missing; OCR of scanned PDFs will be unavailable" >&2
exit 0
