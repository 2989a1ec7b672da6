#!/usr/bin/env bash
# Real-client suite for `diming run`: runs the whole pipeline on the sample batch (data/samples/dawang-roads.csv) and
# opens every output in its real client (test/report/clients.test.ts):
#   GDAL (ogrinfo/ogr2ogr) — the sample's EPSG:4528 WKT, roads.geojson and signs/signs.geojson; GDAL's own transform
#     and SpatiaLite SQL cross-check ours (coordinates, the crossed line, lengths, which roads meet = the junction signs);
#   LibreOffice — announce.docx, announce.xlsx and signs/signs.xlsx converted to PDF, names found by pdftotext;
#   Chromium — report.html (every road drawn) and sign SVGs (text inside the panel).
# Screenshots and PDF page images go to test/artifacts/run/. DIMING_REQUIRE_*=1 turns a missing tool into a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_install=0
for t in ogrinfo ogr2ogr soffice pdftotext pdftoppm; do command -v "$t" >/dev/null 2>&1 || need_install=1; done
[ -x /usr/bin/chromium ] || need_install=1
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 'Noto Sans CJK SC' 2>/dev/null | head -n 1)" ]; then need_install=1; fi
if [ -z "$(fc-list 'Liberation Sans' 2>/dev/null | head -n 1)" ]; then need_install=1; fi

if [ "$need_install" = 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    gdal-bin libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils chromium fonts-noto-cjk fonts-liberation
fi

# The test runs the built CLI (bin/diming.js → dist/).
[ -f dist/cli/main.js ] || npm run build

echo "== $(ogrinfo --version) | $(soffice --version 2>/dev/null | head -n 1) | $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
DIMING_REQUIRE_GDAL=1 DIMING_REQUIRE_LIBREOFFICE=1 DIMING_REQUIRE_CHROMIUM=1 npx vitest run test/report/clients.test.ts
