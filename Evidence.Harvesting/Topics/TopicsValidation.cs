using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Quartz;
using TrialEvidence.ClinicalTrialsGov;

namespace TrialEvidence.Topics;

/// <summary>Checks the topics at start-up, so a typo in appsettings.json stops the program with its reason.</summary>
public sealed partial class TopicsValidation : IValidateOptions<TopicsOptions>
{
    public ValidateOptionsResult Validate(string? name, TopicsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var duplicate in options.Topics.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Topic name '{duplicate.Key}' is used {duplicate.Count()} times.");
        }

        foreach (var topic in options.Topics)
        {
            var label = $"Topic '{topic.Name}'";
            if (!TopicName().IsMatch(topic.Name))
            {
                errors.Add($"{label}: a name is 1-64 lower-case letters, digits and hyphens.");
            }

            if (!CronExpression.TryParse(topic.Schedule, out _))
            {
                errors.Add($"{label}: Schedule '{topic.Schedule}' is not a Quartz cron expression (seconds first, e.g. \"0 0 4 * * ?\").");
            }

            if (!TopicOptions.Registries.Contains(topic.Registry, StringComparer.Ordinal))
            {
                errors.Add($"{label}: Registry '{topic.Registry}' is not one harvested here; use {string.Join(" or ", TopicOptions.Registries.Select(r => $"\"{r}\""))}.");
                continue;
            }

            if (topic.IsEuctr)
            {
                ValidateEuctr(topic, label, errors);
                continue;
            }

            if (topic.WholeRegistry && (topic.Query.Count > 0 || topic.Ids.Count > 0))
            {
                errors.Add($"{label}: WholeRegistry is true, so it takes no Query or Ids (it has {string.Join(", ", topic.Query.Keys.Concat(topic.Ids.Count > 0 ? ["Ids"] : []))}).");
            }
            else if (!topic.WholeRegistry && topic.Query.Count == 0 && topic.Ids.Count == 0)
            {
                errors.Add($"{label}: Query is empty; a topic needs at least one registry search parameter, a list of trial Ids, or WholeRegistry: true for every study.");
            }

            if (topic.Ids.Count > 0 && topic.Query.ContainsKey("filter.ids"))
            {
                errors.Add($"{label}: give the trials either as Ids or as Query filter.ids, not both.");
            }

            var invalid = topic.Ids.Where(id => !Data.Studies.NctId.IsValid(id.Trim().ToUpperInvariant())).ToList();
            if (invalid.Count > 0)
            {
                errors.Add($"{label}: Ids must be NCT ids (NCT and 8 digits); not: {string.Join(", ", invalid.Take(5).Select(i => $"'{i}'"))}.");
            }

            try
            {
                StudySearch.From(topic.SearchParameters());
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{label}: {ex.Message}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEuctr(TopicOptions topic, string label, List<string> errors)
    {
        if (topic.WholeRegistry || topic.Ids.Count > 0)
        {
            errors.Add($"{label}: an EUCTR topic is a search (Query); WholeRegistry and Ids (NCT ids) are for ClinicalTrials.gov. Give EudraCT numbers in Query \"query\".");
        }

        if (topic.Query.Count == 0)
        {
            errors.Add($"{label}: Query is empty; an EUCTR topic needs the register's search parameters, e.g. \"query\": \"hepatocellular carcinoma\".");
        }

        var unknown = topic.Query.Keys.Where(key => !TopicOptions.EuctrParameters.Contains(key, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"{label}: EUCTR's search takes {string.Join(", ", TopicOptions.EuctrParameters)}; not {string.Join(", ", unknown.Select(k => $"'{k}'"))}.");
        }

        var empty = topic.Query.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key).ToList();
        if (empty.Count > 0)
        {
            errors.Add($"{label}: {string.Join(", ", empty)} has no value.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex TopicName();
}
