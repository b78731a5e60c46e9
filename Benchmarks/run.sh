#!/usr/bin/env bash
# Side-by-side build benchmark: sitegen against Hugo on the same generated content.
#
#   Benchmarks/run.sh [N...]        N = documents per corpus (default: 10000)
#
# Generates Benchmarks/corpus-N/ for each N (once; again only when the generator, the
# seed documents or SEED change), builds .build/release/sitegen if it is missing or older
# than a Swift source, then measures one N after the other. For each N: earlier outputs
# are deleted, followed by a sync and a pause of PAUSE seconds (default 370): on this disk
# (ext4 with online discard, no journal) the kernel avoids reusing inodes freed in the last
# 60 s, or 360 s while their inode table block is dirty, and creating files in that window
# ran up to 5x slower for whichever tool came next: that measures the harness, not the
# tools. Then ROUNDS rounds, each building N first with sitegen, then with Hugo, clean:
#   sitegen: .build/release/sitegen build --content CORPUS --output Benchmarks/out-sitegen-N-ROUND
#   Hugo:    hugo --quiet --source Benchmarks/hugo --contentDir CORPUS --destination Benchmarks/out-hugo-N-ROUND
# each under /usr/bin/time -v (wall clock, peak resident memory), each run into a new
# output folder that did not exist before. Before every run the script syncs and, as
# root, empties the kernel's caches and reads the corpus, the tool and its libraries back
# in (settle below). Prints a Markdown table of medians and writes it, with the details,
# to Benchmarks/results-N.md. So each N is measured as `run.sh N` alone would measure it.
# An earlier version built every N in every round; there sitegen's 10,000-document builds,
# between 50,000-document rounds on a disk filling with their outputs, took up to twice as
# long, waiting on the disk, while Hugo's did not change.
#
# After each N's full builds, its rebuilds, sitegen only (Hugo has no incremental build
# to compare): in Benchmarks/out-sitegen-N-rebuild, after a clean build and a first
# rebuild that fills the spare folder, ROUNDS of: nothing changed; one document's text
# edited (a paragraph appended); the same document retitled (which every list shows);
# then the file restored and rebuilt, unmeasured. At the end the site is compared with a
# clean build.
#
# Before the measured rounds of each N, WARMUP (default 1) unmeasured rounds of the same
# kind: on this machine the first build after the pause ran up to 1.5x slower for both
# tools.
#
# Environment: ROUNDS (default 5: at 50,000 documents single runs spread by 10% or more),
#   WARMUP (default 1), SEED (generator seed, default 1),
#   SITEGEN (a sitegen binary to use instead of building the release one).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
rounds=${ROUNDS:-5}
warmup=${WARMUP:-1}
seed=${SEED:-1}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)

die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

case $rounds in '' | *[!0-9]* | 0) die "ROUNDS must be a positive whole number, not '$rounds'" ;; esac
case $warmup in '' | *[!0-9]*) die "WARMUP must be a whole number, not '$warmup'" ;; esac
case $seed in '' | *[!0-9]*) die "SEED must be a whole number, not '$seed'" ;; esac
for n in "${sizes[@]}"; do
    case $n in '' | *[!0-9]* | 0*) die "N must be a positive whole number, not '$n'" ;; esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sitegen-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Shows the end of a failed step's log and stops.
fail() {
    local what=$1 log=$2
    printf 'run.sh: %s failed; the end of its output:\n' "$what" >&2
    tail -n 30 "$log" >&2 || true
    exit 1
}

# ---- tools

if [ ! -x /usr/bin/time ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq time; } >"$work/apt.log" 2>&1 \
        || fail "installing the Debian package 'time'" "$work/apt.log"
fi
command -v hugo >/dev/null || die "hugo is not installed (Debian: apt-get install hugo)"
command -v python3 >/dev/null || die "python3 is not installed"
hugo_version=$(hugo version | awk '{print $2}' | sed 's/+.*//')
if [ -w /proc/sys/vm/drop_caches ]; then
    drop_caches=yes
    settle_note='before each run, the kernel'"'"'s caches emptied and the corpus, the tool and its shared libraries read back in.'
else
    drop_caches=no
    settle_note='the kernel'"'"'s caches were NOT emptied before each run (not root): runs start from whatever the runs before left.'
    printf 'run.sh: not root, so the page cache is not emptied before each run; figures will vary more\n' >&2
fi

if [ -n "${SITEGEN:-}" ]; then
    sitegen=$SITEGEN
    [ -x "$sitegen" ] || die "SITEGEN=$sitegen is not an executable"
else
    sitegen=$root/.build/release/sitegen
    if [ ! -x "$sitegen" ] || [ -n "$(find "$root" \( -path "$root/.build*" -o -path "$root/.git" -o -path "$root/.swiftpm" \
            -o -path "$root/Tests" -o -path "$root/Benchmarks" -o -path "$root/public" -o -path "$root/content" \) -prune \
            -o -name '*.swift' -newer "$sitegen" -print 2>/dev/null | head -n 1)" ]; then
        (cd "$root" && swift build -c release --product sitegen) >"$work/swift-build.log" 2>&1 \
            || fail "swift build -c release --product sitegen (is libcmark-dev installed? 'make deps')" "$work/swift-build.log"
        [ -x "$sitegen" ] || die "swift build did not produce $sitegen"
        touch "$sitegen"  # a no-op build leaves the old time stamp; don't rebuild next time
    fi
fi

# ---- helpers

# Seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss".
seconds() {
    awk -v t="$1" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }'
}

# "seconds kB" from a /usr/bin/time -v report; fails naming WHAT if it lacks them.
time_report() {
    local timing=$1 what=$2 wall kb
    wall=$(sed -n 's/^.*Elapsed (wall clock) time ([^)]*): *//p' "$timing")
    kb=$(sed -n 's/^.*Maximum resident set size (kbytes): *//p' "$timing")
    case $wall in *[0-9]:[0-9]*) ;; *) fail "reading the wall time in /usr/bin/time's report for $what" "$timing" ;; esac
    case $kb in '' | *[!0-9]*) fail "reading the peak memory in /usr/bin/time's report for $what" "$timing" ;; esac
    printf '%s %s\n' "$(seconds "$wall")" "$kb"
}

# Median of the numbers on standard input.
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Generates corpus-N unless it exists from the same generator, seed documents and seed.
corpus_for() {
    local n=$1 corpus=$bench/corpus-$1 stamp
    stamp=$(cat "$bench/generate_corpus.py" "${SEEDS_DIR:-/work/shared/seeds}"/*.txt | sha256sum | cut -c1-16) \
        || die "cannot read generate_corpus.py or the seed documents in ${SEEDS_DIR:-/work/shared/seeds}"
    stamp="n=$n seed=$seed generator=$stamp"
    if [ -f "$corpus/.stamp" ] && [ "$(cat "$corpus/.stamp")" = "$stamp" ]; then
        return
    fi
    rm -rf "$corpus" "$corpus.tmp"
    python3 "$bench/generate_corpus.py" "$n" "$corpus.tmp" --seed "$seed" >"$work/generate.log" 2>&1 \
        || fail "generate_corpus.py $n" "$work/generate.log"
    printf '%s\n' "$stamp" >"$corpus.tmp/.stamp"
    mv "$corpus.tmp" "$corpus"
}

# Before every full build: earlier outputs are written to disk and, when the script may
# (root), the kernel's caches are emptied and the corpus, the tool, its shared libraries
# and Hugo's layouts read back in. Every run then starts from the same memory, whatever
# the runs before it left: with the page cache full of earlier outputs, the kernel's
# reclaim (kswapd) took a tenth of the CPU during a 50,000-document build.
#   settle CORPUS TOOL [FOLDER...]
settle() {
    local tool=$2
    sync
    [ "$drop_caches" = yes ] || return 0
    echo 3 >/proc/sys/vm/drop_caches
    find "$@" -type f -exec cat {} + >/dev/null
    ldd "$tool" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | xargs -r cat >/dev/null
}

# One clean, measured build: appends "tool seconds kB files" to $work/runs-N.
measure() {
    local tool=$1 n=$2 round=$3 corpus=$bench/corpus-$2 out=$bench/out-$1-$2-$3
    local log=$work/$tool-$n-$round.log timing=$work/$tool-$n-$round.time
    [ ! -e "$out" ] || die "$out exists; outputs must be new folders"
    case $tool in
        sitegen) set -- "$sitegen" build --content "$corpus" --output "$out" ;;
        hugo)
            # Hugo's pages use sitegen's own stylesheet, taken from this round's sitegen build.
            mkdir -p "$bench/hugo/static"
            cp "$bench/out-sitegen-$n-$round/style.css" "$bench/hugo/static/style.css"
            set -- hugo --quiet --source "$bench/hugo" --contentDir "$corpus" --destination "$out" ;;
    esac
    settle "$corpus" "$(command -v "$1")" "$bench/hugo"
    /usr/bin/time -v -o "$timing" "$@" >"$log" 2>&1 || fail "$tool on corpus-$n (round $round)" "$log"
    local report files
    report=$(time_report "$timing" "$tool")
    files=$(find "$out" -type f | wc -l)
    printf '%s %s %s\n' "$tool" "$report" "$files" >>"$work/runs-$n"
}

# One measured rebuild in $out: appends "kind seconds kB pages-rendered lists-updated" to $work/rebuilds-N.
measure_rebuild() {
    local kind=$1 n=$2 out=$3 log=$work/rebuild.log timing=$work/rebuild.time
    sync
    /usr/bin/time -v -o "$timing" "$sitegen" build -v --content "$bench/corpus-$n" --output "$out" >"$log" 2>&1 \
        || fail "sitegen rebuild ($kind) on corpus-$n" "$log"
    local report rendered updated
    report=$(time_report "$timing" "sitegen's rebuild ($kind)")
    rendered=$(sed -n 's/^ *\([0-9]*\) of [0-9]* pages rendered.*/\1/p' "$log")
    updated=$(sed -n 's/.*, \([0-9]*\) lists updated by replacing rows.*/\1/p' "$log")
    grep -q '^Up to date' "$log" && rendered=0
    [ -n "$rendered" ] || fail "reading the pages rendered in sitegen's report" "$log"
    printf '%s %s %s %s\n' "$kind" "$report" "$rendered" "${updated:-0}" >>"$work/rebuilds-$n"
}

# The document the rebuilds edit: the 500th in name order (the first in a smaller
# corpus), not the newest, whose quote the home page features.
edited_document() {
    local documents=$bench/corpus-$1/documents doc
    doc=$(find "$documents" -name '*.md' | sort | sed -n 500p)
    [ -n "$doc" ] || doc=$(find "$documents" -name '*.md' | sort | head -n 1)
    printf '%s\n' "$doc"
}

# An unmeasured sitegen build of corpus-N into OUT, with any further options.
unmeasured_build() {
    local n=$1 out=$2
    shift 2
    "$sitegen" build -q "$@" --content "$bench/corpus-$n" --output "$out" >"$work/rebuild.log" 2>&1 \
        || fail "sitegen on corpus-$n" "$work/rebuild.log"
}

# Rebuild rounds on corpus-N, editing $doc_edited; prints their table rows.
rebuilds() {
    local n=$1 out=$bench/out-sitegen-$1-rebuild doc=$doc_edited round
    cp "$doc" "$work/original.md"
    trap 'cp "$work/original.md" "$doc"' EXIT  # this runs in a subshell: restore the file however it ends
    : >"$work/rebuilds-$n"
    unmeasured_build "$n" "$out"
    printf '\nEdited before the rounds.\n' >>"$doc"
    unmeasured_build "$n" "$out"
    for round in $(seq 1 "$rounds"); do
        measure_rebuild unchanged "$n" "$out"
        { cat "$work/original.md"; printf '\nEdited in round %s.\n' "$round"; } >"$doc"
        measure_rebuild text "$n" "$out"
        sed -i "0,/^title: /s//title: Retitled in round $round, /" "$doc"
        measure_rebuild title "$n" "$out"
        cp "$work/original.md" "$doc"  # so that the next round's text edit changes only the text
        unmeasured_build "$n" "$out"
    done
    trap - EXIT
    unmeasured_build "$n" "$out-clean" --clean
    diff -r "$out" "$out-clean" >"$work/rebuild.diff" 2>&1 || fail "comparing the rebuilt site with a clean build" "$work/rebuild.diff"
    local full kind label wall pages
    read -r full _ <"$work/median-sitegen-$n"
    for kind in unchanged text title; do
        case $kind in
            unchanged) label="nothing changed" ;;
            text) label="one document's text edited" ;;
            title) label="one document retitled" ;;
        esac
        wall=$(awk -v k="$kind" '$1 == k { print $2 }' "$work/rebuilds-$n" | median)
        pages=$(awk -v k="$kind" '$1 == k { print $4 ($5 > 0 ? " + " $5 " lists" : "") }' "$work/rebuilds-$n" \
            | sort -u | paste -sd/ -)
        awk -v n="$n" -v l="$label" -v w="$wall" -v p="$pages" -v f="$full" \
            'BEGIN { printf "| %s | %s | %.2f | %s | %.1f%% |\n", n, l, w, p, 100 * w / f }'
    done
}

# "| N | tool | median s | median MB | files |" for one tool's runs.
row() {
    local tool=$1 label=$2 n=$3 runs=$work/runs-$3
    local wall kb files
    wall=$(awk -v t="$tool" '$1 == t { print $2 }' "$runs" | median)
    kb=$(awk -v t="$tool" '$1 == t { print $3 }' "$runs" | median)
    files=$(awk -v t="$tool" '$1 == t { print $4 }' "$runs" | sort -un | paste -sd/ -)
    printf '%s %s %s\n' "$wall" "$kb" "$files" >"$work/median-$tool-$n"
    awk -v n="$n" -v l="$label" -v w="$wall" -v k="$kb" -v f="$files" \
        'BEGIN { printf "| %s | %s | %.2f | %.0f | %s |\n", n, l, w, k / 1024, f }'
}

ratio_row() {
    local n=$1 sw sk hw hk
    read -r sw sk _ <"$work/median-sitegen-$n"
    read -r hw hk _ <"$work/median-hugo-$n"
    awk -v n="$n" -v sw="$sw" -v sk="$sk" -v hw="$hw" -v hk="$hk" 'BEGIN {
        t = (sw > 0 && hw > 0) ? sprintf("%.3f (%.1f× %s)", sw / hw, sw < hw ? hw / sw : sw / hw, sw < hw ? "faster" : "slower") : "n/a"
        m = (sk > 0 && hk > 0) ? sprintf("%.3f (%.1f× %s)", sk / hk, sk < hk ? hk / sk : sk / hk, sk < hk ? "less" : "more") : "n/a"
        printf "| %s | sitegen/Hugo | %s | %s | |\n", n, t, m }'
}

header='| N | tool | median wall s | median peak MB | files written |
|--:|:--|--:|--:|--:|'
rebuild_header='| N | sitegen rebuild | median wall s | pages rendered (+ lists updated) | share of a full build |
|--:|:--|--:|--:|--:|'

# Removes earlier outputs, then lets the disk settle (see the note at the top).
clear_outputs() {
    local removed
    removed=$(find "$bench" -maxdepth 1 \( -name 'out-*' -o -name '.out-*' \) -print -exec rm -rf {} +)
    [ -n "$removed" ] || return 0
    sync
    sleep "${PAUSE:-370}"
}

for n in "${sizes[@]}"; do corpus_for "$n"; done
# One size after the other, each on a disk cleared of every earlier output (see the note
# at the top): a size's figures do not depend on which other sizes the run measures.
for n in "${sizes[@]}"; do
    clear_outputs
    for round in $(seq 1 "$warmup"); do
        measure sitegen "$n" "warmup$round"
        measure hugo "$n" "warmup$round"
    done
    : >"$work/runs-$n"
    for round in $(seq 1 "$rounds"); do
        measure sitegen "$n" "$round"
        measure hugo "$n" "$round"
    done
    rows=$(row sitegen sitegen "$n"; row hugo "Hugo $hugo_version" "$n"; ratio_row "$n")
    printf '%s\n%s\n' "$header" "$rows"
    doc_edited=$(edited_document "$n")
    rebuild_rows=$(rebuilds "$n")
    printf '\n%s\n%s\n\n' "$rebuild_header" "$rebuild_rows"

    corpus=$bench/corpus-$n
    # shellcheck disable=SC2016 # the back quotes are Markdown
    {
        printf '# sitegen and Hugo on %s generated documents\n\n' "$n"
        printf '%s\n%s\n\n' "$header" "$rows"
        printf 'Medians of %s alternating clean full builds each, after %s unmeasured round(s), every run into a new output folder\n' "$rounds" "$warmup"
        printf '(this size on its own: every earlier output is deleted before its first run, then the disk is left to settle: see run.sh),\n'
        printf 'measured with `/usr/bin/time -v`; "files written" is `find OUT -type f | wc -l`;\n%s\n\n' "$settle_note"
        printf -- '- Date: %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
        printf -- '- Machine: %s cores, %s RAM, %s\n' "$(nproc)" \
            "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)" "$(uname -sr)"
        printf -- '- sitegen: `%s`\n' "${sitegen#"$root"/}"
        printf -- '- Hugo: %s\n' "$(hugo version)"
        printf -- '- Corpus: `Benchmarks/generate_corpus.py %s Benchmarks/corpus-%s --seed %s`: %s documents, %s visits, %s files, %s\n' \
            "$n" "$n" "$seed" "$(find "$corpus/documents" -name '*.md' | wc -l)" "$(find "$corpus/visits" -name '*.md' | wc -l)" \
            "$(find "$corpus" -type f ! -name .stamp | wc -l)" "$(du -sh "$corpus" | cut -f1)"
        printf -- '- sitegen: `sitegen build --content Benchmarks/corpus-%s --output Benchmarks/out-sitegen-%s-ROUND`\n' "$n" "$n"
        printf -- '- Hugo: `hugo --quiet --source Benchmarks/hugo --contentDir Benchmarks/corpus-%s --destination Benchmarks/out-hugo-%s-ROUND`\n\n' "$n" "$n"
        printf 'Every run (tool, wall s, peak kB, files):\n\n```\n'
        cat "$work/runs-$n"
        printf '```\n\n'
        printf '## Rebuilds\n\n%s\n%s\n\n' "$rebuild_header" "$rebuild_rows"
        printf 'In `Benchmarks/out-sitegen-%s-rebuild`, after a clean build and a first rebuild that fills the spare\n' "$n"
        printf 'folder; the share is of the median full build above. Edited: `%s`, a paragraph appended\n' "${doc_edited#"$root"/}"
        printf '(text), then its title changed (title). Afterwards the file was restored, the site rebuilt, and\n'
        printf 'it matched a clean build (`diff -r`). Every rebuild (kind, wall s, peak kB, pages rendered, lists updated):\n\n```\n'
        cat "$work/rebuilds-$n"
        printf '```\n'
    } >"$bench/results-$n.md"
done
