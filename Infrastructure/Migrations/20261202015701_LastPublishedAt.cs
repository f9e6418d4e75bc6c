using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sanatorium.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LastPublishedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastPublishedAt",
                table: "TreatmentTranslations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastPublishedAt",
                table: "PromotionTranslations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastPublishedAt",
                table: "ProfileTranslations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastPublishedAt",
                table: "InfoPageTranslations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastPublishedAt",
                table: "TreatmentTranslations");

            migrationBuilder.DropColumn(
                name: "LastPublishedAt",
                table: "PromotionTranslations");

            migrationBuilder.DropColumn(
                name: "LastPublishedAt",
                table: "ProfileTranslations");

            migrationBuilder.DropColumn(
                name: "LastPublishedAt",
                table: "InfoPageTranslations");
        }
    }
}
