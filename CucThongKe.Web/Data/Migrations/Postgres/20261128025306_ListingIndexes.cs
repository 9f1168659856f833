using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_AuthorUnitId_Latest",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Latest_ModifiedUtc",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_Latest_ModifiedUtc",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AuthorUnitId_ModifiedUtc_Latest",
                table: "ContentItems",
                columns: new[] { "AuthorUnitId", "ModifiedUtc", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_ModifiedUtc_Latest",
                table: "ContentItems",
                columns: new[] { "ContentType", "ModifiedUtc", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_PublishedUtc_Published",
                table: "ContentItems",
                columns: new[] { "ContentType", "PublishedUtc", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest",
                table: "ContentItems",
                columns: new[] { "ModifiedUtc", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedUtc_Published",
                table: "ContentItems",
                columns: new[] { "PublishedUtc", "Published" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContentItems_AuthorUnitId_ModifiedUtc_Latest",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_ModifiedUtc_Latest",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ContentType_PublishedUtc_Published",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_ModifiedUtc_Latest",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedUtc_Published",
                table: "ContentItems");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AuthorUnitId_Latest",
                table: "ContentItems",
                columns: new[] { "AuthorUnitId", "Latest" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Latest_ModifiedUtc",
                table: "ContentItems",
                columns: new[] { "ContentType", "Latest", "ModifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_ContentType_Published_PublishedUtc",
                table: "ContentItems",
                columns: new[] { "ContentType", "Published", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Latest_ModifiedUtc",
                table: "ContentItems",
                columns: new[] { "Latest", "ModifiedUtc" });
        }
    }
}
