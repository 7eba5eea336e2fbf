using System.Text.RegularExpressions;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Alliances;

/// <summary>Argument checks shared by the alliance's rules: ids chosen by clients, free texts, nation codes.</summary>
internal static partial class AllianceValidation
{
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 1000;
    public const int MaxReasonLength = 500;
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 4000;

    /// <summary>A client-chosen id: new in <paramref name="existing"/>, 1–64 letters, digits, '.', '_' or '-'.</summary>
    public static Decision? NewId(string id, string field, Func<string, bool> existing, string what)
    {
        if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, $"'{id}' is not a valid {what} id.", field,
                $"1 to {MaxIdLength} letters, digits, '.', '_' or '-', starting with a letter or digit");
        }

        return existing(id)
            ? Decision.Reject(RejectionCodes.InvalidArgument, $"A {what} '{id}' already exists in this alliance.", field, $"an id not used for another {what}")
            : null;
    }

    public static Decision? Text(string? text, string field, string what, int max = MaxTextLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required
                ? Decision.Reject(RejectionCodes.InvalidArgument, $"{what} is required.", field, $"1 to {max} characters")
                : null;
        }

        return text.Length > max
            ? Decision.Reject(RejectionCodes.InvalidArgument, $"{what} is too long ({text.Length} characters).", field, $"1 to {max} characters")
            : null;
    }

    public static Decision? KnownNation(AllianceState state, string? nation, string field)
    {
        if (string.IsNullOrWhiteSpace(nation) || !state.KnowsNation(nation))
        {
            return Decision.Reject(RejectionCodes.NotFound, $"Unknown nation '{nation}'.", field,
                state.Nations.IsDefaultOrEmpty ? "a nation of this exercise" : string.Join(", ", state.Nations));
        }

        return null;
    }

    public static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
