using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace ReluKernels.Cli.Options;

/// <summary>
/// Options whose value is parsed and range-checked in one custom parser. Range checks must not live in
/// <see cref="Option.Validators"/>: System.CommandLine runs validators while parsing, and a validator's
/// <c>GetValueOrDefault</c> throws when the token did not convert (<c>--trials abc</c>), which escapes every error handler.
/// A custom parser sees the raw token instead, so an unparsable value and an out-of-range one get the same message:
/// <c>--trials must be a positive integer, got 'abc'</c>.
/// </summary>
public static class OptionValues
{
    /// <summary>An integer option; <paramref name="accepted"/> completes "<c>{name} must be …</c>" (e.g. "an integer in 1..1024").</summary>
    public static Option<T> WholeNumber<T>(string name, string accepted, Func<T, bool> isValid) where T : IBinaryInteger<T> => new(name)
    {
        CustomParser = r => TryRead(r, name, accepted, NumberStyles.Integer, isValid, out T value) ? value : T.Zero,
    };

    /// <summary>A real option (invariant culture, e.g. <c>0.5</c> or <c>1e-3</c>); <paramref name="accepted"/> as for <see cref="WholeNumber"/>.</summary>
    public static Option<double> Real(string name, string accepted, Func<double, bool> isValid) => new(name)
    {
        CustomParser = r => TryRead(r, name, accepted, NumberStyles.Float, isValid, out double value) ? value : 0,
    };

    /// <summary>An enum option matched case-insensitively by member name only (a number such as <c>5</c> is not a member).</summary>
    public static Option<T> Choice<T>(string name) where T : struct, Enum => new(name)
    {
        CustomParser = r =>
        {
            string token = Token(r);
            foreach (string member in Enum.GetNames<T>())
                if (member.Equals(token, StringComparison.OrdinalIgnoreCase))
                    return Enum.Parse<T>(member);
            r.AddError($"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, got '{token}'");
            return default;
        },
    };

    /// <summary>
    /// Reads the single token of <paramref name="r"/> as a <typeparamref name="T"/> satisfying <paramref name="isValid"/>;
    /// otherwise adds one error naming the option, what it accepts and what it got.
    /// </summary>
    public static bool TryRead<T>(ArgumentResult r, string name, string accepted, NumberStyles styles, Func<T, bool> isValid, out T value)
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(isValid);
        string token = Token(r);
        if (T.TryParse(token, styles, CultureInfo.InvariantCulture, out var parsed) && isValid(parsed))
        {
            value = parsed;
            return true;
        }
        r.AddError($"{name} must be {accepted}, got '{token}'");
        value = T.Zero;
        return false;
    }

    // The arity check (exactly one token) runs before a custom parser is called; "" only guards against a surprise.
    private static string Token(ArgumentResult r) => r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
}
