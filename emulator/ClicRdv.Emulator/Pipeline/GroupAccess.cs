using System.Collections.Generic;
using System.Globalization;

namespace ClicRdv.Emulator.Pipeline;

/// <summary>Which group a user may reach: its own. Checked on every operation whose path names a group.</summary>
internal static class GroupAccess
{
    /// <summary>
    /// The 404 another group's path gets (the document's "no such record, or no access to it"; a 403 would tell a
    /// session client to log in again), or null. A group value that is not an integer is left to the validator.
    /// </summary>
    public static ApiResult? Refusal(ApiOperation operation, IReadOnlyDictionary<string, string> pathValues, EmulatorUser? user) =>
        operation.GroupParameter is { } name && user is not null
        && long.TryParse(pathValues[name], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var groupId) && groupId != user.GroupId
            ? ApiResult.NotFound($"Group {pathValues[name]}")
            : null;
}
