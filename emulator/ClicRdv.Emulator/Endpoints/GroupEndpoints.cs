using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>
/// Groups (a user sees only its own: the pipeline answers 404 for another group's path) and end-customer accounts,
/// which a user creates in its own group only.
/// </summary>
internal sealed class GroupEndpoints
{
    private readonly Store _store;

    public GroupEndpoints(Store store) => _store = store;

    public ApiResult List(ApiCall call) =>
        ApiResult.Ok(ListQuery.Envelope(_store.Locked(tables => tables.Rows("groups").Where(group => group.Long("id") == call.User!.GroupId).Select(group => group.Copy()).ToList()), call, "name"));

    public ApiResult Get(ApiCall call) =>
        _store.Locked(tables => tables.Find("groups", call.PathLong("id")) is { } group ? ApiResult.Ok(group.Copy()) : ApiResult.NotFound($"Group {call.PathValues["id"]}"));

    public ApiResult Update(ApiCall call)
    {
        var fields = call.Wrapped("group");
        return _store.Locked(tables =>
        {
            if (tables.Find("groups", call.PathLong("id")) is not { } group)
            {
                return ApiResult.NotFound($"Group {call.PathValues["id"]}");
            }

            group.Merge(fields, "id");
            return ApiResult.Ok(group.Copy());
        });
    }

    public ApiResult CreateAccount(ApiCall call)
    {
        var fields = call.Wrapped("account");
        var groupId = fields.Long("group_id");
        return _store.Locked(tables =>
        {
            if (groupId != call.User!.GroupId || tables.Find("groups", groupId) is null)
            {
                return ApiResult.Error(400, $"group_id {groupId} is not your group.");
            }

            if (tables.Rows("accounts").Any(account => account.Text("email") == fields.Text("email")))
            {
                return ApiResult.Error(400, "An account with this email already exists.", 11);
            }

            var account = new JsonObject { ["email"] = fields.Text("email"), ["group_id"] = groupId, ["firstname"] = null, ["lastname"] = null };
            return ApiResult.Created(tables.Insert("accounts", account).Copy());
        });
    }
}
