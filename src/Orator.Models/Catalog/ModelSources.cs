namespace Orator.Models.Catalog;

/// <summary>
/// Base URLs the catalog builds download addresses from. The defaults are the public release
/// locations; a mirror (<c>Orator:ModelsMirror</c>, which <c>ORATOR_MODELS_MIRROR</c> and
/// <c>--mirror</c> set too) replaces both with <c>&lt;mirror&gt;/kokoro/</c> and <c>&lt;mirror&gt;/piper/</c>,
/// which is also how tests point the downloader at a loopback server.
/// </summary>
/// <param name="KokoroBase">Folder URL holding <c>kokoro-v1.0*.onnx</c> and <c>voices-v1.0.bin</c>.</param>
/// <param name="PiperBase">Root URL of the rhasspy/piper-voices layout (with <c>voices.json</c> at the top).</param>
public sealed record ModelSources(Uri KokoroBase, Uri PiperBase)
{
    /// <summary>Configuration key naming a mirror for every model.</summary>
    public const string MirrorConfigurationKey = "Orator:ModelsMirror";

    /// <summary>The kokoro-onnx project's GitHub release "model-files-v1.0".</summary>
    public static readonly Uri KokoroRelease = new("https://github.com/thewh1teagle/kokoro-onnx/releases/download/model-files-v1.0/");

    /// <summary>The rhasspy/piper-voices Hugging Face repository, main branch.</summary>
    public static readonly Uri PiperVoicesRepository = new("https://huggingface.co/rhasspy/piper-voices/resolve/main/");

    /// <summary>The public release locations.</summary>
    public static ModelSources Public { get; } = new(KokoroRelease, PiperVoicesRepository);

    /// <summary>Both bases under one mirror: <c>&lt;mirror&gt;/kokoro/</c> and <c>&lt;mirror&gt;/piper/</c>.</summary>
    public static ModelSources FromMirror(Uri mirror)
    {
        ArgumentNullException.ThrowIfNull(mirror);
        var folder = mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/");
        return new ModelSources(new Uri(folder, "kokoro/"), new Uri(folder, "piper/"));
    }

    /// <summary>
    /// The sources to use: <paramref name="configuredMirror"/> (<c>Orator:ModelsMirror</c>, already layered
    /// from files, environment and command line) when set, else <see cref="Public"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The mirror is not an absolute http(s) URL.</exception>
    public static ModelSources Resolve(string? configuredMirror)
    {
        if (string.IsNullOrWhiteSpace(configuredMirror))
        {
            return Public;
        }

        if (!Uri.TryCreate(configuredMirror.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The models mirror '{configuredMirror}' is not an absolute http:// or https:// URL.", nameof(configuredMirror));
        }

        return FromMirror(uri);
    }
}
