namespace ScanPoint.NationalReceiver;

/// <summary><c>dotnet run --project tests/NationalReceiver -- --Receiver:Port=8099 --Receiver:DatabasePath=intake.db</c>.</summary>
public static class Program
{
    public static async Task Main(string[] args) => await ReceiverApp.Build(args).RunAsync();
}
