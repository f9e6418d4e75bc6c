using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sanatorium.Core;
using Sanatorium.Core.Subscribers;

namespace Sanatorium.Web.Admin.Marketing;

/// <summary>How the e-mail search matches: anywhere in the address, or at its start.</summary>
public enum SearchMatch
{
    Contains,
    Prefix,
}

/// <summary>
/// A page that works on "the subscribers the marketer has filtered": the list and its CSV export
/// read the same query string (<c>q</c>, <c>match</c>, <c>status</c>, <c>language</c>, <c>source</c>)
/// and so always mean the same rows. See docs/decisions/0020-subscriber-search-and-paging.md.
/// </summary>
public abstract class SubscriberFilterPageModel : AdminPageModel
{
    /// <summary>
    /// A trigram index serves a substring of three characters or more; a shorter one would read the
    /// whole index, so it is matched as the start of the address instead.
    /// </summary>
    public const int ShortestSubstring = 3;

    /// <summary>Part of the e-mail address.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "match")]
    public SearchMatch Match { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public SubscriberStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "language")]
    public Language? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public SubscriberSource? Source { get; set; }

    /// <summary>The search as typed, trimmed and lower case (addresses are stored so); empty for none.</summary>
    public string Term => (Search ?? "").Trim().ToLowerInvariant();

    /// <summary>How <see cref="Term"/> is matched: a term too short for the trigram index only as a prefix.</summary>
    public SearchMatch EffectiveMatch => Term.Length < ShortestSubstring ? SearchMatch.Prefix : Match;

    /// <summary>True when the search is longer than any address, so nothing can match it.</summary>
    public bool SearchTooLong => Term.Length > SubscriberEmail.MaxLength;

    /// <summary>The filter's fields for a link to this list or its export, empty ones left out.</summary>
    public Dictionary<string, string?> FilterQuery() => new()
    {
        ["q"] = string.IsNullOrEmpty(Term) ? null : Term,
        ["match"] = Match == SearchMatch.Contains ? null : Match.ToString().ToLowerInvariant(),
        ["status"] = Status?.ToString().ToLowerInvariant(),
        ["language"] = Language?.ToString().ToLowerInvariant(),
        ["source"] = Source?.ToString().ToLowerInvariant(),
    };

    /// <summary>A query string: the filter and, after it, any <paramref name="extra"/> fields.</summary>
    public string QueryWith(params (string Name, string? Value)[] extra)
    {
        var fields = FilterQuery();
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }

        return QueryString.Create(fields.Where(f => !string.IsNullOrEmpty(f.Value))).ToUriComponent();
    }

    /// <summary>The subscribers the filter selects, untracked; the status filter left out when <paramref name="withStatus"/> is false.</summary>
    protected IQueryable<Subscriber> Filtered(IQueryable<Subscriber> subscribers, bool withStatus = true)
    {
        subscribers = subscribers.AsNoTracking();
        if (SearchTooLong)
        {
            return subscribers.Where(s => false);
        }

        if (Term.Length > 0)
        {
            var pattern = EffectiveMatch == SearchMatch.Prefix ? EscapeLike(Term) + "%" : "%" + EscapeLike(Term) + "%";
            subscribers = subscribers.Where(s => EF.Functions.ILike(s.Email, pattern, "\\"));
        }

        if (withStatus && Status is { } status && Enum.IsDefined(status))
        {
            subscribers = subscribers.Where(s => s.Status == status);
        }

        if (Language is { } language && Enum.IsDefined(language))
        {
            subscribers = subscribers.Where(s => s.Language == language);
        }

        if (Source is { } source && Enum.IsDefined(source))
        {
            subscribers = subscribers.Where(s => s.Source == source);
        }

        return subscribers;
    }

    /// <summary>The term with LIKE's wildcards and its escape character taken literally.</summary>
    public static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
