using ScanPoint.Contracts.CheckIns;
using ScanPoint.FleetServer.Storage;

namespace ScanPoint.FleetServer.Ingest;

/// <summary>A validated check-in batch from an authenticated device, waiting to be committed and acknowledged.</summary>
public sealed record IngestItem(DeviceRecord Device, CheckInsRecorded Batch);
