#!/bin/sh
# What the tests that look at reports as a person would need from Debian: headless Chromium (tests/test_browser.py
# opens the HTML reports in /usr/bin/chromium through Playwright, whose Python wheel brings only the driver) and
# poppler-utils (pdftoppm, to turn a PDF report into PNG pages to look at) and LibreOffice's Writer without its
# desktop (tests/test_docx.py opens each Word report with `soffice --headless`). Installs what is missing with apt when
# run as root; otherwise says what to install and leaves it to the tests to skip. Nothing else is downloaded:
# never `playwright install`.
missing=""
[ -x /usr/bin/chromium ] || missing="chromium"
command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
missing="${missing# }"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: not installed: $missing. Tests that need them are skipped (without chromium: tests/test_browser.py; without soffice: tests/test_docx.py's)." >&2
    echo "      To run them on Debian/Ubuntu: sudo apt-get install $missing" >&2
    exit 0
fi
echo "Installing $missing with apt-get (for the browser tests)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # one word per package
apt-get install -y -qq $missing >/dev/null
[ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1 || { echo "apt-get did not install $missing" >&2; exit 1; }
