using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrialEvidence.Data.Configuration;

/// <summary>
/// Which settings an options class has, so that a misspelt one ("Registry:BaseUrll") is refused
/// with the ones it could have meant instead of being silently ignored, and a value that is not
/// of the setting's type ("Scheduler:Enabled=maybe") is refused with the type. Keys compare
/// ignoring case, as .NET configuration binds them; values convert as the binder converts them.
/// </summary>
public static class KnownSettings
{
    /// <summary>
    /// Binds the options from <paramref name="section"/> after checking that every key under it
    /// names a setting of <typeparamref name="TOptions"/> and holds a value of its type.
    /// </summary>
    public static OptionsBuilder<TOptions> BindKnownSettings<TOptions>(this OptionsBuilder<TOptions> options, IConfigurationSection section)
        where TOptions : class =>
        options.CheckKnownSettings(section, typeof(TOptions)).Bind(section);

    /// <summary>
    /// Checks, when the options are made, that every key under <paramref name="section"/> names a
    /// setting of <paramref name="shape"/> and holds a value of its type; all the problems are
    /// thrown together as an <see cref="OptionsValidationException"/>. Call it before Bind: the
    /// check then runs first, so a value the binder could not convert is reported with the
    /// others instead of thrown by the binder.
    /// </summary>
    public static OptionsBuilder<TOptions> CheckKnownSettings<TOptions>(this OptionsBuilder<TOptions> options, IConfigurationSection section, Type shape)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(shape);
        options.Services.AddSingleton<IConfigureOptions<TOptions>>(new SettingsCheck<TOptions>(section, shape));
        return options;
    }

    /// <summary>
    /// What is wrong with setting <paramref name="path"/> (the keys below a section bound to
    /// <paramref name="type"/>) to <paramref name="value"/>; null when nothing is.
    /// </summary>
    public static string? Problem(Type type, IReadOnlyList<string> path, string? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(path);
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (path.Count == 0)
        {
            // An empty list or object ("Webhooks": []) is read as an empty value: nothing set.
            return value is null || (IsScalar(type) ? Converts(type, value) : value.Length == 0) ? null : $"'{value}' is not {Describe(type)}";
        }

        if (IsScalar(type))
        {
            return $"'{path[0]}' is below a setting that holds {Describe(type)}, which has no settings of its own";
        }

        if (ElementOf(type, typeof(IDictionary<,>)) is { } dictionaryValue)
        {
            return Problem(dictionaryValue, path.Skip(1).ToList(), value);
        }

        if (ElementOf(type, typeof(IList<>)) is { } item)
        {
            return int.TryParse(path[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? Problem(item, path.Skip(1).ToList(), value)
                : $"'{path[0]}' is not a position in a list (0, 1, ...)";
        }

        var properties = Settable(type);
        var property = properties.FirstOrDefault(p => string.Equals(p.Name, path[0], StringComparison.OrdinalIgnoreCase));
        return property is null
            ? $"there is no setting '{path[0]}' (there are: {string.Join(", ", properties.Select(p => p.Name))})"
            : Problem(property.PropertyType, path.Skip(1).ToList(), value);
    }

    /// <summary>Every key below <paramref name="section"/> that names no setting of <paramref name="type"/>, or holds a value not of its type, with why.</summary>
    public static IEnumerable<string> Unknown(IConfigurationSection section, Type type)
    {
        ArgumentNullException.ThrowIfNull(section);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true).Where(k => k.Key.Length > 0))
        {
            if (Problem(type, key.Split(':'), value) is { } problem)
            {
                yield return $"{section.Path}:{key}: {problem}";
            }
        }
    }

    private static PropertyInfo[] Settable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } || !IsScalar(p.PropertyType))];

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(TimeSpan) || type == typeof(decimal);
    }

    private static bool Converts(Type type, string value)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException || ex.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type == typeof(TimeSpan) ? "a duration (hh:mm:ss)"
        : type == typeof(string) ? "text"
        : $"a {type.Name}";

    /// <summary>The item type when <paramref name="type"/> implements <paramref name="generic"/> (a list's item, a dictionary's value).</summary>
    private static Type? ElementOf(Type type, Type generic) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == generic
            ? type.GetGenericArguments()[^1]
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic)?.GetGenericArguments()[^1];

    /// <summary>Runs before the binding: throws the problems with the section's keys and values, all of them.</summary>
    private sealed class SettingsCheck<TOptions>(IConfigurationSection section, Type shape) : IConfigureOptions<TOptions>
        where TOptions : class
    {
        public void Configure(TOptions options)
        {
            var problems = Unknown(section, shape).ToList();
            if (problems.Count > 0)
            {
                throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), problems);
            }
        }
    }
}
