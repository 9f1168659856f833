using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CucThongKe.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CucThongKe.Core.Hosting;

/// <summary>Cleans every string a request brings (NFC, Đ for Ð) once, for every page and endpoint: see <see cref="TextNormalizer"/>.</summary>
public static class CleanTextInput
{
    /// <summary>Registers the string model binder (forms, query strings, route values) and the JSON string reader
    /// for MVC and for minimal APIs.</summary>
    public static IServiceCollection AddCleanTextInput(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(o =>
        {
            // Just before the framework's own binder for simple types, so that [FromBody], [FromHeader] and
            // [ModelBinder] strings keep the binders they ask for.
            var simple = o.ModelBinderProviders.TakeWhile(p => p is not SimpleTypeModelBinderProvider).Count();
            o.ModelBinderProviders.Insert(simple, new CleanStringModelBinderProvider());
        });
        services.Configure<JsonOptions>(o => Apply(o.JsonSerializerOptions));
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o => Apply(o.SerializerOptions));
        return services;
    }

    /// <summary>Makes <paramref name="options"/> clean every string it reads, except properties named like a password.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new CleanStringJsonConverter());
        options.Converters.Add(new CleanJsonNodeConverter<JsonNode>());
        options.Converters.Add(new CleanJsonNodeConverter<JsonObject>());
        options.Converters.Add(new CleanJsonNodeConverter<JsonArray>());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(KeepPasswordsExact);
        return options;
    }

    private static void KeepPasswordsExact(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string) && TextNormalizer.KeepsExactText(property.Name))
            {
                property.CustomConverter = JsonMetadataServices.StringConverter;
            }
        }
    }

    /// <summary>Whether a bound value must stay as typed: a password (by <see cref="DataType.Password"/> or by its name).</summary>
    internal static bool KeepsExactText(ModelMetadata metadata) =>
        metadata.DataTypeName == nameof(DataType.Password)
        || TextNormalizer.KeepsExactText(metadata.PropertyName)
        || TextNormalizer.KeepsExactText(metadata.ParameterName);
}

/// <summary>Reads JSON strings cleaned (NFC, Đ for Ð); writes them as they are.</summary>
public sealed class CleanStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => TextNormalizer.Normalize(ReadText(ref reader)),
        JsonTokenType.Null => null,
        _ => throw new JsonException(), // the serializer adds the usual "could not be converted to System.String" and the path
    };

    private static string ReadText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // "\ud800" (half a UTF-16 pair) or bytes that are not UTF-8: not text.
            throw new InvalidJsonTextException();
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Reads a JSON tree (content, definitions) with every string and property name cleaned at once, so that text
/// which is not text is a <see cref="JsonException"/> here, with its path, and not an exception where the tree is read later.</summary>
public sealed class CleanJsonNodeConverter<TNode> : JsonConverter<TNode> where TNode : JsonNode
{
    public override TNode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = options.PropertyNameCaseInsensitive });
        JsonNode? clean;
        try
        {
            clean = TextNormalizer.NormalizeNode(node);
        }
        catch (InvalidOperationException)
        {
            throw new InvalidJsonTextException();
        }

        return clean as TNode ?? throw new JsonException(); // an array where an object belongs: the serializer adds the path
    }

    public override void Write(Utf8JsonWriter writer, TNode value, JsonSerializerOptions options) => value.WriteTo(writer, options);
}

internal sealed class CleanStringModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string) || CleanTextInput.KeepsExactText(context.Metadata))
        {
            return null;
        }

        return new CleanStringModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }
}

/// <summary>Binds a string as the framework does, then cleans it; the cleaned text is also what a redisplayed form shows.</summary>
internal sealed class CleanStringModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string text && TextNormalizer.Normalize(text) is var clean && !ReferenceEquals(clean, text))
        {
            bindingContext.Result = ModelBindingResult.Success(clean);
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, clean, clean);
        }
    }
}
