#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), one after the other,
# niced, on the binaries `cargo +nightly fuzz build` made (build first; this
# script never builds). Each target starts from its seeds (fuzz/seeds/T, kept
# in git) and the corpus it grew before (fuzz/corpus/T, not in git); a crash
# is written to fuzz/artifacts/T/. Usage: bash fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
(( ${#targets[@]} )) || targets=(lsp_framing lsp_messages front_matter markdown)
bin=target/x86_64-unknown-linux-gnu/release
for t in "${targets[@]}"; do
  [[ -x $bin/$t ]] || { echo "no $bin/$t: run 'cargo +nightly fuzz build' first" >&2; exit 2; }
  mkdir -p "corpus/$t" "artifacts/$t" "seeds/$t"
  echo "== $t ($seconds s)"
  nice -n 10 "$bin/$t" "corpus/$t" "seeds/$t" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
    -artifact_prefix="artifacts/$t/" -print_final_stats=1
done
