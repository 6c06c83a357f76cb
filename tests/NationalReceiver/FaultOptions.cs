using System.ComponentModel.DataAnnotations;

namespace ScanPoint.NationalReceiver;

/// <summary>
/// The <c>Faults</c> section: what the receiver does wrong on purpose. Settable at start and at run time
/// (<c>PUT /receiver/faults</c>). Each intake request rolls once: below <see cref="FailPercent"/> it answers 500
/// (half of those after storing the batch, so the retry meets duplicates); below <see cref="FailPercent"/> +
/// <see cref="SlowPercent"/> it stores the batch and answers only after <see cref="SlowDelay"/> (set it beyond the
/// client's timeout). <see cref="Refuse"/> resets the connection of every intake request without an answer.
/// </summary>
public sealed class FaultOptions
{
    public const string SectionName = "Faults";

    [Range(0, 100, ErrorMessage = "Faults:FailPercent must be 0..100")]
    public int FailPercent { get; set; }

    [Range(0, 100, ErrorMessage = "Faults:SlowPercent must be 0..100")]
    public int SlowPercent { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool Refuse { get; set; }
}
