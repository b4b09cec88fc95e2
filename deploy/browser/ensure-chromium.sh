#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's headless Chromium through its chromedriver. The test
# command (./mvnw verify) runs this before the gateway's tests, so a fresh machine with only a JDK
# gets both from Debian's packages; where they are present it does nothing.
set -euo pipefail

chromium="${TIDIGT_CHROMIUM:-/usr/bin/chromium}"
driver="${TIDIGT_CHROMEDRIVER:-/usr/bin/chromedriver}"
if [ -x "$chromium" ] && [ -x "$driver" ]; then
  exit 0
fi

echo "[tidigt] the browser tests need $chromium and $driver: installing Debian's chromium and chromium-driver"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo -n"; else
    echo "[tidigt] not root and no sudo: install them yourself (apt-get install chromium chromium-driver)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
  || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q chromium chromium-driver >/dev/null; }
[ -x "$chromium" ] && [ -x "$driver" ] || { echo "[tidigt] chromium or chromedriver still missing" >&2; exit 1; }
echo "[tidigt] installed $("$driver" --version)"
