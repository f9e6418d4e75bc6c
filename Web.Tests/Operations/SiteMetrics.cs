using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Sanatorium.Web.Tests.Operations;

/// <summary>
/// What one site's instruments record, as an exporter would see it: a <see cref="MeterListener"/> on
/// the meters made by that site's <see cref="IMeterFactory"/> only (other sites run in the same process).
/// </summary>
public sealed class SiteMetrics : IDisposable
{
    private readonly MeterListener listener = new();

    private readonly ConcurrentQueue<Measured> measured = new();

    public SiteMetrics(IServiceProvider site, params string[] instruments)
    {
        var meters = site.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, self) =>
        {
            if (instrument.Meter.Scope == meters && instruments.Contains(instrument.Name))
            {
                self.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Reads the observable gauges now, as an exporter does when it collects.</summary>
    public void Observe() => listener.RecordObservableInstruments();

    public IReadOnlyList<Measured> Of(string instrument) => measured.Where(m => m.Instrument == instrument).ToList();

    public void Dispose() => listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        measured.Enqueue(new Measured(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}

public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public string? Tag(string name) => Tags.GetValueOrDefault(name)?.ToString();
}
