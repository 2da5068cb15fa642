using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orator.Server.Api;
using Orator.Server.Auth;
using Orator.Speech.Errors;

namespace Orator.Server.Admin;

/// <summary>
/// Guards <c>/admin</c>: with no admin key configured the admin API does not exist (404, the
/// same answer as any unknown URL, so a scanner learns nothing); otherwise the bearer token must
/// equal the admin key (constant-time compare) or the answer is 401.
/// </summary>
internal static class AdminAuth
{
    public static IApplicationBuilder UseAdminAuth(this IApplicationBuilder app) => app.Use(GuardAsync);

    private static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/admin", StringComparison.Ordinal))
        {
            return next(context);
        }

        var admin = context.RequestServices.GetRequiredService<AdminKey>();
        if (admin.Validator is null)
        {
            return ApiErrorWriter.WriteAsync(context.Response, ApiError.NotFound(context.Request.Method, context.Request.Path.ToString()), context.RequestAborted);
        }

        var presented = ApiKeyValidator.ExtractBearer(context.Request.Headers.Authorization.ToString());
        return presented is not null && admin.Validator.IsValid(presented)
            ? next(context)
            : ApiErrorWriter.WriteAsync(context.Response, ApiError.InvalidAdminKey(), context.RequestAborted);
    }
}
