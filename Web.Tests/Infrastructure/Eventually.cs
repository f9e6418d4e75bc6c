namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>Waiting for what background work (the outbox sender, a worker) does a moment after the request.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after <paramref name="within"/> (30 s unless given).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {limit.TotalSeconds} s for: {what}.");
            await Task.Delay(limit < TimeSpan.FromSeconds(5) ? 20 : 100);
        }
    }
}
