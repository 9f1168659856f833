using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MediaBlobs",
                columns: table => new
                {
                    Path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaBlobs", x => x.Path);
                });

            migrationBuilder.CreateTable(
                name: "TrashedItems",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DisplayText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UnitId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    VersionId = table.Column<long>(type: "bigint", nullable: false),
                    TrashedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TrashedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrashedItems", x => x.ContentItemId);
                });

            migrationBuilder.CreateTable(
                name: "UsedFormTokens",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UsedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
