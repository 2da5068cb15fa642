namespace Orator.Speech.Rendering;

/// <summary>How a render ended.</summary>
public enum RenderStatus
{
    /// <summary>Every chunk was rendered and the output ended.</summary>
    Completed,

    /// <summary>The client went away (cancellation); synthesis stopped.</summary>
    ClientGone,

    /// <summary>No engine capacity became free in time, and no audio had gone out: answer 503.</summary>
    OverloadedBeforeAudio,

    /// <summary>The backend failed before any audio went out: answer with an error.</summary>
    FailedBeforeAudio,

    /// <summary>The backend failed after audio went out: the output must be cut, not ended as if complete.</summary>
    FailedAfterAudio,
}
