namespace ClicRdv.Generated.Support;

using System.Text.Json.Serialization;

/// <summary>
/// The contract an operation's document declares for an error status (exact code first, then its range, then
/// <c>default</c>), or null when it declares none; <paramref name="json"/> is the client's metadata (null with a content
/// serializer of the caller's own).
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal delegate ErrorContract? ErrorTable(int status, JsonSerializerContext? json);
