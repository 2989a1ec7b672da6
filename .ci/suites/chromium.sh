#!/usr/bin/env bash
# Real-client suite: road signs rendered in headless Chromium (test/signs/chromium.test.ts, driven by playwright-core
# against Debian's chromium), and the review page of `diming run` (test/report/chromium.test.ts: roads drawn in their
# severity colours, a click on a findings row zooms to the road; screenshots in test/artifacts/report/), and the report of
# `diming check -f html` (test/report/check-html.chromium.test.ts: grouped by township, sortable, filter, escaped). Every text element's getBBox()/client rectangle and painted ink must lie inside its band
# and the artboard for names of 2 to 12 characters; screenshots go to test/artifacts/signs/. With
# DIMING_REQUIRE_CHROMIUM=1 a missing browser fails the suite instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/../.."

need_install=0
[ -x /usr/bin/chromium ] || need_install=1
# CJK font (Noto Sans CJK SC, first in the default sign style) and Liberation Sans (metric-compatible with Arial,
# whose widths the layout uses).
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 'Noto Sans CJK SC' 2>/dev/null | head -n 1)" ]; then need_install=1; fi
if [ -z "$(fc-list 'Liberation Sans' 2>/dev/null | head -n 1)" ]; then need_install=1; fi

if [ "$need_install" = 1 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fonts-liberation
fi

echo "== $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
# The rest of test/signs already ran in npm test; only the browser tests are run again here, with the browser required.
[ -f dist/cli/main.js ] || npm run build
DIMING_REQUIRE_CHROMIUM=1 npx vitest run test/signs/chromium.test.ts test/report/chromium.test.ts test/report/check-html.chromium.test.ts
