using System.Text.Json.Nodes;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
using CucThongKe.Core.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents;

/// <summary>The verbs modules use to add parts and fields (index providers: <c>Indexing/</c>; handlers and guards: <c>Services/</c>).</summary>
public static class ContentsServiceCollectionExtensions
{
    public static ContentElementBuilder AddContentPart<TPart>(this IServiceCollection services) where TPart : ContentPart =>
        services.AddContentPart<TPart, EmptySettings>();

    /// <summary>Adds a part; its drivers are added on the builder returned (<c>.UseEditorDriver&lt;T&gt;()</c>, <c>.UseDisplayDriver&lt;T&gt;()</c>).</summary>
    public static ContentElementBuilder AddContentPart<TPart, TSettings>(this IServiceCollection services)
        where TPart : ContentPart
        where TSettings : class, new()
    {
        services.Configure<ContentOptions>(o => o.Parts[typeof(TPart).Name] = new(typeof(TPart).Name, typeof(TPart), typeof(TSettings)));
        return new ContentElementBuilder(services, ContentElementKind.Part, typeof(TPart).Name);
    }

    /// <summary>Adds a field; its drivers are added on the builder returned (<c>.UseEditorDriver&lt;T&gt;()</c>, <c>.UseDisplayDriver&lt;T&gt;()</c>).</summary>
    public static ContentElementBuilder AddContentField<TField, TSettings>(this IServiceCollection services)
        where TField : ContentField
        where TSettings : ContentFieldSettings, new()
    {
        services.Configure<ContentOptions>(o => o.Fields[typeof(TField).Name] = new(typeof(TField).Name, typeof(TField), typeof(TSettings)));
        return new ContentElementBuilder(services, ContentElementKind.Field, typeof(TField).Name);
    }

    /// <summary>
    /// Declares a module's own section of a content type's settings: <c>"Settings": { ..., "<paramref name="name"/>": ... }</c>
    /// in a <c>ContentDefinition</c> recipe step, read strictly as <typeparamref name="TSettings"/> (a bad value fails the
    /// step with its JSON path; a string property marked <see cref="Definitions.ContentFieldReferenceAttribute"/> must name a
    /// field of the type), and read by code with <see cref="Definitions.ResolvedContentType.Section{TSettings}"/>.
    /// </summary>
    public static IServiceCollection AddContentTypeSettings<TSettings>(this IServiceCollection services, string name) where TSettings : class
    {
        services.Configure<ContentOptions>(o => o.TypeSettings[name] = typeof(TSettings));
        return services;
    }

    /// <summary>
    /// Upgrades a site set up before a type setting replaced a rule on a type's name: once, at start-up, writes
    /// <paramref name="value"/> under <paramref name="key"/> in the stored settings of <paramref name="typeName"/> when the
    /// type exists, lacks that key and (when given) has the field <paramref name="field"/> of kind <paramref name="fieldType"/>.
    /// </summary>
    /// <param name="name">The upgrade's stable name (recorded once it ran).</param>
    public static IServiceCollection AddTypeSettingUpgrade(this IServiceCollection services, string name, string typeName, string key, JsonNode value, string? field = null, string? fieldType = null)
    {
        var spec = new TypeSettingUpgradeSpec(name, typeName, key, value, field, fieldType);
        return services.AddSiteUpgrade<TypeSettingUpgrade>(spec);
    }
}

/// <summary>Whether a registered element is a part or a field.</summary>
public enum ContentElementKind
{
    Part,
    Field,
}

/// <summary>
/// A part or field just added by a module, to which the module attaches what goes with it: the editor driver (back office)
/// and the display driver (public pages), each through the extension methods of the Contents folder that composes them.
/// </summary>
/// <param name="Services">The module's service collection.</param>
/// <param name="Kind">Part or field.</param>
/// <param name="Name">The element's name as stored in type definitions (the class name).</param>
public sealed record ContentElementBuilder(IServiceCollection Services, ContentElementKind Kind, string Name);

/// <summary>The settings of a part that has none.</summary>
public sealed class EmptySettings;
