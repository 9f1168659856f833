using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CucThongKe.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPublicSite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LegalDocumentIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NumberKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentType = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    Confidential = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContentItemVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalDocumentIndex", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalDocumentIndex_ContentItems_ContentItemVersionId",
                        column: x => x.ContentItemVersionId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaReferenceIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContentItemVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaReferenceIndex", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaReferenceIndex_ContentItems_ContentItemVersionId",
                        column: x => x.ContentItemVersionId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportIndex",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Period = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentItemVersionId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportIndex", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportIndex_ContentItems_ContentItemVersionId",
                        column: x => x.ContentItemVersionId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocumentIndex_ContentItemVersionId",
                table: "LegalDocumentIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalDocumentIndex_Published_Confidential_IssueDate",
                table: "LegalDocumentIndex",
                columns: new[] { "Published", "Confidential", "IssueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaReferenceIndex_ContentItemVersionId",
                table: "MediaReferenceIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaReferenceIndex_Path_Published",
                table: "MediaReferenceIndex",
                columns: new[] { "Path", "Published" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportIndex_ContentItemVersionId",
                table: "ReportIndex",
                column: "ContentItemVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportIndex_Published_Year_PeriodKind",
                table: "ReportIndex",
                columns: new[] { "Published", "Year", "PeriodKind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LegalDocumentIndex");

            migrationBuilder.DropTable(
                name: "MediaReferenceIndex");

            migrationBuilder.DropTable(
                name: "ReportIndex");
        }
    }
}
