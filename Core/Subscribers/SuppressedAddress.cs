namespace Sanatorium.Core.Subscribers;

/// <summary>
/// An erased address, kept only as a keyed hash of its normalised form so that no import adds it
/// again; the address itself is gone. Subscribing through the form again (a new consent) removes it.
/// </summary>
public sealed class SuppressedAddress
{
    private SuppressedAddress()
    {
    }

    public SuppressedAddress(byte[] emailHash, DateTimeOffset at)
    {
        EmailHash = emailHash;
        At = at;
    }

    public byte[] EmailHash { get; private set; } = [];

    public DateTimeOffset At { get; private set; }
}
