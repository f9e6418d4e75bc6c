using System.Diagnostics.Metrics;
using Sanatorium.Infrastructure.Email;

namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// <c>sanatorium.campaign.messages</c> of the meter <see cref="OutboxGauges.MeterName"/>: campaign
/// messages by <c>outcome</c>: <c>sent</c> (the server accepted it), <c>failed</c> (refused for
/// good), <c>postponed</c> (put back for a later attempt). Its rate is the send rate. One
/// <see cref="Counter{T}.Add(T, KeyValuePair{string, object?})"/> per message, with a tag made once:
/// nothing allocated, no lock (the dispatcher sends thousands a second).
/// </summary>
public sealed class CampaignMetrics
{
    private static readonly KeyValuePair<string, object?> SentTag = new("outcome", "sent");

    private static readonly KeyValuePair<string, object?> FailedTag = new("outcome", "failed");

    private static readonly KeyValuePair<string, object?> PostponedTag = new("outcome", "postponed");

    private readonly Counter<long> messages;

    public CampaignMetrics(IMeterFactory meters) =>
        messages = meters.Create(OutboxGauges.MeterName).CreateCounter<long>(
            "sanatorium.campaign.messages", "{message}", "Campaign messages sent, failed for good or postponed, by outcome.");

    public void Sent() => messages.Add(1, SentTag);

    public void Failed() => messages.Add(1, FailedTag);

    public void Postponed(int count) => messages.Add(count, PostponedTag);
}
