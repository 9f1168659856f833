using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RatingsAndScreeningClearances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SatisfactionVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SatisfactionVotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningClearances",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Hits = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClearedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClearedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningClearances", x => x.ContentItemId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionVotes_Day_Target",
                table: "SatisfactionVotes",
                columns: new[] { "Day", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_SatisfactionVotes_TokenHash",
                table: "SatisfactionVotes",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SatisfactionVotes");

            migrationBuilder.DropTable(
                name: "ScreeningClearances");
        }
    }
}
