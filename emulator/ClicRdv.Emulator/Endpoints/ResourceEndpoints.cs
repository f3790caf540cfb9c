using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using ClicRdv.Emulator.Data;
using ClicRdv.Emulator.Pipeline;

namespace ClicRdv.Emulator.Endpoints;

/// <summary>A group resource: its table, the key its bodies are wrapped in, what a new record starts with, the ids its bodies may name.</summary>
internal sealed record Resource(string Table, string Wrapper, string Label, string[] SearchFields, Func<JsonObject> Defaults, bool HasTimestamps, params Reference[] References)
{
    /// <summary>How a record of this resource appears in a list, when ClicRDV shows it otherwise than alone (a copy it may change).</summary>
    public Func<JsonObject, JsonObject>? AsListed { get; init; }
}

/// <summary>
/// The CRUD operations every group resource shares, with ClicRDV's semantics: bodies wrapped in the singular name,
/// bare answers, 201 on create, soft deletes (<c>deleted: true</c>; a PUT of <c>deleted: false</c> restores), and
/// collections with paging, sorting, search and conditions. The ids a body names must be the path's group's.
/// </summary>
internal sealed class ResourceEndpoints
{
    private static readonly string[] ReadOnlyMembers = { "id", "group_id", "created_at", "updated_at" };

    private readonly Store _store;
    private readonly TimeProvider _clock;

    public ResourceEndpoints(Store store, TimeProvider clock)
    {
        _store = store;
        _clock = clock;
    }

    /// <summary>The group's records are copied under the lock; searching, sorting and paging them happen outside it.</summary>
    public ApiResult List(ApiCall call, Resource resource, Func<JsonObject, ApiCall, bool>? filter = null)
    {
        var groupId = call.PathLong("gid");
        var rows = _store.Locked(tables => tables.Rows(resource.Table)
            .Where(row => GroupOf(tables, resource, row) == groupId && (filter?.Invoke(row, call) ?? true))
            .Select(row => resource.AsListed is { } listed ? listed(row.Copy()) : row.Copy())
            .ToList());
        return ApiResult.Ok(ListQuery.Envelope(rows, call, resource.SearchFields));
    }

    public ApiResult Get(ApiCall call, Resource resource) =>
        _store.Locked(tables => Find(tables, call, resource) is { } row ? ApiResult.Ok(row.Copy()) : ApiResult.NotFound($"{resource.Label} {call.PathValues["id"]}"));

    public ApiResult Create(ApiCall call, Resource resource)
    {
        var fields = call.Wrapped(resource.Wrapper);
        var groupId = call.PathLong("gid");
        return _store.Locked(tables =>
        {
            if (Reference.Foreign(tables, groupId, fields, resource.References) is { } foreign)
            {
                return ApiResult.Error(400, foreign + ".");
            }

            var record = resource.Defaults();
            record.Merge(fields, ReadOnlyMembers);
            if (resource.Table != "vevents")
            {
                record["group_id"] = groupId;
            }

            Stamp(record, resource, created: true);
            return ApiResult.Created(tables.Insert(resource.Table, record).Copy());
        });
    }

    public ApiResult Update(ApiCall call, Resource resource)
    {
        var fields = call.Wrapped(resource.Wrapper);
        return _store.Locked(tables =>
        {
            if (Find(tables, call, resource) is not { } record)
            {
                return ApiResult.NotFound($"{resource.Label} {call.PathValues["id"]}");
            }

            if (Reference.Foreign(tables, call.PathLong("gid"), fields, resource.References) is { } foreign)
            {
                return ApiResult.Error(400, foreign + ".");
            }

            record.Merge(fields, ReadOnlyMembers);
            Stamp(record, resource, created: false);
            return ApiResult.Ok(record.Copy());
        });
    }

    public ApiResult Delete(ApiCall call, Resource resource) =>
        _store.Locked(tables =>
        {
            if (Find(tables, call, resource) is not { } record)
            {
                return ApiResult.NotFound($"{resource.Label} {call.PathValues["id"]}");
            }

            record["deleted"] = true;
            Stamp(record, resource, created: false);
            return ApiResult.Deleted;
        });

    /// <summary>A record of the path's group, or null (another group's record is "not found", as ClicRDV answers).</summary>
    public static JsonObject? Find(Store tables, ApiCall call, Resource resource) =>
        tables.Find(resource.Table, call.PathLong("id")) is { } row && GroupOf(tables, resource, row) == call.PathLong("gid") ? row : null;

    /// <summary>Events belong to a group through their calendar; other records carry <c>group_id</c>.</summary>
    public static long GroupOf(Store tables, Resource resource, JsonObject row) =>
        resource.Table == "vevents" ? tables.Find("calendars", row.Long("calendar_id"))?.Long("group_id") ?? 0 : row.Long("group_id");

    private void Stamp(JsonObject record, Resource resource, bool created)
    {
        var now = ClicRdvTime.Write(ClicRdvTime.Now(_clock));
        if (resource.HasTimestamps && created)
        {
            record["created_at"] = now;
        }

        if (resource.HasTimestamps || resource.Table == "vevents")
        {
            record["updated_at"] = now;
        }
    }
}
