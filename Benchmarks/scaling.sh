#!/usr/bin/env bash
# sitegen's own scaling, without the disk: clean builds of corpus-N into tmpfs.
#
#   Benchmarks/scaling.sh [N...]     (default: 10000 50000; run.sh generates the corpora)
#
# For each N, ROUNDS (default 3) clean builds with the release binary into a new folder
# under OUTPUTS (default /dev/shm, memory, so no block allocation or writeback), deleted
# after each run. Prints median wall seconds and milliseconds per document, and the
# per-document change from the first N.
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
sitegen=${SITEGEN:-$bench/../.build/release/sitegen}
rounds=${ROUNDS:-3}
outputs=${OUTPUTS:-/dev/shm}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 50000)
[ -x "$sitegen" ] || { echo "scaling.sh: build it first: swift build -c release --product sitegen" >&2; exit 1; }

printf '| N | median wall s | ms per document | per document vs first N |\n|--:|--:|--:|--:|\n'
first=""
for n in "${sizes[@]}"; do
    corpus=$bench/corpus-$n
    [ -d "$corpus" ] || { echo "scaling.sh: no $corpus; run Benchmarks/run.sh $n first" >&2; exit 1; }
    times=()
    for round in $(seq 1 "$rounds"); do
        out=$outputs/sitegen-scaling-$n-$round-$$
        start=$(date +%s%N)
        "$sitegen" build -q --content "$corpus" --output "$out"
        times+=("$(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.3f", ns / 1e9 }')")
        rm -rf "$out" "$outputs/.sitegen-scaling-$n-$round-$$".sitegen-*
    done
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    per=$(awk -v m="$median" -v n="$n" 'BEGIN { printf "%.4f", 1000 * m / n }')
    [ -n "$first" ] || first=$per
    awk -v n="$n" -v m="$median" -v p="$per" -v f="$first" \
        'BEGIN { printf "| %s | %.2f | %.3f | %+.0f%% |\n", n, m, p, 100 * (p / f - 1) }'
done
