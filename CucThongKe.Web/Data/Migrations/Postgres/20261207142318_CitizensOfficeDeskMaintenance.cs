using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CitizensOfficeDeskMaintenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_DisplayText",
                table: "ContentItems");

            migrationBuilder.AddColumn<DateTime>(
                name: "DeactivatedUtc",
                table: "Users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleFolded",
                table: "ContentItems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "ContentItems",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ToAddress = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GaveUpUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModeratedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ModeratedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Discussions",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Discussions", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCases",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CategoryId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RepliedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCases", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCategories",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Urgent = table.Column<bool>(type: "boolean", nullable: false),
                    UrgentReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CancelledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataErasures",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ErasedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataErasures", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RateId = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ExternalUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(11,2)", precision: 11, scale: 2, nullable: true),
                    DraftAmount = table.Column<long>(type: "bigint", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyPeriods",
                columns: table => new
                {
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntryCount = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyPeriods", x => x.Period);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyRateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RateId = table.Column<long>(type: "bigint", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Before = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    After = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyRateChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyAdjustments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OldAmount = table.Column<long>(type: "bigint", nullable: false),
                    NewAmount = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoyaltyAdjustments_RoyaltyEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "RoyaltyEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_TitleFolded",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Latest", "TitleFolded" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TitleKey_Latest",
                table: "ContentItems",
                columns: new[] { "TitleKey", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_CitizenMails_GaveUpUtc_NextAttemptUtc",
                table: "CitizenMails",
                columns: new[] { "GaveUpUtc", "NextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ContentItemId_Status_CreatedUtc",
                table: "Comments",
                columns: new[] { "ContentItemId", "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Status_CreatedUtc",
                table: "Comments",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_TokenHash",
                table: "Comments",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackCases_ReceivedUtc",
                table: "FeedbackCases",
                column: "ReceivedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindows_EndUtc",
                table: "MaintenanceWindows",
                column: "EndUtc");

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyAdjustments_EntryId",
                table: "RoyaltyAdjustments",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyEntries_ContentItemId_Kind_PersonKey",
                table: "RoyaltyEntries",
                columns: new[] { "ContentItemId", "Kind", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyEntries_Period_UnitId",
                table: "RoyaltyEntries",
                columns: new[] { "Period", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyEntries_Period_UserName",
                table: "RoyaltyEntries",
                columns: new[] { "Period", "UserName" });

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyRateChanges_RateId",
                table: "RoyaltyRateChanges",
                column: "RateId");

            migrationBuilder.CreateIndex(
                name: "IX_RoyaltyRates_Kind_ValidFrom",
                table: "RoyaltyRates",
                columns: new[] { "Kind", "ValidFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CitizenMails");

            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropTable(
                name: "Discussions");

            migrationBuilder.DropTable(
                name: "FeedbackCases");

            migrationBuilder.DropTable(
                name: "FeedbackCategories");

            migrationBuilder.DropTable(
                name: "MaintenanceWindows");

            migrationBuilder.DropTable(
                name: "PersonalDataErasures");

            migrationBuilder.DropTable(
                name: "RoyaltyAdjustments");

            migrationBuilder.DropTable(
                name: "RoyaltyPeriods");

            migrationBuilder.DropTable(
                name: "RoyaltyRateChanges");

            migrationBuilder.DropTable(
                name: "RoyaltyRates");

            migrationBuilder.DropTable(
                name: "RoyaltyEntries");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_TitleFolded",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_TitleKey_Latest",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "DeactivatedUtc",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "TitleFolded",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_DisplayText",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Latest", "DisplayText" });
        }
    }
}
