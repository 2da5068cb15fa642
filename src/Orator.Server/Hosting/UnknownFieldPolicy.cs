namespace Orator.Server.Hosting;

/// <summary>What a speech request body's unknown fields earn (<c>Orator:UnknownFields</c>).</summary>
public enum UnknownFieldPolicy
{
    /// <summary>A 400 that names the field: the reference API's rule, and it catches typos such as <c>response_fromat</c>.</summary>
    Reject,

    /// <summary>Accepted and named in <c>x-orator-ignored-params</c>: for clients that merge extra JSON into every body.</summary>
    Ignore,
}
