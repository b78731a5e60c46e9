#!/usr/bin/env bash
# Run every site check over a built site.
#
# usage: run_all.sh SITE_DIR [--base-url URL]
#
# Runs install.sh (idempotent), then check_html.py, check_links.py,
# check_axe.py, check_focus.py and check_chart.py over SITE_DIR (--base-url goes
# to all but check_html). All five always run; the exit status is non-zero when any
# failed (or the install failed). The last line is `N passed, M failed`.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON="${PYTHON:-python3}"

usage() { echo "usage: $0 SITE_DIR [--base-url URL]" >&2; exit 2; }
site=""
base_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --base-url) [ $# -ge 2 ] || usage; base_args=(--base-url "$2"); shift 2 ;;
        --base-url=*) base_args=(--base-url "${1#--base-url=}"); shift ;;
        -h|--help) usage ;;
        -*) echo "$0: unknown option $1" >&2; usage ;;
        *) [ -z "$site" ] || usage; site="$1"; shift ;;
    esac
done
[ -n "$site" ] || usage
[ -d "$site" ] || { echo "$0: $site: not a directory" >&2; exit 2; }

install_rc=0
bash "$here/install.sh" || { install_rc=$?; echo "run_all: install.sh failed (exit $install_rc); running the checks anyway" >&2; }

passed=0
failed=0
run_check() {
    local name="$1"; shift
    local start end rc secs
    echo "== $name"
    start=$EPOCHREALTIME
    "$PYTHON" "$here/$name" "$@"
    rc=$?
    end=$EPOCHREALTIME
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1)); echo "run_all: $name passed ($secs s)"
    else
        failed=$((failed + 1)); echo "run_all: $name FAILED, exit $rc ($secs s)"
    fi
}

run_check check_html.py "$site"
run_check check_links.py "$site" "${base_args[@]}"
run_check check_axe.py "$site" "${base_args[@]}"
run_check check_focus.py "$site" "${base_args[@]}"
run_check check_chart.py "$site" "${base_args[@]}"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$install_rc" -eq 0 ]
