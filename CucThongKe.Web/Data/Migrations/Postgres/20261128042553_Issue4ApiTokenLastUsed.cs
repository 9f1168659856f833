using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Issue4ApiTokenLastUsed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastUsedUtc",
                table: "ApiTokens",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastUsedUtc",
                table: "ApiTokens");
        }
    }
}
