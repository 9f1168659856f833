using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocalRoyaltyEntryVersion : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "RoyaltyEntries");
        }
    }
}
