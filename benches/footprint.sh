#!/bin/sh
# Peak memory (VmHWM, /usr/bin/time -v) of `raci audit` against the estimate of
# `Matrix::estimated_run_bytes` (src/model/footprint.rs), one line per generated matrix.
# Needs: cargo build --release --bin raci --example footprint
# Run: sh benches/footprint.sh [CASES_FILE] > table.txt   (cases: KIND TASKS PARTIES TASK_NAME PARTY_NAME DENSITY FMT)
set -eu
bin=target/release/raci
ex=target/release/examples/footprint
dir=${TMPDIR:-/tmp}/raci-footprint
mkdir -p "$dir"
cases=${1:-benches/footprint-cases.txt}
printf '%-50s %9s %9s %6s\n' case peak_MB est_MB ratio
grep -v '^#' "$cases" | while read -r kind tasks parties tlen plen dens fmt; do
    [ -n "$kind" ] || continue
    name="$kind-${tasks}x$parties-t$tlen-p$plen-d$dens.$fmt"
    file="$dir/$name"
    [ -f "$file" ] || "$ex" gen "$kind" "$tasks" "$parties" "$tlen" "$plen" "$dens" "$file"
    facts=$("$ex" estimate "$file")
    est=${facts%% *}
    rm -rf "$dir/out"
    /usr/bin/time -v "$bin" audit "$file" -o "$dir/out" --max-memory-mb 16384 \
        >/dev/null 2>"$dir/time.txt" || true
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
    findings=-1
    [ -f "$dir/out/findings.csv" ] && findings=$(($(wc -l < "$dir/out/findings.csv") - 1))
    echo "$name $kb $findings $facts" >> "$dir/facts.txt"
    awk -v n="$name" -v kb="$kb" -v est="$est" 'BEGIN {
        printf "%-50s %9.0f %9.0f %6.2f\n", n, kb / 1024, est / 1048576, est / 1024 / kb }'
done
