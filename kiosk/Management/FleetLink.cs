namespace ScanPoint.Kiosk.Management;

/// <summary>
/// The kiosk's current connection to the fleet as the management side sees it: whether it is up, and a way to publish
/// at QoS 1 (true when the broker acknowledged). The reporter attaches its client after each connect (a dropped client
/// reports itself not connected); tests attach a delegate.
/// </summary>
internal sealed class FleetLink
{
    private volatile Func<string, byte[], CancellationToken, Task<bool>>? _publish;
    private volatile Func<bool> _isConnected = () => false;

    public bool IsConnected => _publish is not null && _isConnected();

    public void Attach(Func<string, byte[], CancellationToken, Task<bool>> publish, Func<bool> isConnected)
    {
        _isConnected = isConnected;
        _publish = publish;
    }

    /// <summary>Publishes at QoS 1; false when offline or the broker did not accept it (the caller keeps it for later).</summary>
    public async Task<bool> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_publish is not { } publish || !_isConnected())
        {
            return false;
        }

        try
        {
            return await publish(topic, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
