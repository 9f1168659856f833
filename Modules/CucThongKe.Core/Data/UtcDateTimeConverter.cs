using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CucThongKe.Core.Data;

/// <summary>Reads dates back as UTC: SQLite keeps no kind, and every date the site stores is UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
