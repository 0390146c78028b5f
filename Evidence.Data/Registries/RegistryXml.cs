using System.Xml;
using System.Xml.Linq;

namespace TrialEvidence.Data.Registries;

/// <summary>Streams the trial elements of a registry's XML file, one at a time, each with the line and position it starts at.</summary>
internal static class RegistryXml
{
    /// <param name="what">What the file is, for the refusal of another root ("a WHO ICTRP export").</param>
    /// <param name="read">Reads one trial element, given where it starts.</param>
    /// <exception cref="XmlException">The file is not well-formed XML (with its line and position) or its root is not <paramref name="root"/>.</exception>
    public static IEnumerable<(RegisteredTrial Trial, int Line)> ReadTrials(Stream xml, string what, string root, string element, Func<XElement, int, int, RegisteredTrial> read)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        var lines = (IXmlLineInfo)reader;
        reader.MoveToContent();
        if (reader.Name != root)
        {
            throw new XmlException($"not {what}: the root element is <{reader.Name}>, not <{root}>", null, lines.LineNumber, lines.LinePosition);
        }

        while (reader.Read())
        {
            while (reader.NodeType == XmlNodeType.Element && reader.Name == element)
            {
                var (line, position) = (lines.LineNumber, lines.LinePosition);
                yield return (read((XElement)XNode.ReadFrom(reader), line, position), line);
            }
        }
    }
}
