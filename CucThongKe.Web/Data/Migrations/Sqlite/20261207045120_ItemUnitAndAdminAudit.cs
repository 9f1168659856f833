using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItemUnitAndAdminAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_AuthorUnitId_ModifiedUtc_Latest",
                table: "ContentItems");

            migrationBuilder.AddColumn<string>(
                name: "UnitId",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            // Backfill: an existing item belongs to the unit of its first version's author (the unit its workflow and the
            // API already used), on every version. Plain SQL that SQLite and PostgreSQL both read.
            migrationBuilder.Sql(
                """
                UPDATE "ContentItems" SET "UnitId" = (
                    SELECT f."AuthorUnitId" FROM "ContentItems" AS f
                    WHERE f."ContentItemId" = "ContentItems"."ContentItemId"
                    ORDER BY f."Version" LIMIT 1);
                """);

            migrationBuilder.CreateTable(
                name: "AdminAuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminAuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_UnitId_ModifiedUtc_Latest",
                table: "ContentItems",
                columns: new[] { "UnitId", "ModifiedUtc", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_AdminAuditEntries_CreatedUtc",
                table: "AdminAuditEntries",
                column: "CreatedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminAuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_UnitId_ModifiedUtc_Latest",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AuthorUnitId_ModifiedUtc_Latest",
                table: "ContentItems",
                columns: new[] { "AuthorUnitId", "ModifiedUtc", "Latest" });
        }
    }
}
