using Orator.Server.Auth;

namespace Orator.Server.Admin;

/// <summary>The configured admin key (hashed), or none: then the admin API is disabled.</summary>
/// <param name="Validator">Checks the admin key; null when none is configured.</param>
internal sealed record AdminKey(ApiKeyValidator? Validator)
{
    /// <summary>From <c>Orator:AdminKey</c> or, when that is empty, <c>ORATOR_ADMIN_KEY</c>.</summary>
    public static AdminKey From(string? configured)
    {
        var key = string.IsNullOrWhiteSpace(configured) ? Environment.GetEnvironmentVariable(AdminAuth.EnvironmentVariable) : configured;
        return new AdminKey(string.IsNullOrWhiteSpace(key) ? null : new ApiKeyValidator([key.Trim()]));
    }
}
