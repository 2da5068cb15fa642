using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orator.Server.Api;
using Orator.Server.Auth;
using Orator.Server.Endpoints;
using Orator.Server.Hosting;
using Orator.Server.Speech;
using Orator.Storage;
using Orator.Storage.Keys;
using Orator.Storage.Usage;
using Orator.Speech.Errors;

namespace Orator.Server.Admin;

/// <summary>
/// <c>/admin/keys</c> (GET list, POST create), <c>/admin/keys/{id}/revoke</c>,
/// <c>/admin/keys/{id}/rotate</c> and <c>GET /admin/usage</c>; behind <see cref="AdminAuth"/>.
/// </summary>
internal static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin/keys", async (OratorStorage storage, CancellationToken ct) =>
        {
            var now = DateTimeOffset.UtcNow;
            var keys = await storage.Keys.ListAsync(ct);
            return TypedResults.Json(new AdminKeyList("list", [.. keys.Select(k => AdminKeyView.From(k, now))]), OratorJsonContext.Default.AdminKeyList);
        });
        routes.MapPost("/admin/keys", CreateAsync);
        routes.MapPost("/admin/keys/{id}/revoke", async Task<IResult> (string id, OratorStorage storage, KeyAuthenticator auth, CancellationToken ct) =>
        {
            if (!await storage.Keys.RevokeAsync(id, ct))
            {
                return new ApiErrorResult(KeyNotFound(id));
            }

            auth.Invalidate(id);
            var key = await storage.Keys.FindAsync(id, ct);
            return TypedResults.Json(AdminKeyView.From(key!, DateTimeOffset.UtcNow), OratorJsonContext.Default.AdminKeyView);
        });
        routes.MapPost("/admin/keys/{id}/rotate", async Task<IResult> (string id, OratorStorage storage, KeyAuthenticator auth, CancellationToken ct) =>
        {
            var rotated = await storage.Keys.RotateAsync(id, ct);
            auth.Invalidate(id);
            return rotated is null
                ? new ApiErrorResult(KeyNotFound(id))
                : TypedResults.Json(new AdminCreatedKey(AdminKeyView.From(rotated.Record, DateTimeOffset.UtcNow), rotated.Secret), OratorJsonContext.Default.AdminCreatedKey);
        });
        routes.MapGet("/admin/usage", UsageAsync);
        return routes;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, OratorStorage storage, KeyAuthenticator auth, IOptions<OratorOptions> options, CancellationToken ct)
    {
        // Read under the same byte cap as the API's bodies: Kestrel's own limit is off (the
        // endpoints answer an oversized body with an OpenAI-shaped 413 instead).
        var maxBytes = options.Value.MaxRequestBodyBytes;
        AdminCreateKeyRequest? body;
        using (var raw = await RequestBody.ReadAsync(context.Request, maxBytes, ct))
        {
            if (raw is null)
            {
                return new ApiErrorResult(ApiError.PayloadTooLarge(maxBytes));
            }

            try
            {
                body = JsonSerializer.Deserialize(raw.Span, OratorJsonContext.Default.AdminCreateKeyRequest);
            }
            catch (JsonException)
            {
                return new ApiErrorResult(ApiError.InvalidRequest("The body must be a JSON object such as {\"name\": \"team-a\", \"rpm\": 60}.", null));
            }
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Name))
        {
            return new ApiErrorResult(ApiError.InvalidRequest("'name' is required.", "name"));
        }

        foreach (var (value, name) in new[] { (body.Rpm, "rpm"), (body.CharsPerMinute, "chars_per_minute"), (body.CharsPerDay, "chars_per_day"), (body.CharsPerMonth, "chars_per_month") })
        {
            if (value is < 1)
            {
                return new ApiErrorResult(ApiError.InvalidRequest($"'{name}' must be 1 or more (omit it for no limit).", name));
            }
        }

        if (body.Models is not null && body.Models.Any(m => string.IsNullOrWhiteSpace(m) || m.Contains(',', StringComparison.Ordinal)))
        {
            return new ApiErrorResult(ApiError.InvalidRequest("'models' must be a list of model ids.", "models"));
        }

        var created = await storage.Keys.CreateAsync(
            new NewKey(body.Name.Trim(), body.Models, new KeyLimits(body.Rpm, body.CharsPerMinute, body.CharsPerDay, body.CharsPerMonth), body.ExpiresAt), ct);
        auth.Invalidate(created.Record.Id);
        return TypedResults.Json(new AdminCreatedKey(AdminKeyView.From(created.Record, DateTimeOffset.UtcNow), created.Secret), OratorJsonContext.Default.AdminCreatedKey, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UsageAsync(HttpContext context, OratorStorage storage, CancellationToken ct)
    {
        var query = context.Request.Query;
        var by = query["by"].ToString();
        if (!UsageGroupingNames.TryParse(string.IsNullOrEmpty(by) ? "key" : by, out var grouping))
        {
            return new ApiErrorResult(ApiError.InvalidRequest($"'by' must be {UsageGroupingNames.Listed}.", "by"));
        }

        DateTimeOffset? since = null;
        var sinceText = query["since"].ToString();
        if (!string.IsNullOrEmpty(sinceText))
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return new ApiErrorResult(ApiError.InvalidRequest("'since' must be a date or time such as 2026-01-31 or 2026-01-31T12:00:00Z.", "since"));
            }

            since = parsed;
        }

        var key = query["key"].ToString();
        var rows = await storage.Usage.SummarizeAsync(new UsageQuery(grouping, string.IsNullOrEmpty(key) ? null : key, since), ct);
        return TypedResults.Json(new AdminUsageList("list", UsageGroupingNames.NameOf(grouping), [.. rows.Select(AdminUsageRow.From)]), OratorJsonContext.Default.AdminUsageList);
    }

    private static ApiError KeyNotFound(string id) => new(404, $"No active API key with id '{RequestErrors.Shorten(id)}'.", ApiErrorTypes.InvalidRequest, "id", "key_not_found");
}
