using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace ClicRdv.Emulator.Data;

/// <summary>
/// The emulator's in-memory data: one table of JSON records per resource. Every access goes through
/// <see cref="Locked{T}"/>, so that a booking's check-then-insert is atomic; records leave the lock as copies.
/// </summary>
internal sealed class Store
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> _tables = new(StringComparer.Ordinal);
    private long _lastId = 1000;

    public T Locked<T>(Func<Store, T> work)
    {
        lock (_gate)
        {
            return work(this);
        }
    }

    /// <summary>The live records of a table (call under <see cref="Locked{T}"/>; copy what leaves it).</summary>
    public IEnumerable<JsonObject> Rows(string table) => Table(table).Values;

    public JsonObject? Find(string table, long id) => Table(table).TryGetValue(id, out var row) ? row : null;

    /// <summary>Adds a record, giving it the next id unless it has one.</summary>
    public JsonObject Insert(string table, JsonObject record)
    {
        var id = record["id"]?.GetValue<long>() ?? ++_lastId;
        _lastId = Math.Max(_lastId, id);
        record["id"] = id;
        Table(table)[id] = record;
        return record;
    }

    private SortedDictionary<long, JsonObject> Table(string table)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            rows = new SortedDictionary<long, JsonObject>();
            _tables.Add(table, rows);
        }

        return rows;
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Copy(this JsonObject record) => (JsonObject)record.DeepClone();

    public static long Long(this JsonObject record, string name) =>
        record[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;

    public static string? Text(this JsonObject record, string name) =>
        record[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool Flag(this JsonObject record, string name) =>
        record[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>Copies every member of <paramref name="changes"/> onto <paramref name="record"/>, except the given ones.</summary>
    public static void Merge(this JsonObject record, JsonObject changes, params string[] except)
    {
        foreach (var member in changes.Where(member => !except.Contains(member.Key)).ToList())
        {
            record[member.Key] = member.Value?.DeepClone();
        }
    }
}
