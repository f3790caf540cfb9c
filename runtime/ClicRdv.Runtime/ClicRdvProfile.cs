using System.Text.Json;

namespace ClicRdv.Runtime;

/// <summary>Who is logged in, as the session login answered.</summary>
/// <param name="Kind">A professional user or an end customer.</param>
/// <param name="Id">The user's id.</param>
/// <param name="GroupId">The user's group: the <c>gid</c> of the group's resources.</param>
/// <param name="Email">The user's email.</param>
/// <param name="FirstName">The user's first name.</param>
/// <param name="LastName">The user's last name.</param>
/// <param name="Raw">The profile object exactly as the server sent it, with every member.</param>
public sealed record ClicRdvProfile(
    ClicRdvAuthentication Kind,
    long Id,
    long? GroupId,
    string? Email,
    string? FirstName,
    string? LastName,
    JsonElement Raw);
