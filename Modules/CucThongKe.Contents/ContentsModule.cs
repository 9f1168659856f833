using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Definitions;
using CucThongKe.Contents.Display;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Parts;
using CucThongKe.Contents.Published;
using CucThongKe.Contents.Recipes;
using CucThongKe.Contents.Routing;
using CucThongKe.Contents.Scheduling;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Taxonomies;
using CucThongKe.Contents.TaxonomyAdmin;
using CucThongKe.Contents.Trash;
using CucThongKe.Core;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Setup;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddDisplayNameSource<ContentTypeDisplayNames>();
        services.AddScoped<IUnitMergeParticipant, PendingContentUnitMerge>();
        services.AddScoped<ContentValidator>();
        services.AddScoped<ContentChangePipeline>();
        services.AddScoped<ContentManager>();
        services.AddScoped<ContentPublisher>();
        services.AddScoped<IContentPublisher>(s => s.GetRequiredService<ContentPublisher>());
        services.AddScoped<ContentTransfers>();
        services.AddScoped<RecipeCreatedItems>();
        // The trash: restorable until the purge (one node, lease "content-trash-purge"), and deletion of drafts never published.
        services.AddOptions<ContentTrashOptions>().Bind(configuration.GetSection(ContentTrashOptions.SectionName))
            .Validate(o => o.PurgeAfterDays is >= 1 and <= 3650 && o.PurgeEveryMinutes is >= 1 and <= 10_080, "Cms:Contents:Trash: PurgeAfterDays 1–3650, PurgeEveryMinutes 1–10080.");
        services.AddScoped<ContentTrash>();
        services.AddHostedService<ContentTrashPurgeService>();
        services.AddContentBulkAction<TrashBulkAction>().AddContentBulkAction<DeleteBulkAction>()
            .AddFailureStatus<ContentForbiddenException>(StatusCodes.Status403Forbidden, FailureTitles.Forbidden);
        services.AddSingleton<IndexingSignal>();
        services.AddScoped<ContentQueries>();
        // "Someone else is editing this item" on the edit page (in memory, per node; issue 18 shares it between nodes).
        services.AddOptions<ContentEditingOptions>().Bind(configuration.GetSection(ContentEditingOptions.SectionName))
            .Validate(o => o.MaxPresenceMarks is > 0 and <= 100_000 && o.PresenceExpiry > TimeSpan.Zero, "Cms:ContentEditing: MaxPresenceMarks 1–100000, PresenceExpiry > 0.");
        services.AddSingleton<EditingPresence>();
        services.AddScoped<ContentListQuery>();
        services.AddSiteUpgrade<TitleKeysUpgrade>();
        services.AddScoped<ContentDiffer>();

        // The engine's refusals: what the API, the pages and the middleware answer for each (nothing was saved).
        services
            .AddFailureStatus<ContentValidationException>(ex => new Failure(StatusCodes.Status400BadRequest, FailureTitles.BadRequest,
                string.Join(" ", ex.Errors.Select(e => e.Message)))
            {
                Detail = "Nội dung không hợp lệ.",
                Extensions = new Dictionary<string, object?> { ["errors"] = ex.Errors.Select(e => new { path = e.Path, message = e.Message }).ToList() },
            })
            .AddFailureStatus<ContentConflictException>(StatusCodes.Status409Conflict, FailureTitles.Conflict)
            .AddFailureStatus<ContentPublishRefusedException>(StatusCodes.Status403Forbidden, FailureTitles.Forbidden)
            .AddFailureStatus<ContentRemovalRefusedException>(StatusCodes.Status409Conflict, FailureTitles.Conflict)
            .AddFailureStatus<ContentNotFoundException>(StatusCodes.Status404NotFound, FailureTitles.NotFound);
        services.AddScoped<ContentEditor>();
        services.AddAdminMenu<ContentsAdminMenu>();
        services.AddScoped<TaxonomyAdministration>().AddAdminMenu<TaxonomiesAdminMenu>()
            .AddFailureStatus<TaxonomyInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        services.AddSingleton<ScheduleSignal>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddPublishedContent();

        services.AddContentPart<TitlePart, TitlePartSettings>().UseEditorDriver<TitlePartEditorDriver>();
        services.AddContentPart<AutoroutePart, AutoroutePartSettings>().UseEditorDriver<AutoroutePartEditorDriver>();
        services.AddContentPart<HtmlBodyPart, HtmlBodyPartSettings>().UseEditorDriver<HtmlBodyPartEditorDriver>();
        services.AddContentPart<SummaryPart, SummaryPartSettings>().UseEditorDriver<SummaryPartEditorDriver>();
        services.AddContentPart<PublishLaterPart>().UseEditorDriver<PublishLaterPartEditorDriver>();

        services.AddContentField<TextField, TextFieldSettings>().UseEditorDriver<TextFieldEditorDriver>();
        services.AddContentField<MultilineTextField, MultilineTextFieldSettings>().UseEditorDriver<MultilineTextFieldEditorDriver>();
        services.AddContentField<HtmlField, HtmlFieldSettings>().UseEditorDriver<HtmlFieldEditorDriver>();
        services.AddContentField<NumericField, NumericFieldSettings>().UseEditorDriver<NumericFieldEditorDriver>();
        services.AddContentField<DateField, ContentFieldSettings>().UseEditorDriver<DateFieldEditorDriver>();
        services.AddContentField<DateTimeField, ContentFieldSettings>().UseEditorDriver<DateTimeFieldEditorDriver>();
        services.AddContentField<BooleanField, ContentFieldSettings>().UseEditorDriver<BooleanFieldEditorDriver>();
        services.AddContentField<TaxonomyField, TaxonomyFieldSettings>().UseEditorDriver<TaxonomyFieldEditorDriver>();
        services.AddContentField<MediaField, MediaFieldSettings>().UseEditorDriver<MediaFieldEditorDriver>();
        services.AddContentField<AttachmentField, AttachmentFieldSettings>().UseEditorDriver<AttachmentFieldEditorDriver>();
        services.AddContentField<ContentPickerField, ContentPickerFieldSettings>().UseEditorDriver<ContentPickerFieldEditorDriver>();

        // The display side (public pages): the display manager and the built-in parts' and fields' display drivers.
        services.AddContentDisplay();

        services
            .AddContentIndexProvider<AutorouteIndexProvider>()
            .AddContentIndexProvider<TaxonomyIndexProvider>()
            .AddContentIndexProvider<ContentPickerIndexProvider>();

        services
            .AddContentHandler<AutorouteHandler>()
            .AddContentHandler<FieldReferenceChecks>()
            .AddContentCommittedHandler<PublicationMetrics>()
            .AddPublishGuard<NeverPublishableGuard>();

        // Nothing governs publication until a module says otherwise (the approval chain replaces this).
        services.TryAddSingleton<IContentGovernance, NoContentGovernance>();

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
