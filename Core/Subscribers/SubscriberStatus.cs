namespace Sanatorium.Core.Subscribers;

/// <summary>Where a subscriber is in the double opt-in: only <see cref="Confirmed"/> ones get newsletters.</summary>
public enum SubscriberStatus
{
    /// <summary>Asked to subscribe (or was imported to be asked); the confirmation link is not opened yet.</summary>
    Pending,

    Confirmed,

    /// <summary>Left; final until the person subscribes again and confirms again.</summary>
    Unsubscribed,
}

/// <summary>How an address came in.</summary>
public enum SubscriberSource
{
    /// <summary>The newsletter form in a public page's footer.</summary>
    Form,

    /// <summary>A CSV file a marketer imported.</summary>
    Import,
}
