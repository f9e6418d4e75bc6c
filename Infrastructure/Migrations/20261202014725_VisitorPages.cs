using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sanatorium.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class VisitorPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SeoTitle",
                table: "TreatmentTranslations",
                type: "character varying(70)",
                maxLength: 70,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SeoTitle",
                table: "PromotionTranslations",
                type: "character varying(70)",
                maxLength: 70,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SeoTitle",
                table: "ProfileTranslations",
                type: "character varying(70)",
                maxLength: 70,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SeoTitle",
                table: "InfoPageTranslations",
                type: "character varying(70)",
                maxLength: 70,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DirectionsEn",
                table: "ContactDetails",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DirectionsRu",
                table: "ContactDetails",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "ContactDetails",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EnquiryEmail",
                table: "ContactDetails",
                type: "character varying(254)",
                maxLength: 254,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "ContactDetails",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "ContactDetails",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Enquiries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Arrival = table.Column<DateOnly>(type: "date", nullable: true),
                    Departure = table.Column<DateOnly>(type: "date", nullable: true),
                    Guests = table.Column<int>(type: "integer", nullable: true),
                    ProfileId = table.Column<int>(type: "integer", nullable: true),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentSource = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ConsentIpHash = table.Column<byte[]>(type: "bytea", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Assignee = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enquiries_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OperatorDetails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LegalNameRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalNameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Inn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Ogrn = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    LegalAddressRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LegalAddressEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LicenceRu = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LicenceEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OperatorDetails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledPublications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    PublishAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ScheduledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StayPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    NameRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IncludedRu = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IncludedEn = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Nights = table.Column<int>(type: "integer", nullable: false),
                    PricePerPerson = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StayPackages", x => x.Id);
                    table.CheckConstraint("CK_StayPackages_Nights", "\"Nights\" BETWEEN 1 AND 365");
                    table.CheckConstraint("CK_StayPackages_Price", "\"PricePerPerson\" >= 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_CreatedAt",
                table: "Enquiries",
                column: "CreatedAt",
                filter: "\"ErasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_ProfileId",
                table: "Enquiries",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Enquiries_Status_CreatedAt",
                table: "Enquiries",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledPublications_Kind_EntityId",
                table: "ScheduledPublications",
                columns: new[] { "Kind", "EntityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledPublications_PublishAt",
                table: "ScheduledPublications",
                column: "PublishAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Enquiries");

            migrationBuilder.DropTable(
                name: "OperatorDetails");

            migrationBuilder.DropTable(
                name: "ScheduledPublications");

            migrationBuilder.DropTable(
                name: "StayPackages");

            migrationBuilder.DropColumn(
                name: "SeoTitle",
                table: "TreatmentTranslations");

            migrationBuilder.DropColumn(
                name: "SeoTitle",
                table: "PromotionTranslations");

            migrationBuilder.DropColumn(
                name: "SeoTitle",
                table: "ProfileTranslations");

            migrationBuilder.DropColumn(
                name: "SeoTitle",
                table: "InfoPageTranslations");

            migrationBuilder.DropColumn(
                name: "DirectionsEn",
                table: "ContactDetails");

            migrationBuilder.DropColumn(
                name: "DirectionsRu",
                table: "ContactDetails");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "ContactDetails");

            migrationBuilder.DropColumn(
                name: "EnquiryEmail",
                table: "ContactDetails");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "ContactDetails");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "ContactDetails");
        }
    }
}
