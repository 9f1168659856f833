namespace CucThongKe.Office.Royalties;

/// <summary>The royalty ledger's settings (<c>Cms:Office:Royalties</c>).</summary>
public sealed class RoyaltyOptions
{
    public const string SectionName = "Cms:Office:Royalties";

    /// <summary>Đồng per point (giá trị một điểm nhuận bút) for rates given in points; read when an entry is drafted, so a change reaches later entries only.</summary>
    public long PointValue { get; set; } = 10_000;

    /// <summary>The most rows a report or an export lists in its detail (its totals count every entry).</summary>
    public int MaxReportRows { get; set; } = 5_000;
}

/// <summary>A refused royalty input (a rate, an adjustment, a filter): 400, with the sentence and the input it concerns.</summary>
public sealed class RoyaltyInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A change to a closed period of the ledger (or closing one twice): 409; nothing is stored.</summary>
public sealed class RoyaltyPeriodClosedException(string message) : Exception(message);
