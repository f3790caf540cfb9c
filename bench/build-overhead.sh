#!/usr/bin/env bash
# Build overhead of the generator: rebuild time of a consumer of the ClicRDV document with the generator, against the
# same consumer with the generated code checked in as plain source. Each rebuild follows an edit to Program.cs.
# The generator is referenced the way its package delivers it: as analyzer assemblies (not a project to check).
# Usage: bench/build-overhead.sh [runs]    (default 7 runs each; prints the medians and their ratio)
set -euo pipefail
runs="${1:-7}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

program='using ClicRdv.Runtime;
using Consumer.Api;
using var clicRdv = new ClicRdvClientFactory(new ClicRdvOptions { BaseAddress = new System.Uri("http://127.0.0.1:1/"), ApiKey = "k", Authentication = ClicRdvAuthentication.Basic, Email = "e", Password = "p" }, ApiClients.Factories, ApiJsonContext.Default);
System.Console.WriteLine(clicRdv.Create<ICalendarsApi>() is not null); // EDIT'

project() { # $1: extra items
  cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/runtime/ClicRdv.Runtime/ClicRdv.Runtime.csproj" />
    $1
  </ItemGroup>
</Project>
XML
}

dotnet build "$repo/generator/ClicRdv.Generator" -c Release -nologo -v:q > /dev/null
analyzers=""
for assembly in ClicRdv.Generator NSwag.Core NJsonSchema NJsonSchema.Annotations Namotion.Reflection Newtonsoft.Json YamlDotNet; do
  analyzers="$analyzers<Analyzer Include=\"$repo/generator/ClicRdv.Generator/bin/Release/netstandard2.0/$assembly.dll\" />"
done

mkdir -p "$work/with-generator" "$work/checked-in"
project "$analyzers
    <AdditionalFiles Include=\"$repo/spec/clicrdv.v1.openapi.json\" ClicRdvNamespace=\"Consumer.Api\" />" \
  | sed "s#<Project Sdk=\"Microsoft.NET.Sdk\">#<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"$repo/generator/ClicRdv.Generator/build/ClicRdv.Generator.props\" />#" \
  | sed 's#</PropertyGroup>#  <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>\n    <CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>\n  </PropertyGroup>#' \
  > "$work/with-generator/Consumer.csproj"
project "" > "$work/checked-in/Consumer.csproj"
echo "$program" > "$work/with-generator/Program.cs"
echo "$program" > "$work/checked-in/Program.cs"

dotnet build "$work/with-generator" -nologo -v:q > /dev/null
find "$work/with-generator/generated" -name '*.g.cs' -exec cp {} "$work/checked-in/" \;
# The checked-in copy must not also be generated: its project has no generator, so only the copies compile.
dotnet build "$work/checked-in" -nologo -v:q > /dev/null

measure() { # $1: project folder; prints one line of seconds per run
  for run in $(seq 1 "$runs"); do
    sed -i "s#// EDIT.*#// EDIT $run $RANDOM#" "$1/Program.cs"
    start=$(date +%s.%N)
    dotnet build "$1" --no-restore -nologo -v:q > /dev/null
    end=$(date +%s.%N)
    awk -v start="$start" -v end="$end" 'BEGIN { print end - start }'
  done
}

median() { sort -n | awk '{ values[NR] = $1 } END { if (NR % 2) print values[(NR + 1) / 2]; else print (values[NR / 2] + values[NR / 2 + 1]) / 2 }'; }

with_generator=$(measure "$work/with-generator" | median)
checked_in=$(measure "$work/checked-in" | median)
awk -v runs="$runs" -v with="$with_generator" -v without="$checked_in" \
  'BEGIN { printf "Rebuild after an edit, median of %d runs: with the generator %.2f s, generated code checked in %.2f s, ratio %.2f\n", runs, with, without, with / without }'
