#!/usr/bin/env bash
# Cold start: a fresh process making its first call (bench/ClicRdv.ColdStart), timed as a whole process, from start to
# exit, alternating the variants, median of N runs each: the generated client with its emitted metadata (JIT), a
# hand-written client with reflection-based System.Text.Json (JIT), and the generated client published with Native AOT.
# With a second argument, another checkout of this repository (an earlier commit, say): its generated client, built
# from the same program, is a fourth variant (the program is copied into that checkout's bench/ if it has none).
# Usage: bench/cold-start.sh [runs] [other-checkout]   (default 11 runs)
set -euo pipefail
runs="${1:-11}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
other="${2:-}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=1

dotnet publish "$repo/bench/ClicRdv.ColdStart" -c Release -o "$out/jit" -nologo -v:q > /dev/null
dotnet publish "$repo/bench/ClicRdv.ColdStart" -c Release -p:ColdStartAot=true -o "$out/aot" -nologo -v:q > /dev/null
if [ -n "$other" ]; then
  [ -d "$other/bench/ClicRdv.ColdStart" ] || cp -r "$repo/bench/ClicRdv.ColdStart" "$other/bench/"
  cp "$repo/bench/ClicRdv.Benchmarks/CannedHandler.cs" "$other/bench/ClicRdv.ColdStart/CannedHandler.cs"
  sed -i 's#<Compile Include="../ClicRdv.Benchmarks/CannedHandler.cs" Link="CannedHandler.cs" />##' "$other/bench/ClicRdv.ColdStart/ClicRdv.ColdStart.csproj"
  dotnet publish "$other/bench/ClicRdv.ColdStart" -c Release -o "$out/other" -nologo -v:q > /dev/null
fi

time_once() { # prints milliseconds for one run of the command
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

: > "$out/generated.ms"; : > "$out/reflection.ms"; : > "$out/aot.ms"; : > "$out/other.ms"
for run in $(seq 1 "$runs"); do
  time_once dotnet "$out/jit/ClicRdv.ColdStart.dll" generated >> "$out/generated.ms"
  time_once dotnet "$out/jit/ClicRdv.ColdStart.dll" reflection >> "$out/reflection.ms"
  time_once "$out/aot/ClicRdv.ColdStart" generated >> "$out/aot.ms"
  if [ -n "$other" ]; then time_once dotnet "$out/other/ClicRdv.ColdStart.dll" generated >> "$out/other.ms"; fi
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
generated=$(median "$out/generated.ms"); reflection=$(median "$out/reflection.ms"); aot=$(median "$out/aot.ms")
awk -v runs="$runs" -v g="$generated" -v r="$reflection" -v a="$aot" 'BEGIN {
  printf "First call in a fresh process, median of %d runs each (alternated):\n", runs
  printf "  generated client, emitted metadata (JIT): %d ms\n  hand-written, reflection-based STJ (JIT): %d ms\n  generated client, Native AOT:             %d ms\n", g, r, a
  printf "  ratios: generated/reflection %.2f, AOT/generated JIT %.2f\n", g / r, a / g }'
if [ -n "$other" ]; then
  o=$(median "$out/other.ms")
  awk -v g="$generated" -v o="$o" 'BEGIN { printf "  generated client of the other checkout (JIT): %d ms; this one / that one %.2f\n", o, g / o }'
fi
