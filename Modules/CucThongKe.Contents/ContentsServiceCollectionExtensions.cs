using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Models;
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
