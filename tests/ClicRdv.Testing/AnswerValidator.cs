using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ClicRdv.Testing;

/// <summary>
/// The response validator of tools/response-validator (Ajv, on Node.js): one process, started once, that judges answers
/// by an OpenAPI document, one JSON line in and one out per answer. It is safe to share: answers are judged one at a time.
/// </summary>
public sealed class AnswerValidator : IAsyncDisposable
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A hang guard: an answer takes well under a millisecond to judge.</summary>
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _errorOutput = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _lastId;

    private AnswerValidator(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (_errorOutput)
            {
                _errorOutput.AppendLine(line.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public static string ToolDirectory => Path.Combine(RepositoryPaths.Root, "tools", "response-validator");

    /// <summary>The document's response schemas that Ajv refuses to compile, with why (answers that need them are invalid).</summary>
    public IReadOnlyList<string> UncompilableSchemas { get; private set; } = Array.Empty<string>();

    /// <summary>The formats the document uses that Ajv does not know, and so does not check.</summary>
    public IReadOnlyList<string> UncheckedFormats { get; private set; } = Array.Empty<string>();

    /// <summary>Installs the validator's packages if needed, and starts it on <paramref name="documentPath"/>.</summary>
    public static async Task<AnswerValidator> StartAsync(string documentPath)
    {
        await NpmPackages.EnsureInstalledAsync(ToolDirectory, InstallTimeout);
        var start = new ProcessStartInfo("node", $"validate.js \"{documentPath}\"")
        {
            WorkingDirectory = ToolDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        var validator = new AnswerValidator(Process.Start(start) ?? throw new InvalidOperationException("node could not be started."));
        try
        {
            var first = await validator.ReadLineAsync();
            var ready = JsonNode.Parse(first)!;
            if (ready["ready"]?.GetValue<bool>() != true)
            {
                throw new InvalidOperationException("The response validator did not start: " + (ready["error"]?.GetValue<string>() ?? first));
            }

            validator.UncompilableSchemas = Strings(ready["uncompilable"]);
            validator.UncheckedFormats = Strings(ready["ignoredFormats"]);
            return validator;
        }
        catch
        {
            await validator.DisposeAsync();
            throw;
        }
    }

    /// <summary>Judges one answer by the document (its operation is found from its method and path).</summary>
    public async Task<AnswerVerdict> ValidateAsync(HttpAnswer answer)
    {
        var id = Interlocked.Increment(ref _lastId);
        var line = new JsonObject
        {
            ["id"] = id,
            ["method"] = answer.Method,
            ["path"] = answer.PathAndQuery,
            ["status"] = answer.Status,
            ["contentType"] = answer.ContentType,
            ["headers"] = new JsonObject(answer.Headers.Select(header => KeyValuePair.Create(header.Key, (JsonNode?)header.Value))),
            ["body"] = answer.Body,
        }.ToJsonString();

        await _turn.WaitAsync();
        string reply;
        try
        {
            // The default encoder escapes every non-ASCII character, so the line is ASCII whatever the body holds.
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
            reply = await ReadLineAsync();
        }
        finally
        {
            _turn.Release();
        }

        var verdict = JsonNode.Parse(reply)!;
        if (verdict["id"]?.GetValue<long>() != id)
        {
            throw new InvalidOperationException($"The response validator answered line {verdict["id"]} instead of {id}: {reply}");
        }

        return new AnswerVerdict(
            verdict["valid"]!.GetValue<bool>(),
            verdict["operation"]?.GetValue<string>(),
            Strings(verdict["errors"]));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The validator ends when its input does.
        _process.StandardInput.Close();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
        _turn.Dispose();
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(item => item!.GetValue<string>()).ToList();

    private async Task<string> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The response validator did not answer within {AnswerTimeout.TotalSeconds} seconds.");
        }

        if (line is null)
        {
            lock (_errorOutput)
            {
                throw new InvalidOperationException("The response validator stopped:\n" + _errorOutput);
            }
        }

        return line;
    }
}
