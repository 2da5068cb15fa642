namespace Orator.Storage.Usage;

/// <summary>How <see cref="IUsageStore.SummarizeAsync"/> groups records.</summary>
public enum UsageGrouping
{
    /// <summary>By key id.</summary>
    Key,

    /// <summary>By model.</summary>
    Model,

    /// <summary>By UTC day (<c>yyyy-MM-dd</c>).</summary>
    Day,

    /// <summary>By the backend that served the audio (<c>local</c> or an upstream's name).</summary>
    Backend,
}
