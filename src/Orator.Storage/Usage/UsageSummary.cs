namespace Orator.Storage.Usage;

/// <summary>Totals for one group of usage records.</summary>
/// <param name="Group">The key id, model, day or backend; <c>(none)</c> for records without one.</param>
/// <param name="Requests">Requests recorded.</param>
/// <param name="Characters">Characters charged.</param>
/// <param name="AudioSeconds">Seconds of audio sent.</param>
/// <param name="Errors">Requests answered with a status of 400 or more.</param>
/// <param name="CacheHits">Requests answered from the render cache (also counted in <paramref name="Requests"/>).</param>
public sealed record UsageSummary(string Group, long Requests, long Characters, double AudioSeconds, long Errors, long CacheHits = 0);
