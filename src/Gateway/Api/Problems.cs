using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// Errors as RFC 9457 problem details. A rule's rejection keeps its code, field and allowed values as extensions, so a
/// client can show exactly what was wrong, where, and what would have been accepted.
/// </summary>
public static class Problems
{
    public const string TypeBase = "https://crisisgrid.dev/problems/";

    /// <summary>A rule's refusal: 403 not allowed, 404 not found, 400 an invalid argument, otherwise 409 refused by the rules.</summary>
    public static IResult Rejected(Rejection rejection) => Results.Problem(
        statusCode: StatusOf(rejection.Code),
        title: rejection.Code switch
        {
            RejectionCodes.Forbidden => "Not allowed",
            RejectionCodes.NotFound or RejectionCodes.NotInitialized => "Not found",
            RejectionCodes.InvalidArgument => "Invalid argument",
            _ => "Refused by the rules",
        },
        detail: rejection.Message,
        type: TypeBase + rejection.Code,
        extensions: Extensions(rejection.Code, rejection.Field, rejection.Allowed));

    public static IResult BadRequest(string detail, string? field = null, string? allowed = null) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Malformed request",
        detail: detail,
        type: TypeBase + "malformed",
        extensions: Extensions("malformed", field, allowed));

    public static IResult NotFound(string detail) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail, type: TypeBase + "not-found",
        extensions: Extensions("not-found", null, null));

    public static IResult Forbidden(string detail) => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail, type: TypeBase + "forbidden",
        extensions: Extensions("forbidden", null, null));

    public static IResult Unprocessable(string detail, IReadOnlyList<object> problems, string title = "Invalid scenario", string code = "invalid-scenario") => Results.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail, type: TypeBase + code,
        extensions: new Dictionary<string, object?> { ["code"] = code, ["problems"] = problems });

    public static int StatusOf(string rejectionCode) => rejectionCode switch
    {
        RejectionCodes.Forbidden => StatusCodes.Status403Forbidden,
        RejectionCodes.NotFound or RejectionCodes.NotInitialized => StatusCodes.Status404NotFound,
        RejectionCodes.InvalidArgument => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status409Conflict,
    };

    private static Dictionary<string, object?> Extensions(string code, string? field, string? allowed) =>
        new() { ["code"] = code, ["field"] = field, ["allowed"] = allowed };
}
