using Orator.Speech.Errors;

namespace Orator.Speech.Planning;

/// <summary>What planning gave: the plan, or the OpenAI-shaped error that says why there is none.</summary>
/// <typeparam name="T">The kind of plan.</typeparam>
public readonly struct PlanResult<T>
    where T : class
{
    private PlanResult(T? plan, ApiError? error)
    {
        Plan = plan;
        Error = error;
    }

    /// <summary>The plan, when planning succeeded.</summary>
    public T? Plan { get; }

    /// <summary>Why there is no plan (a 4xx), when planning failed.</summary>
    public ApiError? Error { get; }

    internal static PlanResult<T> Create(T? plan, ApiError? error) => new(plan, error);
}

/// <summary>Creates <see cref="PlanResult{T}"/> values.</summary>
public static class PlanResult
{
    /// <summary>A successful result.</summary>
    public static PlanResult<T> Planned<T>(T plan)
        where T : class => PlanResult<T>.Create(plan ?? throw new ArgumentNullException(nameof(plan)), null);

    /// <summary>A refused result.</summary>
    public static PlanResult<T> Refused<T>(ApiError error)
        where T : class => PlanResult<T>.Create(null, error ?? throw new ArgumentNullException(nameof(error)));
}
