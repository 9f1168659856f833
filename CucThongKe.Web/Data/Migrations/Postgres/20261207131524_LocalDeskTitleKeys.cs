using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LocalDeskTitleKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_DisplayText",
                table: "ContentItems");

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

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_TitleFolded",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Latest", "TitleFolded" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_TitleKey_Latest",
                table: "ContentItems",
                columns: new[] { "TitleKey", "Latest" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_TitleFolded",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_TitleKey_Latest",
                table: "ContentItems");

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
