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
for assembly in ClicRdv.Generator NSwag.Core NJsonSchema NJsonSchema.Annotations Namotion.Reflection Newtonsoft.Json; do
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
measure() { # $1: UseSharedCompilation
  dotnet build "$work" -nologo -v:q -p:UseSharedCompilation="$1" > /dev/null
  for run in $(seq 1 "$runs"); do
    sed -i "s#// EDIT.*#// EDIT $run $RANDOM#" "$work/Unrelated.cs"
    dotnet build "$work" --no-restore -nologo -v:d -p:ReportAnalyzer=true -p:UseSharedCompilation="$1" \
      | grep -E '^\s+[0-9.<]+ +[0-9]+ +ClicRdv\.Generator\.OpenApiClientGenerator' | head -1 | awk '{ print $1 }'
  done | sort -n | awk -v mode="$2" '{ values[NR] = $1 } END { m = (NR % 2) ? values[(NR + 1) / 2] : (values[NR / 2] + values[NR / 2 + 1]) / 2; printf "Generator time in a warm rebuild (%s), median of %d runs: %s s (min %s, max %s)\n", mode, NR, m, values[1], values[NR] }'
}

measure true "compiler server"
measure false "a new compiler process per build"
