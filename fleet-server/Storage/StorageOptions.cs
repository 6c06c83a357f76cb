using System.ComponentModel.DataAnnotations;

namespace ScanPoint.FleetServer.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (embedded, default) or <c>postgres</c>.</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage:Provider must be 'sqlite' or 'postgres'")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>The embedded database file.</summary>
    public string SqlitePath { get; set; } = "fleet-data/fleet.db";

    /// <summary>Npgsql connection string, for <c>Provider=postgres</c>.</summary>
    public string Postgres { get; set; } = "";

    /// <summary>PostgreSQL schema to use.</summary>
    public string PostgresSchema { get; set; } = "public";

    /// <summary>
    /// The 32-byte key file sealing personal data at rest (<see cref="Privacy.PersonalDataKey"/>); empty means
    /// <c>personal.key</c> next to <see cref="SqlitePath"/>. With PostgreSQL every replica must use the same file.
    /// </summary>
    public string PersonalDataKeyPath { get; set; } = "";

    /// <summary>The full path of the personal data key file these options name.</summary>
    public string PersonalDataKeyFile() => Path.GetFullPath(
        string.IsNullOrWhiteSpace(PersonalDataKeyPath)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(SqlitePath))!, Privacy.PersonalDataKey.DefaultFileName)
            : PersonalDataKeyPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == "postgres" && string.IsNullOrWhiteSpace(Postgres))
        {
            yield return new ValidationResult("Storage:Postgres (a connection string) is required when Storage:Provider=postgres", [nameof(Postgres)]);
        }
    }
}
