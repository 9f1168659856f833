using CucThongKe.Core.Maintenance;
using Microsoft.AspNetCore.Http;

namespace CucThongKe.OutputCache;

/// <summary>Every public page carries the planned-downtime notice: a page cached before a window was scheduled (or
/// cancelled) is not served after it, so the notice shows at once, on every node once its windows are read again.</summary>
internal sealed class MaintenanceNoticeVariation(MaintenanceState maintenance) : IPublicPageVariation
{
    public string Of(HttpRequest request) => maintenance.NoticeStamp;
}
