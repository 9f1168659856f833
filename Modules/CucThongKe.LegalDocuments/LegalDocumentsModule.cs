using System.Text.Json.Nodes;
using CucThongKe.Contents;
using CucThongKe.Contents.Fields;
using CucThongKe.Contents.Indexing;
using CucThongKe.Contents.Services;
using CucThongKe.Contents.Published;
using CucThongKe.LegalDocuments.Confidential;
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
        // Sites set up before the setting keep the rule that named the type (LegalDocument's Confidential field).
        services.AddTypeSettingUpgrade("LegalDocuments.Confidentiality", LegalDocumentTypes.LegalDocument, ConfidentialityTypeSettings.SectionName,
            new JsonObject { ["Field"] = "LegalDocument.Confidential" }, "LegalDocument.Confidential", nameof(BooleanField));
        services.AddPublishGuard<ConfidentialDocumentGuard>();
        services.AddScoped<IReaderVisibilityRule, ConfidentialDocuments>();
        services.AddScoped<DocumentLookup>();
    }
}
