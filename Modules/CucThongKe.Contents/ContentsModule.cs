using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Recipes;
using CucThongKe.Contents.Routing;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Contents.Models;
using CucThongKe.Core;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.Contents;

/// <summary>The content engine: types as data, versioned items, index tables, scheduled publishing, the indexing-task log.</summary>
public sealed class ContentsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(CoreModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<ContentsPermissions>();
        services.AddSingleton<ContentDefinitionCache>();
        services.AddScoped<ContentDefinitionManager>();
        services.AddScoped<ContentValidator>();
        services.AddScoped<ContentManager>();
        services.AddScoped<ContentQueries>();
        services.AddScoped<ContentListQuery>();
        services.AddScoped<ContentEditor>();
        services.AddAdminMenu<ContentsAdminMenu>();
        services.AddSingleton<ScheduleSignal>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddPublishedContent();

        services.AddContentPart<TitlePart, TitlePartSettings>();
        services.AddContentPart<AutoroutePart, AutoroutePartSettings>();
        services.AddContentPart<HtmlBodyPart, HtmlBodyPartSettings>();
        services.AddContentPart<SummaryPart, SummaryPartSettings>();
        services.AddContentPart<PublishLaterPart>();

        services.AddContentField<TextField, TextFieldSettings>();
        services.AddContentField<MultilineTextField, MultilineTextFieldSettings>();
        services.AddContentField<HtmlField, HtmlFieldSettings>();
        services.AddContentField<NumericField, NumericFieldSettings>();
        services.AddContentField<DateField, ContentFieldSettings>();
        services.AddContentField<DateTimeField, ContentFieldSettings>();
        services.AddContentField<BooleanField, ContentFieldSettings>();
        services.AddContentField<TaxonomyField, TaxonomyFieldSettings>();
        services.AddContentField<MediaField, MediaFieldSettings>();
        services.AddContentField<AttachmentField, AttachmentFieldSettings>();
        services.AddContentField<ContentPickerField, ContentPickerFieldSettings>();

        services
            .AddContentIndexProvider<AutorouteIndexProvider>()
            .AddContentIndexProvider<TaxonomyIndexProvider>()
            .AddContentIndexProvider<ContentPickerIndexProvider>();

        services
            .AddContentHandler<AutorouteHandler>()
            .AddPublishGuard<WorkflowPublishGuard>();

        services
            .AddRecipeStep<ContentDefinitionRecipeStep>()
            .AddRecipeStep<TaxonomiesRecipeStep>()
            .AddRecipeStep<ContentRecipeStep>()
            .AddRecipeExporter<ContentDefinitionRecipeExporter>()
            .AddRecipeExporter<TaxonomiesRecipeExporter>()
            .AddRecipeExporter<ContentRecipeExporter>()
            .AddRecipeEventHandler<ContentDefinitionCacheReset>();
    }
}

/// <summary>Drops cached definitions after every recipe, committed or not.</summary>
internal sealed class ContentDefinitionCacheReset(ContentDefinitionCache cache) : IRecipeEventHandler
{
    public Task RecipeFinishedAsync(RecipeDocument recipe, bool succeeded)
    {
        cache.Invalidate();
        return Task.CompletedTask;
    }
}
