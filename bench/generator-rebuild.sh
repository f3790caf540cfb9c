#!/usr/bin/env bash
# Time the generator spends in a warm rebuild: a consumer of a document (box-platform by default) is built once, then
# rebuilt after each touch of an unrelated C# file, with -p:ReportAnalyzer=true; the compiler reports each generator's
# own time. The command-line compiler makes a new generator driver for every compilation, so only the generator's own
# cache can keep a rebuild from generating again, and only in the compiler server (the SDK's default), which outlives
# a build: with UseSharedCompilation=false every build is a new compiler process. Both are measured.
# The generator is referenced as its package delivers it (analyzer assemblies).
# Usage: bench/generator-rebuild.sh [runs] [document]   (default 9 runs, bench/ClicRdv.Benchmarks/Fixtures/box-platform.openapi.json)
set -euo pipefail
runs="${1:-9}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
document="${2:-$repo/bench/ClicRdv.Benchmarks/Fixtures/box-platform.openapi.json}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$repo/generator/ClicRdv.Generator" -c Release -nologo -v:q > /dev/null
analyzers=""
for assembly in ClicRdv.Generator NSwag.Core NJsonSchema NJsonSchema.Annotations Namotion.Reflection Newtonsoft.Json YamlDotNet; do
  analyzers="$analyzers<Analyzer Include=\"$repo/generator/ClicRdv.Generator/bin/Release/netstandard2.0/$assembly.dll\" />"
done

cat > "$work/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$repo/generator/ClicRdv.Generator/build/ClicRdv.Generator.props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ClicRdvIncludeBundledDocument>false</ClicRdvIncludeBundledDocument>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Refit" Version="16.4.0" />
    $analyzers
    <AdditionalFiles Include="$work/api.openapi.json" />
  </ItemGroup>
</Project>
XML
cp "$document" "$work/api.openapi.json"
echo 'public static class Unrelated { public static int Value => 0; } // EDIT' > "$work/Unrelated.cs"
start=$(date +%s.%N)
dotnet build "$work" -nologo -v:q -p:UseSharedCompilation=false > /dev/null
end=$(date +%s.%N)
awk -v start="$start" -v end="$end" 'BEGIN { printf "First build (restore included, a new compiler process): %.1f s\n", end - start }'

median() { sort -n | awk '{ values[NR] = $1 } END { m = (NR % 2) ? values[(NR + 1) / 2] : (values[NR / 2] + values[NR / 2 + 1]) / 2; printf "%s (min %s, max %s)", m, values[1], values[NR] }'; }

measure() { # $1: UseSharedCompilation, $2: its description
  dotnet build "$work" -nologo -v:q -p:UseSharedCompilation="$1" > /dev/null
  : > "$work/generator.s"; : > "$work/build.s"
  for run in $(seq 1 "$runs"); do
    sed -i "s#// EDIT.*#// EDIT $run $RANDOM#" "$work/Unrelated.cs"
    start=$(date +%s.%N)
    dotnet build "$work" --no-restore -nologo -v:d -p:ReportAnalyzer=true -p:UseSharedCompilation="$1" > "$work/build.log"
    end=$(date +%s.%N)
    awk -v start="$start" -v end="$end" 'BEGIN { print end - start }' >> "$work/build.s"
    grep -E '^\s+[0-9.<]+ +[0-9]+ +ClicRdv\.Generator\.OpenApiClientGenerator' "$work/build.log" | head -1 | awk '{ print $1 }' >> "$work/generator.s"
  done
  echo "Warm rebuild ($2), medians of $runs runs: generator $(median < "$work/generator.s") s, whole build $(median < "$work/build.s") s"
}

# What the generator writes for this document (the files are emitted once, outside the measured builds).
sed -i "s#// EDIT.*#// EDIT generated#" "$work/Unrelated.cs"
dotnet build "$work" --no-restore -nologo -v:q -p:UseSharedCompilation=false -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath=generated > /dev/null
find "$work/generated" -name '*.g.cs' -path '*OpenApiClientGenerator*' -exec cat {} + | wc -lc | awk '{ printf "Generated: %d lines, %.2f MB\n", $1, $2 / 1048576 }'
rm -rf "$work/generated"

measure true "compiler server"
measure false "a new compiler process per build"
