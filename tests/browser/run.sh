#!/bin/sh
# Browser test: builds the sample seeds, serves the site under /repo/ and
# loads pages in headless Chromium at phone and desktop widths; checks
# email.html at 600 and 375 px in light and dark mode, and the coverage
# matrix of a 33-source story (sticky header and fact column).
# Screenshots: target/browser-artifacts/*.png
# CI: `apt-get install -y chromium` first (Debian's package), then run this.
set -eu
cd "$(dirname "$0")/../.."
if ! command -v "${PARALLAX_CHROMIUM:-chromium}" >/dev/null 2>&1; then
    echo "chromium not found: apt-get install -y chromium (or set PARALLAX_CHROMIUM)" >&2
    exit 1
fi
PARALLAX_BROWSER=1 cargo test --test browser -- --ignored --nocapture
