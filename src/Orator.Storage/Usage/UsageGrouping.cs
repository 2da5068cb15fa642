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
}
