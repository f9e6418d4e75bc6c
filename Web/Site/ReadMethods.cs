namespace Sanatorium.Web.Site;

/// <summary>The methods that read an address: GET, and HEAD, which Kestrel answers with the headers of GET and no body.</summary>
internal static class ReadMethods
{
    public static IReadOnlyList<string> GetAndHead { get; } = [HttpMethods.Get, HttpMethods.Head];
}
