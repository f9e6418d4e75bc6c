namespace Sanatorium.Infrastructure.Newsletters;

/// <summary>
/// Spaces the messages of all of an instance's connections evenly at <c>Newsletter:MessagesPerSecond</c>:
/// each send takes the next free slot. An idle spell earns no burst afterwards.
/// </summary>
public sealed class SendRate(double perSecond, TimeProvider time)
{
    /// <summary>Below this a wait is not worth a timer (about its resolution); the slots still keep the average.</summary>
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);

    private readonly TimeSpan interval = TimeSpan.FromSeconds(1 / perSecond);

    private readonly Lock gate = new();

    private DateTimeOffset next = DateTimeOffset.MinValue;

    /// <summary>Waits for this message's slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var slot = next > now ? next : now;
            next = slot + interval;
            delay = slot - now;
        }

        return delay >= Shortest ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;
    }
}
