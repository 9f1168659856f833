using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleFolded",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CitizenMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GaveUpUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CitizenMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModeratedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ModeratedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Discussions",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Discussions", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCases",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CategoryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RepliedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCases", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackCategories",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    UrgentReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalDataErasures",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ErasedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalDataErasures", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RateId = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ExternalUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 11, scale: 2, nullable: true),
                    DraftAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyPeriods",
                columns: table => new
                {
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyPeriods", x => x.Period);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyRateChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RateId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyRateChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyRates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoyaltyRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoyaltyAdjustments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OldAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    NewAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
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
