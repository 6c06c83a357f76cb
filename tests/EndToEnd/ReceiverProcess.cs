using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ScanPoint.EndToEnd.Tests;

/// <summary>
/// The reference receiver of the national intake (tests/NationalReceiver) as a real process on loopback, with its
/// SQLite file in the scenario folder; it keeps its port and file across kill -9 and restart.
/// </summary>
internal sealed class ReceiverProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Scenario _scenario;
    private readonly IReadOnlyList<string> _faults;
    private ProcessRunner? _process;

    /// <param name="faults">Fault switches at start, e.g. <c>--Faults:FailPercent=10</c>.</param>
    public ReceiverProcess(Scenario scenario, params string[] faults)
    {
        _scenario = scenario;
        _faults = faults;
        Port = FreePort.Take(1)[0];
        DatabasePath = scenario.PathOf("national-intake.db");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string DatabasePath { get; }

    public string LastStatsJson { get; private set; } = "(none yet)";

    public async Task StartAsync()
    {
        _process = _scenario.Start(
            "receiver",
            Programs.NationalReceiver,
            [$"--Receiver:Port={Port}", $"--Receiver:DatabasePath={DatabasePath}", "--Logging:LogLevel:Microsoft.AspNetCore=Warning", .. _faults]);
        await _scenario.WaitAsync($"the receiver (pid {_process.Id}) to answer on {Url}", async () => await TryGetStatsAsync() is not null);
        _scenario.Note($"receiver up (pid {_process.Id}, port {Port})");
    }

    /// <summary>kill -9: connections to its port are refused until <see cref="StartAsync"/>.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _scenario.Note($"receiver killed (pid {_process.Id})");
        }
    }

    /// <summary><c>/receiver/stats</c> (held, deliveries, duplicates, batches, faults), or null while it does not answer.</summary>
    public async Task<JsonElement?> TryGetStatsAsync()
    {
        try
        {
            var stats = await Http.GetFromJsonAsync<JsonElement>(new Uri($"{Url}/receiver/stats"));
            LastStatsJson = stats.ToString();
            return stats;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Replaces the faults in force (<c>PUT /receiver/faults</c>), e.g. <c>{"slowPercent":100}</c>.</summary>
    public async Task SetFaultsAsync(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PutAsync(new Uri($"{Url}/receiver/faults"), content);
        response.EnsureSuccessStatusCode();
        _scenario.Note($"receiver faults now {json}");
    }

    public async Task<long> HeldAsync() => (await TryGetStatsAsync())?.GetProperty("held").GetInt64() ?? -1;

    /// <summary>Every held check-in as (id, device, seq, payload hash, deliveries), read from its file (read-only).</summary>
    public IReadOnlyList<(string Id, string DeviceId, long Seq, string PayloadHash, long Deliveries)> HeldCheckIns()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(connectionString.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, device_id, seq, payload_hash, deliveries FROM check_ins ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, long, string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return rows;
    }
}
