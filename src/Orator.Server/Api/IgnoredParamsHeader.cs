using System.Text;
using Microsoft.AspNetCore.Http;

namespace Orator.Server.Api;

/// <summary>
/// The <c>x-orator-ignored-params</c> response header: the request fields Orator accepted but did
/// not act on, comma-separated in body order, so that nothing is ignored silently. Names are
/// client text, so any character outside letters, digits and <c>-._~</c> is percent-encoded (a
/// header value must be visible ASCII, and a comma separates names), and the list is bounded.
/// </summary>
internal static class IgnoredParamsHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "x-orator-ignored-params";

    private const int MaxNameLength = 64;
    private const int MaxValueLength = 1024;

    /// <summary>Sets the header to <paramref name="names"/> (removes it when there are none).</summary>
    public static void Set(HttpResponse response, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            response.Headers.Remove(Name);
            return;
        }

        response.Headers[Name] = Format(names);
    }

    /// <summary>The header value for <paramref name="names"/>: each encoded, duplicates dropped, at most 1024 characters.</summary>
    public static string Format(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var value = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var encoded = Uri.EscapeDataString(name.Length > MaxNameLength ? name[..MaxNameLength] : name);
            if (!seen.Add(encoded))
            {
                continue;
            }

            if (value.Length + encoded.Length + 1 > MaxValueLength - 4)
            {
                // Cut, but say so: "..." is no field name a client could mistake for one.
                value.Append(",...");
                break;
            }

            value.Append(value.Length == 0 ? string.Empty : ",").Append(encoded);
        }

        return value.ToString();
    }
}
