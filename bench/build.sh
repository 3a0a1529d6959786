#!/usr/bin/env bash
# Times whole pva runs on N generated documents (default 1000) and, on the
# same documents' generated Typst, the typst CLI run once per document.
# Usage: bench/build.sh [N]    Results go to stdout; copy them into docs/performance.md.
# Needs /usr/bin/time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
ROOT=$(pwd)
TOOLS=$ROOT/target/bench-tools
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"${CARGO:-cargo}" build --release --quiet
"${CARGO:-cargo}" build --release --quiet --example gen
# PVA_BIN measures another build of pva (an older one, for before/after).
PVA=${PVA_BIN:-$ROOT/target/release/pva}
"$ROOT/target/release/examples/gen" "$N" "$WORK/cases" >/dev/null
DOCS=$(find "$WORK/cases" -name '*.md' | wc -l)
cd "$WORK"

# run LABEL COMMAND...: wall time, documents per second, peak memory.
# ROW_DOCS overrides the number of documents the row handles.
run() {
  local label=$1; shift
  local docs=${ROW_DOCS:-$DOCS}
  # Exit 1 is findings (the generated dossiers miss steps the law asks
  # for, as real ones do); anything else is a failure.
  local status=0
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || status=$?
  [ "$status" -le 1 ] || { cat "$WORK/stderr"; exit 1; }
  # GNU time puts "Command exited with non-zero status 1" before the figures.
  # CPU time (user + system) depends less on what else the machine runs.
  read -r wall kb user sys < <(tail -n 1 "$WORK/time")
  awk -v l="$label" -v w="$wall" -v d="$docs" -v kb="$kb" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    'BEGIN { printf "%-34s %8.2f s %10.0f docs/s %8.0f MB %8.2f s CPU\n", l, w, d / (w + 0.0001), kb / 1024, cpu }'
}

# repeat LABEL COMMAND...: the row PVA_BENCH_REPEAT times (default 7), then
# its minimum and median wall time and the load average before it: the
# machine is shared and its speed drifts.
repeat() {
  local label=$1; shift
  local load walls=() row
  load=$(cut -d' ' -f1 /proc/loadavg)
  for _ in $(seq "${PVA_BENCH_REPEAT:-7}"); do
    row=$(run "$label" "$@")
    echo "$row"
    walls+=("$(awk '{print $(NF-8)}' <<<"$row")")
  done
  printf '%s\n' "${walls[@]}" | sort -n | awk -v l="$label" -v load="$load" '{v[NR]=$1} END {printf "%-34s %8.2f s min, %.2f s median of %d (load average %s)\n", l, v[1], v[int((NR+1)/2)], NR, load}'
}

echo "pva $("$PVA" --version | cut -d' ' -f2), $DOCS documents, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
# Targets < 0.3 s: lint, and the rebuild with nothing changed.
repeat "lint"                       "$PVA" lint --today 2026-11-23
run "build, cold"                   "$PVA" build --today 2026-11-23
repeat "build, nothing changed"     "$PVA" build --today 2026-11-23
first=$(find cases -name '01-plan-van-aanpak.md' | sort | awk 'NR == 1')
echo "Extra notitie." >> "$first"
run "build, one document changed"   "$PVA" build --today 2026-11-23
# For the target "0.3 s + that document's compile": the same document built
# alone in a fresh process (start-up, its dossier and its compile).
ROW_DOCS=1 run "build, that document alone" "$PVA" build --today 2026-11-23 --force --out alone "$first"
[ "$(find alone -name '*.pdf' | wc -l)" = 1 ] || { echo "the document alone was not built"; exit 1; }
echo "# gewijzigd" >> cases/gedeeld.yaml
run "build, shared file changed"    "$PVA" build --today 2026-11-23
run "build, forced, 1 thread"       env RAYON_NUM_THREADS=1 "$PVA" build --today 2026-11-23 --force

# The same documents through the typst CLI, one process per document.
# PVA_BENCH_NO_CLI=1 skips this part (installing typst-cli takes minutes).
if [ -n "${PVA_BENCH_NO_CLI:-}" ]; then exit 0; fi
if [ ! -x "$TOOLS/bin/typst" ]; then
  echo "installing typst-cli into $TOOLS (once)..." >&2
  cargo install typst-cli --version 0.15.1 --locked --root "$TOOLS" --quiet
fi
"$PVA" build --today 2026-11-23 --force --emit typst --out typ >/dev/null 2>&1
find typ -name '*.typ' ! -name 'pva.typ' | sort > list
typst_all() {
  while read -r f; do
    "$TOOLS/bin/typst" compile --ignore-system-fonts --font-path typ/fonts --pdf-standard a-2b "$f" "${f%.typ}.cli.pdf" || exit 1
  done < list
}
export -f typst_all; export TOOLS
run "typst CLI, one process per doc" bash -c typst_all

# The CLI must have made the same documents: compare the text of a sample.
if command -v pdftotext >/dev/null; then
  differ=0
  while read -r f; do
    cmp -s <(pdftotext -layout "${f%.typ}.pdf" - 2>/dev/null) \
           <(pdftotext -layout "${f%.typ}.cli.pdf" - 2>/dev/null) || { echo "text differs: $f"; differ=1; }
  done < <(awk 'NR % 50 == 1' list)
  [ "$differ" = 0 ] && echo "typst CLI PDFs: same text as pva's (sample of $(awk 'NR % 50 == 1' list | wc -l))"
  exit "$differ"
fi
