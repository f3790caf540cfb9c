using System.Collections.Generic;
using System.Threading.Tasks;
using ClicRdv.Testing;
using Xunit;

namespace ClicRdv.Emulator.Tests.Fuzz;

/// <summary>The judge of every answer is strict: it passes an answer the document describes, and refuses each way one can drift.</summary>
public sealed class ResponseValidatorTests
{
    private const string Calendar = "/api/v1/groups/4/calendars/11";
    private const string Json = "application/json; charset=utf-8";

    [Theory]
    [InlineData(200, Json, """{"id":11,"name":"Alice","publicname":null,"deleted":false,"created_at":"2026-01-31 09:00:00"}""")]
    [InlineData(404, Json, """{"error":"Calendar 12345 was not found."}""")]
    public async Task An_answer_the_document_describes_is_valid(int status, string contentType, string body)
    {
        var verdict = await Validate("GET", Calendar, status, contentType, body);

        Assert.True(verdict.Valid, string.Join("\n", verdict.Errors));
        Assert.Equal("GET /api/v1/groups/{gid}/calendars/{id} (getCalendar)", verdict.Operation);
    }

    [Theory]
    [InlineData(Calendar + ".json")]
    [InlineData(Calendar + ".json?format=json")]
    public async Task A_path_with_the_format_suffix_the_document_declares_is_its_operation(string path)
    {
        var verdict = await Validate("GET", path, 200, Json, """{"id":11,"name":"Alice"}""");

        Assert.True(verdict.Valid, string.Join("\n", verdict.Errors));
        Assert.Equal("GET /api/v1/groups/{gid}/calendars/{id} (getCalendar)", verdict.Operation);
    }

    [Theory]
    [InlineData("GET", Calendar, 200, Json, """{"id":11}""", "must have required property 'name'")]
    [InlineData("GET", Calendar, 200, Json, """{"id":"11","name":"Alice"}""", "/id must be integer")]
    [InlineData("GET", Calendar, 200, Json, """{"id":11,"name":null}""", "/name must be string")]
    [InlineData("GET", Calendar, 200, Json, """{"id":11,"name":"Alice","created_at":"2026-01-31T09:00:00Z"}""", "/created_at must match pattern")]
    [InlineData("GET", Calendar, 418, Json, """{"error":"teapot"}""", "status 418 is not documented for GET /api/v1/groups/{gid}/calendars/{id}")]
    [InlineData("GET", Calendar, 200, "text/html", "<html></html>", "the media type 'text/html' is not documented")]
    [InlineData("GET", Calendar, 200, Json, "{\"id\":11,", "the body is not valid JSON")]
    [InlineData("GET", Calendar, 200, Json, "", "the answer has no body")]
    [InlineData("GET", "/api/v1/nowhere", 200, Json, "{}", "no operation of the document matches GET /api/v1/nowhere")]
    [InlineData("GET", "/api/v1/groups.xml", 200, Json, "{}", "no operation of the document matches GET /api/v1/groups.xml")]
    public async Task An_answer_that_drifts_from_the_document_is_invalid_and_says_where(string method, string path, int status, string contentType, string body, string error)
    {
        var verdict = await Validate(method, path, status, contentType, body);

        Assert.False(verdict.Valid);
        Assert.Contains(verdict.Errors, message => message.Contains(error, System.StringComparison.Ordinal));
    }

    private static async Task<AnswerVerdict> Validate(string method, string path, int status, string contentType, string body) =>
        await (await DocumentAnswers.ValidatorAsync()).ValidateAsync(new HttpAnswer(method, path, status, contentType, new Dictionary<string, string>(), body));
}
