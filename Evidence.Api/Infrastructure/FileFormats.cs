using Microsoft.Net.Http.Headers;

namespace TrialEvidence.Api.Infrastructure;

/// <summary>Which of an endpoint's formats a request asks for: format= (validated), else the Accept header.</summary>
public static class FileFormats
{
    /// <param name="format">The format= value, already checked to be a key of <paramref name="contentTypes"/>.</param>
    /// <param name="accept">The Accept header: its first type (by quality; q=0 means "not acceptable") that the endpoint writes.</param>
    /// <param name="contentTypes">The endpoint's formats and their media types.</param>
    /// <param name="fallback">The format when neither asks for one the endpoint writes.</param>
    public static string Choose(string? format, IList<string?>? accept, IReadOnlyDictionary<string, string> contentTypes, string fallback)
    {
        ArgumentNullException.ThrowIfNull(contentTypes);
        if (format is not null)
        {
            return format.ToLowerInvariant();
        }

        foreach (var header in MediaTypeHeaderValue.ParseList(accept?.OfType<string>().ToList() ?? []).Where(h => h.Quality is not 0).OrderByDescending(h => h.Quality ?? 1))
        {
            var match = contentTypes.FirstOrDefault(t => header.MediaType.Equals(t.Value, StringComparison.OrdinalIgnoreCase));
            if (match.Key is not null)
            {
                return match.Key;
            }
        }

        return fallback;
    }
}
