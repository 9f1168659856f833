using CucThongKe.Contents;
using CucThongKe.Contents.Published;
using CucThongKe.Core.Modules;
using CucThongKe.LegalDocuments.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CucThongKe.LegalDocuments;

/// <summary>Legal documents: their index table, the document lookup, and the rule that a confidential one is never shown.</summary>
public sealed class LegalDocumentsModule : CmsModule
{
    public override IReadOnlyList<Type> Dependencies => [typeof(ContentsModule)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddContentIndexProvider<LegalDocumentIndexProvider>();
        // Confidentiality (Điều 9.2): the type setting naming the field, and the rule applied wherever content leaves the office.
        services.AddContentTypeSettings<ConfidentialityTypeSettings>(ConfidentialityTypeSettings.SectionName);
        services.AddPublishGuard<ConfidentialDocumentGuard>();
        services.AddScoped<IReaderVisibilityRule, ConfidentialDocuments>();
        services.AddScoped<DocumentLookup>();
    }
}
