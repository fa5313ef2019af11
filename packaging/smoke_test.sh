#!/usr/bin/env bash
# Builds the bundle and runs it as a desk would, headless: --version, demo, report daily.
# Slow (a minute or more), so ./test.sh does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/build.sh

bundle="$PWD/dist/hubapp/hubapp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Away from the checkout, so nothing can come from the source tree instead of the bundle.
cd "$work"
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
       XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"

want="hubapp $(sed -n 's/^version = "\(.*\)"$/\1/p' "$OLDPWD/pyproject.toml")"
got="$("$bundle" --version)"
[ "$got" = "$want" ] || { echo "FAIL: --version said '$got', pyproject.toml says '$want'"; exit 1; }
echo "ok: $got"

"$bundle" demo --db demo.db --days 3 --end 2026-03-05
"$bundle" check --db demo.db >/dev/null
echo "ok: demo database made and checked"

if "$bundle" --help | grep -qw report; then
    for lang in en zh; do
        "$bundle" report daily --date 2026-03-05 --db demo.db -o "daily-$lang.pdf" --lang "$lang"
        [ -s "daily-$lang.pdf" ] && [ "$(head -c 5 "daily-$lang.pdf")" = "%PDF-" ] \
            || { echo "FAIL: report daily --lang $lang wrote no PDF"; exit 1; }
        echo "ok: report daily --lang $lang wrote a PDF of $(stat -c %s "daily-$lang.pdf") bytes"
    done
    # The Chinese report needs the bundle's translations and a system CJK font.
    if command -v pdftotext >/dev/null; then
        pdftotext daily-zh.pdf - | grep -q "汇总" \
            || { echo "FAIL: the Chinese report has no Chinese text"; exit 1; }
        echo "ok: the Chinese report reads in Chinese"
    fi
else
    echo "skipped: this build has no 'report' command yet"
fi
echo "Smoke test passed; the bundle is $(du -sh "$(dirname "$bundle")" | cut -f1)"
