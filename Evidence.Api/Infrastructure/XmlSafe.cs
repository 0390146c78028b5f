using System.Xml;

namespace TrialEvidence.Api.Infrastructure;

public static class XmlSafe
{
    /// <summary>
    /// <paramref name="text"/> without the characters XML cannot hold (control characters registry
    /// text sometimes has): what the Word file and the Atom feed write; null is empty.
    /// </summary>
    public static string Text(string? text) =>
        text is null || text.All(XmlConvert.IsXmlChar) ? text ?? string.Empty : new string(text.Where(XmlConvert.IsXmlChar).ToArray());
}
