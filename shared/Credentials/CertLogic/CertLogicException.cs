namespace ScanPoint.Credentials.CertLogic;

/// <summary>Thrown inside an evaluation only; <see cref="CertLogicEvaluator"/> turns it into a result.</summary>
internal sealed class CertLogicException : Exception
{
    public CertLogicException()
    {
        Code = CertLogicCodes.Evaluation;
    }

    public CertLogicException(string message)
        : this(CertLogicCodes.Evaluation, message)
    {
    }

    public CertLogicException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = CertLogicCodes.Evaluation;
    }

    public CertLogicException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
