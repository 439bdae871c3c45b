#!/usr/bin/env bash
# Makes the image-only PDF that test/parse-ocr.test.ts OCRs: a seed's PDF rasterised with no text
# layer left, as a scanner would give it.
#   pdftoppm -mono -r 200   each page → a 1-bit PNG (poppler-utils)
#   PIL (python3-pil)       → CCITT Group 4 TIFF (a fax-style scan: ~40 KB a page instead of ~60 KB as PNG)
#   img2pdf                 → one PDF whose pages are those images (img2pdf embeds G4 as is)
# Needs: apt-get install poppler-utils img2pdf (img2pdf pulls python3-pil). The output is committed.
# Usage: bash scripts/make-scan-fixture.sh [SEED.pdf] [OUT.pdf]
set -euo pipefail
cd "$(dirname "$0")/.."
SEED="${1:-fixtures/003_4648be2b9eb23052.pdf}"
OUT="${2:-fixtures/scanned/003_4648be2b9eb23052_scan.pdf}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
pdftoppm -mono -r 200 -png "$SEED" "$WORK/page"
/usr/bin/python3 - "$WORK" <<'PY'
import glob, sys
from PIL import Image
for f in sorted(glob.glob(sys.argv[1] + "/page-*.png")):
    Image.open(f).convert("1").save(f[:-4] + ".tif", compression="group4", dpi=(200, 200))
PY
mkdir -p "$(dirname "$OUT")"
# Fixed dates: the same seed gives the same bytes.
img2pdf --creationdate 2025-01-01T00:00:00 --moddate 2025-01-01T00:00:00 -o "$OUT" $(ls "$WORK"/page-*.tif | sort -V)
echo "$OUT: $(pdfinfo "$OUT" | awk '/^Pages:/ {print $2}') pages, $(stat -c %s "$OUT") bytes, fonts: $(pdffonts "$OUT" | tail -n +3 | wc -l)"
