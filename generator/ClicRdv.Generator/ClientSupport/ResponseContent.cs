namespace ClicRdv.Generated.Support;

/// <summary>
/// What a response carries, which decides how a generated client reads it. The generator's model uses this very type,
/// so the emitter and the clients cannot disagree on its members.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal enum ResponseContent
{
    /// <summary>No content: the method returns <c>Task</c>.</summary>
    None,

    /// <summary>JSON, read with the document's metadata (or the caller's own content serializer).</summary>
    Json,

    /// <summary>Text, returned as a string.</summary>
    Text,

    /// <summary>Bytes, returned as the document's file answer: the stream, with its content headers, that the caller reads and disposes.</summary>
    Stream,
}
