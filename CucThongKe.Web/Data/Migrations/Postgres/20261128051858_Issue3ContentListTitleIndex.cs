using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue3ContentListTitleIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_DisplayText",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Latest", "DisplayText" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest_DisplayText",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Latest" });
        }
    }
}
