#!/bin/sh
# Installs what `npm run fixtures` needs to turn the fixture .docx files into PDFs: LibreOffice Writer without
# a GUI (`soffice --headless --convert-to pdf`) and fonts metric-compatible with Times New Roman.
#   fonts-liberation   the package LibreOffice recommends (Liberation 1.07: no Vietnamese letters ạ ả ấ … ỹ,
#                      so LibreOffice would borrow them from DejaVu Serif, glyph by glyph)
#   fonts-liberation2  Liberation 2.x, which has them: the PDFs are set in one font, as a real office's are
# Debian/Ubuntu only (apt-get). Tests never need LibreOffice: the generated files are committed.
set -eu

need_fonts() {
  # a Times-compatible serif face carrying U+1EC7 (ệ)
  ! fc-list ':charset=1ec7' family 2>/dev/null | grep -q 'Liberation Serif'
}

if command -v soffice >/dev/null 2>&1 && ! need_fonts; then
  echo "LibreOffice ($(soffice --version 2>/dev/null | head -n 1)) and Vietnamese Liberation fonts are installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-libreoffice.sh: apt-get not found; install LibreOffice (soffice) and Liberation fonts 2.x by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  libreoffice-writer-nogui fonts-liberation fonts-liberation2

soffice --version
