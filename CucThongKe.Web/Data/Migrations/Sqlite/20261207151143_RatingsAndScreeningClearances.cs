using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RatingsAndScreeningClearances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SatisfactionVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionVotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningClearances",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hits = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ClearedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClearedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningClearances", x => x.ContentItemId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionVotes_Day_Target",
                table: "SatisfactionVotes",
                columns: new[] { "Day", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionVotes_TokenHash",
                table: "SatisfactionVotes",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SatisfactionVotes");

            migrationBuilder.DropTable(
                name: "ScreeningClearances");
        }
    }
}
