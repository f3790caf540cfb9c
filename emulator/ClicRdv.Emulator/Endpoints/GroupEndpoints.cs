using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>Groups (a user sees only its own) and end-customer accounts.</summary>
internal sealed class GroupEndpoints
{
    private readonly Store _store;

    public GroupEndpoints(Store store) => _store = store;

    public ApiResult List(ApiCall call) =>
        _store.Locked(tables => ApiResult.Ok(ListQuery.Envelope(tables.Rows("groups").Where(group => group.Long("id") == call.User!.GroupId), call, "name")));

    public ApiResult Get(ApiCall call) =>
        _store.Locked(tables => Visible(tables, call) is { } group ? ApiResult.Ok(group.Copy()) : ApiResult.NotFound($"Group {call.PathValues["id"]}"));

    public ApiResult Update(ApiCall call)
    {
        var fields = call.Wrapped("group");
        return _store.Locked(tables =>
        {
            if (Visible(tables, call) is not { } group)
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
        return _store.Locked(tables =>
        {
            if (tables.Find("groups", fields.Long("group_id")) is null)
            {
                return ApiResult.Error(400, "group_id is not a group.");
            }

            if (tables.Rows("accounts").Any(account => account.Text("email") == fields.Text("email")))
            {
                return ApiResult.Error(400, "An account with this email already exists.", 11);
            }

            var account = new JsonObject { ["email"] = fields.Text("email"), ["group_id"] = fields.Long("group_id"), ["firstname"] = null, ["lastname"] = null };
            return ApiResult.Created(tables.Insert("accounts", account).Copy());
        });
    }

    private static JsonObject? Visible(Store tables, ApiCall call) =>
        call.PathLong("id") == call.User!.GroupId ? tables.Find("groups", call.PathLong("id")) : null;
}
