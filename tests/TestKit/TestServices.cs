namespace ScanPoint.TestKit;

/// <summary>
/// Where the real services the tests need are found. `.ci/run` and `tests/run.sh` start them on 127.0.0.1 and
/// export these variables; a missing one fails the test that needs it, it never skips it.
/// </summary>
public static class TestServices
{
    public const string PostgresVariable = "SCANPOINT_TEST_POSTGRES";
    public const string MosquittoVariable = "SCANPOINT_TEST_MOSQUITTO";

    /// <summary>Npgsql connection string of a database the tests may create schemas in.</summary>
    public static string PostgresConnectionString => Require(PostgresVariable);

    /// <summary>host:port of the Mosquitto broker on loopback.</summary>
    public static string MosquittoEndpoint => Require(MosquittoVariable);

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests through tests/run.sh, which starts PostgreSQL and Mosquitto and sets it.");
}
