using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Models;
using CucThongKe.Contents.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents;

/// <summary>The verbs modules use to add parts, fields, index providers and content handlers.</summary>
public static class ContentsServiceCollectionExtensions
{
    public static IServiceCollection AddContentPart<TPart>(this IServiceCollection services) where TPart : ContentPart =>
        services.AddContentPart<TPart, EmptySettings>();

    public static IServiceCollection AddContentPart<TPart, TSettings>(this IServiceCollection services)
        where TPart : ContentPart
        where TSettings : class, new() =>
        services.Configure<ContentOptions>(o => o.Parts[typeof(TPart).Name] = new(typeof(TPart).Name, typeof(TPart), typeof(TSettings)));

    public static IServiceCollection AddContentField<TField, TSettings>(this IServiceCollection services)
        where TField : ContentField
        where TSettings : ContentFieldSettings, new() =>
        services.Configure<ContentOptions>(o => o.Fields[typeof(TField).Name] = new(typeof(TField).Name, typeof(TField), typeof(TSettings)));

    public static IServiceCollection AddContentIndexProvider<TProvider>(this IServiceCollection services) where TProvider : class, IContentIndexProvider
    {
        services.AddScoped<IContentIndexProvider, TProvider>();
        return services;
    }

    public static IServiceCollection AddContentHandler<THandler>(this IServiceCollection services) where THandler : class, IContentHandler
    {
        services.AddScoped<IContentHandler, THandler>();
        return services;
    }

    public static IServiceCollection AddPublishGuard<TGuard>(this IServiceCollection services) where TGuard : class, IPublishGuard
    {
        services.AddScoped<IPublishGuard, TGuard>();
        return services;
    }
}

/// <summary>The settings of a part that has none.</summary>
public sealed class EmptySettings;
