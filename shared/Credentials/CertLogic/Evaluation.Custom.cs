using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>The CertLogic-specific operations: <c>plusTime</c>, <c>reduce</c>, <c>extractFromUVCI</c>, <c>dccDateOfBirth</c>.</summary>
internal sealed partial class Evaluation
{
    private static readonly char[] UvciSeparators = ['/', '#', ':'];

    private JsonValue EvaluatePlusTime(JsonArray operands, Scope scope)
    {
        RequireCount("plusTime", operands, 3);
        if (!CertLogicValues.TryGetInteger(operands[1], out var amount))
        {
            throw new CertLogicException("\"amount\" argument (#2) of \"plusTime\" must be an integer literal");
        }

        if (!CertLogicValues.TryGetString(operands[2], out var unit) || !CertLogicDateTimes.TimeUnits.Contains(unit))
        {
            throw new CertLogicException($"\"unit\" argument (#3) of \"plusTime\" must be a string equal to one of {string.Join(", ", CertLogicDateTimes.TimeUnits)}");
        }

        var operand = Evaluate(operands[0], scope);
        return CertLogicValues.TryGetString(operand, out var text)
            ? CertLogicValues.FromDateTime(CertLogicDateTimes.PlusTime(text, amount, unit))
            : throw new CertLogicException($"date argument of \"plusTime\" must be a string, but it is {CertLogicValues.Describe(operand)}");
    }

    /// <summary>Left fold of the operand (null counts as empty) with the lambda over { current, accumulator }.</summary>
    private JsonNode? EvaluateReduce(JsonArray operands, Scope scope)
    {
        RequireCount("reduce", operands, 3);
        var operand = Evaluate(operands[0], scope);
        var accumulator = Evaluate(operands[2], scope);
        if (operand is null)
        {
            return accumulator;
        }

        if (operand is not JsonArray items)
        {
            throw new CertLogicException($"operand of \"reduce\" must be an array or null, but it is {CertLogicValues.Describe(operand)}");
        }

        foreach (var current in items)
        {
            accumulator = Evaluate(operands[1], Scope.OfReduce(current, accumulator));
        }

        return accumulator;
    }

    /// <summary>Splits a UCI (optional URN:UVCI: prefix) on / # : and returns fragment #index, or null.</summary>
    private JsonValue? EvaluateExtractFromUvci(JsonArray operands, Scope scope)
    {
        RequireCount("extractFromUVCI", operands, 2);
        if (!CertLogicValues.TryGetInteger(operands[1], out var index))
        {
            throw new CertLogicException("\"index\" argument (#2) of \"extractFromUVCI\" must be an integer literal");
        }

        var operand = Evaluate(operands[0], scope);
        if (operand is null)
        {
            return null;
        }

        if (!CertLogicValues.TryGetString(operand, out var uvci))
        {
            throw new CertLogicException($"operand of \"extractFromUVCI\" must be a string or null, but it is {CertLogicValues.Describe(operand)}");
        }

        const string Prefix = "URN:UVCI:";
        var fragments = (uvci.StartsWith(Prefix, StringComparison.Ordinal) ? uvci[Prefix.Length..] : uvci).Split(UvciSeparators);
        return index >= 0 && index < fragments.Length ? JsonValue.Create(fragments[index]) : null;
    }

    private JsonValue EvaluateDateOfBirth(JsonArray operands, Scope scope)
    {
        RequireCount("dccDateOfBirth", operands, 1);
        var operand = Evaluate(operands[0], scope);
        return CertLogicValues.TryGetString(operand, out var text)
            ? CertLogicValues.FromDateTime(CertLogicDateTimes.DateOfBirth(text))
            : throw new CertLogicException($"operand of \"dccDateOfBirth\" must be a string, but it is {CertLogicValues.Describe(operand)}");
    }
}
