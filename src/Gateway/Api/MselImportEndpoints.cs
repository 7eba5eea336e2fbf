using System.Text;
using System.Text.RegularExpressions;
using CrisisGrid.Gateway.Errors;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.Scenarios.Loading;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrisisGrid.Gateway.Api;

/// <summary>
/// <c>POST /api/exercises/{id}/msel</c>: exercise control uploads an MSEL CSV file (the body as <c>text/csv</c>, or a
/// <c>multipart/form-data</c> field named <c>file</c>). The exercise grain checks every row; the answer is 200 with the
/// injects imported, 422 with every problem by row and column (nothing imported), 409 when the rules refuse the import
/// as a whole, 403 for anyone but exercise control. An <c>Idempotency-Key</c> header makes a retry apply once.
/// </summary>
public static partial class MselImportEndpoints
{
    public const string DefaultFileName = "msel.csv";

    public sealed record MselImported(int Imported, bool Duplicate, long? FirstSequence, long? LastSequence, IReadOnlyList<Grains.Scenarios.InjectDefinition> Injects);

    /// <summary>The upload is CSV, not JSON: the JSON body guard leaves it to this endpoint.</summary>
    public static bool Handles(PathString path) =>
        path.StartsWithSegments("/api/exercises") && path.Value!.EndsWith("/msel", StringComparison.Ordinal);

    public static void MapMselImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/exercises/{exerciseId}/msel", (string exerciseId, string? fileName, HttpContext http, AccessGuard guard, IGrainFactory grains, IOptions<GatewayOptions> options) =>
            EndpointHelpers.AsParticipant(http, guard, exerciseId, async who =>
            {
                if (!who.Participant.IsControl)
                {
                    return Problems.Forbidden("Only exercise control imports injects into the MSEL.");
                }

                var key = http.Request.Headers["Idempotency-Key"].ToString();
                if (key.Length > 0 && !IdempotencyKey().IsMatch(key))
                {
                    return Problems.BadRequest("The Idempotency-Key header is not a valid key.", "Idempotency-Key", "1 to 100 letters, digits or . _ : -");
                }

                var upload = await ReadUpload(http, fileName, options.Value.Limits.MaxRequestBodyBytes);
                if (upload.Refusal is { } refusal)
                {
                    return refusal;
                }

                var command = new CommandContext($"{who.CodeId}:{(key.Length > 0 ? key : "msel-" + Guid.NewGuid().ToString("N"))}", who.Participant);
                var result = await SiloLossRetry.Run(() => grains.GetGrain<IExerciseGrain>(exerciseId).ImportMsel(command, new ImportMsel(upload.Csv!, upload.FileName!)));
                return Answer(result);
            }));
    }

    private static IResult Answer(MselImportResult result)
    {
        if (result.Result is { Accepted: true } accepted)
        {
            return Results.Ok(new MselImported(result.Injects.Length, accepted.Duplicate, accepted.FirstSequence, accepted.LastSequence, result.Injects));
        }

        var rejection = result.Result.Rejection!;
        return rejection.Code == MselImportResult.InvalidFileCode
            ? Unprocessable(rejection.Message, result.Problems)
            : Problems.Rejected(rejection);
    }

    private static IResult Unprocessable(string detail, IReadOnlyList<MselRowProblem> problems) => Problems.Unprocessable(
        detail,
        [.. problems.Select(p => new { p.Row, column = p.Column.Length == 0 ? null : p.Column, p.ColumnNumber, p.Message, p.Allowed, text = p.ToString() })],
        title: "Invalid MSEL file",
        code: MselImportResult.InvalidFileCode);

    private sealed record Upload(string? Csv, string? FileName, IResult? Refusal);

    private static async Task<Upload> ReadUpload(HttpContext http, string? fileName, long limit)
    {
        var request = http.Request;
        if (request.ContentLength > limit)
        {
            return Refuse(TooLarge(limit));
        }

        var media = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        byte[] bytes;
        string name;
        if (media?.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // A broken multipart body (no boundary, a truncated part): the client's fault, said in its words, not a 500.
                return Refuse(Problems.BadRequest("The upload is not a readable multipart form.", "file", "a multipart/form-data body with the CSV file in a field named 'file'"));
            }

            if (form.Files.GetFile("file") is not { } file)
            {
                return Refuse(Problems.BadRequest("The upload has no file.", "file", "a form field named 'file' holding the CSV file"));
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, http.RequestAborted);
            (bytes, name) = (buffer.ToArray(), file.FileName);
        }
        else if (media is not null && (media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || media.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            && (media.Charset.Value is null || media.Charset.Value.Replace("-", "", StringComparison.Ordinal).Equals("utf8", StringComparison.OrdinalIgnoreCase)))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, http.RequestAborted);
            (bytes, name) = (buffer.ToArray(), fileName ?? DefaultFileName);
        }
        else
        {
            return Refuse(Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", type: Problems.TypeBase + "unsupported-media-type",
                detail: "Send the MSEL as a CSV file: 'Content-Type: text/csv; charset=utf-8', or a multipart form with the file in a field named 'file'.",
                extensions: new Dictionary<string, object?> { ["code"] = "unsupported-media-type", ["field"] = "Content-Type", ["allowed"] = "text/csv; charset=utf-8, or multipart/form-data" }));
        }

        if (bytes.Length > limit)
        {
            return Refuse(TooLarge(limit));
        }

        try
        {
            return new(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes), string.IsNullOrWhiteSpace(name) ? DefaultFileName : name, null);
        }
        catch (DecoderFallbackException)
        {
            return Refuse(Unprocessable(
                "The file is not UTF-8 text; no inject was imported.",
                [new MselRowProblem(1, 0, "", "the file is not UTF-8 text.", "a CSV file saved as 'CSV UTF-8' (comma-separated)")]));
        }

        static Upload Refuse(IResult result) => new(null, null, result);
    }

    private static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", type: Problems.TypeBase + "too-large",
        detail: $"The file is larger than the gateway accepts (at most {limit} bytes).",
        extensions: new Dictionary<string, object?> { ["code"] = "too-large", ["field"] = "file", ["allowed"] = $"at most {limit} bytes" });

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdempotencyKey();
}
