#!/usr/bin/env bash
# Installs Debian's OCR tools for scanned PDFs (src/parse/ocr.ts, test/parse-ocr.test.ts):
#   tesseract-ocr      the Tesseract engine (`tesseract IMAGE - -l vie tsv`)
#   tesseract-ocr-vie  its Vietnamese model (vie.traineddata)
#   poppler-utils      `pdftoppm`, which renders each page to a greyscale image, and `pdfinfo`
# Idempotent: does nothing when all three are there.
set -euo pipefail

have_all() {
  command -v tesseract >/dev/null 2>&1 &&
    command -v pdftoppm >/dev/null 2>&1 &&
    tesseract --list-langs 2>/dev/null | grep -qx vie
}

if have_all; then
  echo "OCR: $(tesseract --version 2>/dev/null | head -n 1), vie model, $(pdftoppm -v 2>&1 | head -n 1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-ocr.sh: apt-get not found; install tesseract-ocr, tesseract-ocr-vie and poppler-utils by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-vie poppler-utils >/dev/null
echo "OCR: $(tesseract --version 2>/dev/null | head -n 1), vie model, $(pdftoppm -v 2>&1 | head -n 1)"
