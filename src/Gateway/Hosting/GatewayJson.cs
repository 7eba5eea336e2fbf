using System.Text.Json;
using System.Text.Json.Serialization;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Gateway.Hosting;

/// <summary>
/// JSON on the wire: the event log's conventions (camelCase, enums as names, "$type" on events) plus strict reading:
/// unknown fields, missing required fields and nulls where a value is required are errors, not silent defaults.
/// </summary>
public static class GatewayJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Apply(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = Options.DictionaryKeyPolicy;
        target.PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive;
        target.NumberHandling = Options.NumberHandling;
        target.TypeInfoResolver = Options.TypeInfoResolver;
        target.UnmappedMemberHandling = Options.UnmappedMemberHandling;
        target.RespectNullableAnnotations = Options.RespectNullableAnnotations;
        target.RespectRequiredConstructorParameters = Options.RespectRequiredConstructorParameters;
        target.AllowOutOfOrderMetadataProperties = Options.AllowOutOfOrderMetadataProperties;
        target.Converters.Clear();
        foreach (var converter in Options.Converters)
        {
            target.Converters.Add(converter);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(EventJson.Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.MakeReadOnly();
        return options;
    }
}
