#!/usr/bin/env bash
# Real-client suite: GDAL/PROJ read back every geometry output and check our transforms and lengths
# (test/geo/gdal.test.ts). DIMING_REQUIRE_GDAL=1 turns a missing tool into a failure instead of a skip.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v ogr2ogr >/dev/null || ! command -v cs2cs >/dev/null || ! command -v geod >/dev/null; then
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq gdal-bin proj-bin
fi
echo "== $(ogrinfo --version), PROJ $(projinfo 2>&1 | head -1 || true)"

DIMING_REQUIRE_GDAL=1 npx vitest run test/geo/gdal.test.ts
