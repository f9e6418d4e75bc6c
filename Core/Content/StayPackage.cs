namespace Sanatorium.Core.Content;

/// <summary>
/// One row of the prices page: a stay package with its name and what it includes in each language,
/// its length, the price per person in rubles and the dates it is valid. Prices are informational.
/// </summary>
public sealed class StayPackage
{
    public const int MaxNameLength = 200;
    public const int MaxIncludedLength = 4000;
    public const int MaxNights = 365;

    public int Id { get; private set; }

    public int SortOrder { get; set; }

    public string NameRu { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>What the price includes, in Markdown.</summary>
    public string IncludedRu { get; set; } = "";

    public string IncludedEn { get; set; } = "";

    public int Nights { get; set; }

    /// <summary>Rubles per person for the whole stay.</summary>
    public decimal PricePerPerson { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: PostgreSQL's xmin.</summary>
    public uint Version { get; private set; }

    public string Name(Language language) => language == Language.En ? NameEn : NameRu;

    public string Included(Language language) => language == Language.En ? IncludedEn : IncludedRu;

    /// <summary>Whether visitors see it on <paramref name="day"/>: not yet ended (a package announced ahead shows with its dates).</summary>
    public bool IsShownOn(DateOnly day) => ValidTo is not { } to || to >= day;
}
