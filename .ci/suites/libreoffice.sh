#!/usr/bin/env bash
# Real-client suite: LibreOffice must open the announcement DOCX and XLSX that diming writes, convert them to PDF,
# and pdftotext must find every name, pinyin and township and the table header on every page
# (test/announce/libreoffice.test.ts; page 1 rendered to test/artifacts/), both for the writers and for what
# `diming announce` writes (built CLI). With DIMING_REQUIRE_LIBREOFFICE=1 a missing tool fails the suite instead of
# skipping it.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_install=0
command -v soffice >/dev/null 2>&1 || need_install=1
command -v pdftotext >/dev/null 2>&1 || need_install=1
command -v pdftoppm >/dev/null 2>&1 || need_install=1
# CJK fonts: without them the PDF has no Chinese glyphs to extract.
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then need_install=1; fi

if [ "$need_install" = 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk
fi

# The command case runs the built CLI (bin/diming.js → dist/).
[ -f dist/cli/main.js ] || npm run build

echo "== $(soffice --version 2>/dev/null | head -n 1)"
DIMING_REQUIRE_LIBREOFFICE=1 npx vitest run test/announce/libreoffice.test.ts
