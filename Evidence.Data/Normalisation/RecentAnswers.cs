namespace TrialEvidence.Data.Normalisation;

/// <summary>
/// A thread's most recent answers (cut texts, matches): at most <paramref name="limit"/> of them,
/// all forgotten at once when full. The rules of one study ask for a few hundred, many times over;
/// a bound keeps a long import's memory flat. Not thread-safe: keep one per thread.
/// </summary>
internal sealed class RecentAnswers<TKey, TValue>(int limit, IEqualityComparer<TKey> comparer)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _answers = new(comparer);

    public bool TryGet(TKey key, out TValue value) => _answers.TryGetValue(key, out value!);

    public void Add(TKey key, TValue value)
    {
        if (_answers.Count >= limit)
        {
            _answers.Clear();
        }

        _answers[key] = value;
    }
}
