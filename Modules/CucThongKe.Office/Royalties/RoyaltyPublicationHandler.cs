using CucThongKe.Contents.Services;

namespace CucThongKe.Office.Royalties;

/// <summary>
/// Drafts the ledger's entries once a paid item's publication has committed (Contents' after-commit publication event):
/// a publication that rolls back pays nothing, and a failure here never undoes the publication (it is logged; the
/// accountant can still add the entry by recipe).
/// </summary>
internal sealed class RoyaltyPublicationHandler(RoyaltyLedger ledger) : IContentCommittedHandler
{
    public async Task PublishedAsync(ContentContext context, CancellationToken cancellationToken)
    {
        // A type is paid when it carries the credits part: behaviour hangs on the part, never on the type's name.
        if (context.Type.Parts.Any(p => p.Code?.Type == typeof(RoyaltyCreditsPart)))
        {
            await ledger.DraftForPublicationAsync(context.Item, cancellationToken);
        }
    }
}
