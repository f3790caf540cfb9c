#!/usr/bin/env bash
# Cold start: a fresh process making its first call (bench/ClicRdv.ColdStart), timed as a whole process, from start to
# exit, alternating the variants, median of N runs each: the generated client with its emitted metadata (JIT), a
# hand-written client with reflection-based System.Text.Json (JIT), and the generated client published with Native AOT.
# Usage: bench/cold-start.sh [runs]   (default 11)
set -euo pipefail
runs="${1:-11}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=1

dotnet publish "$repo/bench/ClicRdv.ColdStart" -c Release -o "$out/jit" -nologo -v:q > /dev/null
dotnet publish "$repo/bench/ClicRdv.ColdStart" -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" -nologo -v:q > /dev/null

time_once() { # prints milliseconds for one run of the command
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

: > "$out/generated"; : > "$out/reflection"; : > "$out/aot"
for run in $(seq 1 "$runs"); do
  time_once dotnet "$out/jit/ClicRdv.ColdStart.dll" generated >> "$out/generated"
  time_once dotnet "$out/jit/ClicRdv.ColdStart.dll" reflection >> "$out/reflection"
  time_once "$out/aot/ClicRdv.ColdStart" generated >> "$out/aot"
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
generated=$(median "$out/generated"); reflection=$(median "$out/reflection"); aot=$(median "$out/aot")
awk -v runs="$runs" -v g="$generated" -v r="$reflection" -v a="$aot" 'BEGIN {
  printf "First call in a fresh process, median of %d runs each (alternated):\n", runs
  printf "  generated client, emitted metadata (JIT): %d ms\n  hand-written, reflection-based STJ (JIT): %d ms\n  generated client, Native AOT:             %d ms\n", g, r, a
  printf "  ratios: generated/reflection %.2f, AOT/generated JIT %.2f\n", g / r, a / g }'
