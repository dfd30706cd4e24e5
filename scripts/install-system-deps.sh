#!/bin/sh
# Install the Debian packages kehoach uses, each only when it is missing, quietly:
#   tesseract-ocr + tesseract-ocr-vie  OCR of scanned pages and broken text layers
#   fonts-liberation2                  typesetting sample PDFs (make samples, tests/test_pdf_path.py);
#                                      not fonts-liberation, which lacks ư, ơ and stacked diacritics
#   chromium, chromium-driver          the browser tests of `kehoach serve` (tests/test_browser.py,
#                                      tests/test_browser_edit.py drives it through selenium)
# Where apt-get is unavailable or we are not root, says what to install by hand and goes on.
set -u

updated=""

# install PURPOSE PACKAGE...
install() {
    purpose=$1
    shift
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "note: apt-get not available; install $* by hand for $purpose" >&2
        return 0
    fi
    if [ "$(id -u)" != "0" ]; then
        echo "note: not root; install $* by hand for $purpose" >&2
        return 0
    fi
    echo "installing $* ($purpose) ..."
    if [ -z "$updated" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
        updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 \
        || echo "note: could not install $*; $purpose will be unavailable" >&2
}

if ! command -v tesseract >/dev/null 2>&1; then
    install "OCR of scanned PDFs" tesseract-ocr tesseract-ocr-vie
elif ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
    install "OCR of scanned PDFs" tesseract-ocr-vie
fi

[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] \
    || install "typesetting sample PDFs" fonts-liberation2

command -v chromium >/dev/null 2>&1 || install "the browser test" chromium
command -v chromedriver >/dev/null 2>&1 || install "the edit-page browser test" chromium-driver

exit 0
