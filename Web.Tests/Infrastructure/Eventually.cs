namespace Sanatorium.Web.Tests.Infrastructure;

/// <summary>Waiting for what background work (the outbox sender, a worker) does a moment after the request.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after 30 s.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 30 s for: {what}.");
            await Task.Delay(100);
        }
    }
}
