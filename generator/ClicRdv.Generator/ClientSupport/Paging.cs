namespace ClicRdv.Generated.Support;

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Refit;

/// <summary>
/// The loop behind every streaming companion of a paged operation (<c>x-paging</c>): one page at a time, each asked
/// for at the offset the records so far reach, its records yielded as they are read, and no page kept once the next
/// is asked for.
/// </summary>
[global::Microsoft.CodeAnalysis.Embedded]
internal static class Paging
{
    /// <summary>
    /// Every record, page after page. It stops on an empty page; once the offset reaches the total, when the answer
    /// counts one (a page shorter than asked for is then no end: the server may cap its pages); else on a page
    /// shorter than asked for. The caller's token cancels the request in flight and is checked before each record.
    /// </summary>
    /// <param name="fetch">Asks for the page at an offset, of a size.</param>
    /// <param name="records">A page's records.</param>
    /// <param name="total">How many records there are across pages, or null when the answer does not say.</param>
    /// <param name="pageSize">How many records each request asks for.</param>
    /// <param name="cancellationToken">The caller's token, combined with the enumerator's.</param>
    public static async IAsyncEnumerable<TRecord> ReadAllAsync<TPage, TRecord>(
        Func<int, int, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TRecord>?> records,
        Func<TPage, long?> total,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var offset = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(offset, pageSize, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var record in records(page) ?? Array.Empty<TRecord>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                yield return record;
            }

            if (count == 0)
            {
                yield break;
            }

            // An offset past int's range would wrap: no API pages that far.
            offset = checked(offset + count);
            if (total(page) is { } known ? offset >= known : count < pageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>A companion's page size, checked before the first request: from 1, and at most what the API takes.</summary>
    public static void CheckPageSize(int pageSize, int? maxPageSize, string parameterName)
    {
        if (pageSize < 1 || pageSize > maxPageSize)
        {
            throw new ArgumentOutOfRangeException(parameterName, pageSize, maxPageSize is { } max
                ? $"A page holds from 1 to {max} records."
                : "A page holds at least 1 record.");
        }
    }

    /// <summary>The page an <see cref="IApiResponse{T}"/> holds, or its error, thrown: a companion has no other way to report it.</summary>
    public static TPage ContentOf<TPage>(IApiResponse<TPage> response)
    {
        if (response.Error is { } error)
        {
            throw error;
        }

        return response.Content!;
    }
}
