namespace Orator.Storage.Limits;

/// <summary>The fixed UTC window a limit counts in.</summary>
public enum RateWindow
{
    /// <summary>No window (nothing was refused).</summary>
    None,

    /// <summary>The current UTC minute.</summary>
    Minute,

    /// <summary>The current UTC day.</summary>
    Day,

    /// <summary>The current UTC calendar month.</summary>
    Month,
}
