using System.Text.Json.Nodes;
using CucThongKe.CitizenServices.Consultation;
using CucThongKe.CitizenServices.Discussion;
using CucThongKe.CitizenServices.Feedback;
using CucThongKe.CitizenServices.Forms;
using CucThongKe.CitizenServices.Outbox;
using CucThongKe.CitizenServices.Privacy;
using CucThongKe.CitizenServices.Questions;
using CucThongKe.CitizenServices.Rating;
using CucThongKe.CitizenServices.Screening;
using CucThongKe.Contents;
using CucThongKe.Contents.Admin;
using CucThongKe.Contents.Display;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Services;
using CucThongKe.Core.Admin;
using CucThongKe.Core.Hosting;
using CucThongKe.Core.Modules;
using CucThongKe.Core.Recipes;
using CucThongKe.Core.Security;
using CucThongKe.Core.Settings;
using CucThongKe.Core.Telemetry;
using CucThongKe.OutputCache;
using CucThongKe.Search;
using CucThongKe.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CucThongKe.CitizenServices;

/// <summary>Citizens' questions (hỏi đáp) and feedback (góp ý): intake as drafts for a unit, tracking codes, anti-spam, the rate limit, and the rule that feedback is never published.</summary>
public sealed class CitizenServicesModule : CmsModule
{
    /// <summary>The rate limit of the citizens' forms (questions and feedback together): posts (not views) per address.</summary>
    public const string FormsRateLimit = "public-forms";

    /// <summary>The rate limit of readers' comments: posts per address (<see cref="DiscussionOptions.CommentsPerTenMinutes"/>).</summary>
    public const string CommentsRateLimit = "comments";

    /// <summary>The rate limit of the satisfaction votes: posts per address.</summary>
    public const string RatingRateLimit = "ratings";

    /// <summary>The rate limit of the similar-questions look-up (every request counts: it runs a search).</summary>
    public const string SimilarQuestionsRateLimit = "similar-questions";

    /// <summary>Where the question form's script asks for answered questions like the one being written.</summary>
    public const string SimilarQuestionsPath = "/hoi-dap/cau-hoi-tuong-tu";

    /// <summary>The question's own text, screened before publication (<see cref="ScreeningTypeSettings.CitizenField"/>).</summary>
    public const string QuestionCitizenField = "Question.Question";

    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule), typeof(UsersModule), typeof(SearchModule), typeof(OutputCacheModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CitizenServicesOptions>().Bind(configuration.GetSection(CitizenServicesOptions.SectionName));
        services.AddScoped<QuestionSubmission>();
        services.AddScoped<FeedbackSubmission>();
        services.AddEditorPanel<TriageEditorPanel>();
        services.AddScoped<CitizenInbox>();
        services.AddScoped<CitizenUnits>();
        services.AddScoped<CitizenTriage>();
        services.AddScoped<SimilarQuestions>();
        services.AddContentHandler<AnswerMailer>();

        // Mail to citizens and to units leaves through a queue written in the transaction of what causes it, retried.
        services.AddSingleton<CitizenMailSignal>();
        services.AddScoped<CitizenMailOutbox>();
        services.AddQueueLength<CitizenMailQueueLength>();
        services.AddSingleton<CitizenMailSender>();
        services.AddHostedService(s => s.GetRequiredService<CitizenMailSender>());

        // The feedback inbox (Điều 14.4): cases, categories, the summary; the board's pages need their own permissions.
        services.AddScoped<FeedbackDesk>();
        services.AddScoped<FeedbackIntake>();
        services.AddScoped<FeedbackCategories>();
        services.AddScoped<FeedbackSummary>();
        services.AddContentHandler<FeedbackCaseHandler>();
        services.AddRecipeStep<FeedbackCategoriesRecipeStep>();
        services.AddRecipeStep<FeedbackRecipeStep>();
        services.AddFailureStatus<FeedbackInputException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        services.AddPermissions<CitizenServicesPermissions>().AddAdminMenu<CitizenServicesAdminMenu>();
        services.AddDefaultGrants("CitizenServices.DefaultGrants",
            new DefaultGrant(CitizenServicesPermissions.ViewFeedbackReport.Name, "Administrator", "Director", "BoardHead", "BoardMember", "BoardSecretary"),
            new DefaultGrant(CitizenServicesPermissions.ManageFeedbackCategories.Name, "Administrator", "BoardHead", "BoardSecretary"),
            new DefaultGrant(CitizenServicesPermissions.ExportPersonalData.Name, "Administrator"));

        // Personal data (Điều 7.6): the senders' fields erased when their period has passed (one node), the operator's export.
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName));
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<PersonalDataExport>();
        services.AddHostedService<PersonalDataRetentionService>();
        services.AddSingleton<FormToken>();
        // Each question and feedback form posts once: its token is spent with the save.
        services.AddScoped<UsedFormTokens>();
        services.AddFailureStatus<FormTokenUsedException>(StatusCodes.Status400BadRequest, FailureTitles.BadRequest);
        services.TryAddSingleton(TimeProvider.System);

        // Feedback carries a citizen's personal data: never published. The setup recipe says so ("Publishable": false);
        // sites set up before the setting replaced the feedback guard get it written once.
        services.AddTypeSettingUpgrade("CitizenServices.FeedbackNeverPublished", CitizenMessageKind.Feedback.ContentType, "Publishable", JsonValue.Create(false));

        // Questions and feedback are limited per address: 5 posts in 10 minutes (views are free).
        services.AddPerAddressRateLimit(FormsRateLimit, 5, TimeSpan.FromMinutes(10));

        // The look-up runs as the citizen types (the script waits for a pause): 30 a minute per address.
        services.AddPerAddressRateLimit(SimilarQuestionsRateLimit, 30, TimeSpan.FromMinutes(1), postsOnly: false);

        AddDiscussion(services, configuration);

        // Satisfaction ratings: one vote per form shown, only aggregates for the board (Nghị định 42/2022).
        services.AddScoped<SatisfactionRatings>();
        services.AddRecipeStep<SatisfactionVotesRecipeStep>();
        services.AddFailureStatus<RatingException>(StatusCodes.Status400BadRequest, "Không nhận được đánh giá");
        services.AddPerAddressRateLimit<CitizenServicesOptions>(RatingRateLimit, o => o.RatingsPerTenMinutes, TimeSpan.FromMinutes(10));
        services.AddDefaultGrants("CitizenServices.Rating.DefaultGrants",
            new DefaultGrant(CitizenServicesPermissions.ViewSatisfactionReport.Name, "Administrator", "Director", "BoardHead", "BoardMember", "BoardSecretary"));
    }

    /// <summary>Readers' moderated discussion of items the board opens for it (Điều 2.3, 14.4).</summary>
    private static void AddDiscussion(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscussionOptions>().Bind(configuration.GetSection(DiscussionOptions.SectionName))
            .Validate(o => o.MaxItemsKept is >= 0 and <= 100_000, "Cms:CitizenServices:Discussion:MaxItemsKept phải từ 0 đến 100000.")
            .ValidateOnStart();
        services.AddPerAddressRateLimit<DiscussionOptions>(CommentsRateLimit, o => o.CommentsPerTenMinutes, TimeSpan.FromMinutes(10));
        services.AddContentPart<DiscussionPart>().UseDisplayDriver<DiscussionPartDisplayDriver>();
        services.AddContentTypeSettings<DiscussionTypeSettings>(DiscussionTypeSettings.SectionName);
        services.AddScoped<Discussions>();
        services.AddSingleton<DiscussedItems>();
        services.AddEditorPanel<DiscussionEditorPanel>();
        services.AddPermissions<DiscussionPermissions>().AddAdminMenu<DiscussionAdminMenu>();
        // Sites set up before discussions existed: the grants the setup recipe gives a new site.
        services.AddDefaultGrants("CitizenServices.Discussion.DefaultGrants",
            new DefaultGrant(DiscussionPermissions.OpenDiscussion.Name, "Administrator", "BoardHead"),
            new DefaultGrant(DiscussionPermissions.ModerateComments.Name, "Administrator", "BoardHead", "BoardMember", "BoardSecretary"));
        services.AddFailureStatus<DiscussionException>(StatusCodes.Status400BadRequest, "Không nhận được ý kiến");
        services.AddFailureStatus<DiscussionNotFoundException>(StatusCodes.Status404NotFound, "Không tìm thấy");

        // Screening (Điều 4.1, 7): the list is a settings document (the Settings recipe step fills it); readers' comments and
        // citizens' messages show their hits to whoever handles them; a link to a listed domain is refused at save.
        services.AddSettingsDocument<ScreeningList>(ScreeningList.DocumentName);
        services.AddScoped<ContentScreening>();
        services.AddContentHandler<OutboundLinkHandler>();
        services.AddEditorPanel<ScreeningEditorPanel>();
        // A citizen's item whose own text hits the list waits at publication for a moderator's clearance (types with the
        // Screening section name the citizen's field).
        services.AddContentTypeSettings<ScreeningTypeSettings>(ScreeningTypeSettings.SectionName);
        services.AddScoped<ScreeningHolds>();
        services.AddPublishGuard<ScreeningPublishGuard>();
        // Sites set up before the hold: Question gets the section the setup recipe gives a new site (when it has the field).
        services.AddTypeSettingUpgrade("CitizenServices.QuestionScreening", CitizenMessageKind.Question.ContentType, ScreeningTypeSettings.SectionName,
            new JsonObject { ["CitizenField"] = QuestionCitizenField }, QuestionCitizenField, nameof(MultilineTextField));
        services.AddFailureStatus<ScreeningClearanceException>(StatusCodes.Status400BadRequest, "Không có gì cần cho phép");
        services.AddPermissions<ScreeningPermissions>().AddAdminMenu<ScreeningAdminMenu>();
        services.AddDefaultGrants("CitizenServices.Screening.DefaultGrants", new DefaultGrant(ScreeningPermissions.ManageScreening.Name, "Administrator", "BoardHead"));
        services.AddFailureStatus<ScreeningListException>(StatusCodes.Status400BadRequest, "Danh sách sàng lọc không hợp lệ");

        // Consultation on draft documents: a type whose "Discussion" settings bound the period; its unit reads the summary.
        services.AddScoped<Consultations>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(SimilarQuestionsPath, SimilarQuestions.Endpoint).RequireRateLimiting(SimilarQuestionsRateLimit);
}
