using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
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
                type: "character varying(100)",
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Subject = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
