using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FormTokensMediaBlobsTrashRoyaltyVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RoyaltyEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MediaBlobs",
                columns: table => new
                {
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaBlobs", x => x.Path);
                });

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

            migrationBuilder.CreateTable(
                name: "UsedFormTokens",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedFormTokens", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_TrashedUtc",
                table: "TrashedItems",
                column: "TrashedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TrashedItems_UnitId_TrashedUtc",
                table: "TrashedItems",
                columns: new[] { "UnitId", "TrashedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_UsedFormTokens_UsedUtc",
                table: "UsedFormTokens",
                column: "UsedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaBlobs");

            migrationBuilder.DropTable(
                name: "TrashedItems");

            migrationBuilder.DropTable(
                name: "UsedFormTokens");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RoyaltyEntries");
        }
    }
}
