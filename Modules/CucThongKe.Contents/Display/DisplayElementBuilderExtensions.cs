using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Parts;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents.Display;

/// <summary>The display side of <c>services.AddContentPart&lt;...&gt;()</c> / <c>AddContentField&lt;...&gt;()</c>.</summary>
public static class DisplayElementBuilderExtensions
{
    /// <summary>Attaches a display driver to the part or field just added; several drivers of one element all build their shapes.</summary>
    /// <exception cref="InvalidOperationException">The driver is written for another part or field than the one it is attached to.</exception>
    public static ContentElementBuilder UseDisplayDriver<TDriver>(this ContentElementBuilder builder) where TDriver : class, IContentDisplayDriver
    {
        if (DrawnElement(typeof(TDriver)) is { } drawn && drawn.Name != builder.Name)
        {
            throw new InvalidOperationException($"{typeof(TDriver).Name} draws {drawn.Name}, not {builder.Name}.");
        }

        builder.Services.AddScoped<TDriver>();
        builder.Services.AddScoped(sp => new DisplayDriverRegistration(builder.Kind, builder.Name, sp.GetRequiredService<TDriver>()));
        return builder;
    }

    /// <summary>The part or field class a typed driver (<see cref="ContentPartDisplayDriver{TPart}"/>, <see cref="ContentFieldDisplayDriver{TField}"/>) is written for.</summary>
    private static Type? DrawnElement(Type driver)
    {
        for (var type = driver; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ContentPartDisplayDriver<>) || type.GetGenericTypeDefinition() == typeof(ContentFieldDisplayDriver<>)))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}

/// <summary>The display side of the Contents module's registration.</summary>
internal static class ContentsDisplayRegistration
{
    /// <summary>The display manager and the drivers of the built-in parts and fields (their parts and fields are added by <see cref="ContentsModule"/>).</summary>
    public static IServiceCollection AddContentDisplay(this IServiceCollection services)
    {
        services.AddScoped<ContentDisplayManager>();

        services.AddContentPart<TitlePart, TitlePartSettings>().UseDisplayDriver<TitlePartDisplayDriver>();
        services.AddContentPart<SummaryPart, SummaryPartSettings>().UseDisplayDriver<SummaryPartDisplayDriver>();
        services.AddContentPart<HtmlBodyPart, HtmlBodyPartSettings>().UseDisplayDriver<HtmlBodyPartDisplayDriver>();

        services.AddContentField<TextField, TextFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<TextField>>();
        services.AddContentField<MultilineTextField, MultilineTextFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<MultilineTextField>>();
        services.AddContentField<HtmlField, HtmlFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<HtmlField>>();
        services.AddContentField<NumericField, NumericFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<NumericField>>();
        services.AddContentField<DateField, ContentFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<DateField>>();
        services.AddContentField<DateTimeField, ContentFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<DateTimeField>>();
        services.AddContentField<BooleanField, ContentFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<BooleanField>>();
        services.AddContentField<TaxonomyField, TaxonomyFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<TaxonomyField>>();
        services.AddContentField<MediaField, MediaFieldSettings>().UseDisplayDriver<MediaFieldDisplayDriver>();
        services.AddContentField<AttachmentField, AttachmentFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<AttachmentField>>();
        services.AddContentField<ContentPickerField, ContentPickerFieldSettings>().UseDisplayDriver<FieldDetailDisplayDriver<ContentPickerField>>();
        return services;
    }
}
