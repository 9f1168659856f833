using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrashedItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrashedItems",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DisplayText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    TrashedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrashedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrashedItems", x => x.ContentItemId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_TrashedUtc",
                table: "TrashedItems",
                column: "TrashedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_UnitId_TrashedUtc",
                table: "TrashedItems",
                columns: new[] { "UnitId", "TrashedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrashedItems");
        }
    }
}
