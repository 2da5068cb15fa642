using Orator.Server.Auth;

namespace Orator.Server.Admin;

/// <summary>The configured admin key (hashed), or none: then the admin API is disabled.</summary>
/// <param name="Validator">Checks the admin key; null when none is configured.</param>
internal sealed record AdminKey(ApiKeyValidator? Validator)
{
    /// <summary>From <c>Orator:AdminKey</c> (which <c>ORATOR_ADMIN_KEY</c> sets too, see <see cref="Hosting.OratorConfiguration"/>).</summary>
    public static AdminKey From(string? configured) =>
        new(string.IsNullOrWhiteSpace(configured) ? null : new ApiKeyValidator([configured.Trim()]));
}
