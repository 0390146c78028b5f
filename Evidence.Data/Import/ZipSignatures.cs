namespace TrialEvidence.Data.Import;

/// <summary>The signatures that begin a zip's records (PKWARE APPNOTE 4.3).</summary>
internal static class ZipSignatures
{
    public const uint LocalHeader = 0x04034b50;
    public const uint DirectoryHeader = 0x02014b50;
    public const uint End = 0x06054b50;
    public const uint Zip64Locator = 0x07064b50;
    public const uint Zip64End = 0x06064b50;
}
