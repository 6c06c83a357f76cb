using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>The infix operations: <c>===</c>, <c>in</c>, <c>+</c>, <c>and</c> and the (ternary) comparisons.</summary>
internal sealed partial class Evaluation
{
    private JsonValue EvaluateBinary(string op, JsonArray operands, Scope scope)
    {
        if (operands.Count != 2)
        {
            throw new CertLogicException($"an operation with operator \"{op}\" must have 2 operands, but it has {operands.Count}");
        }

        var left = Evaluate(operands[0], scope);
        var right = Evaluate(operands[1], scope);
        switch (op)
        {
            case "===":
                return JsonValue.Create(CertLogicValues.StrictEquals(left, right));
            case "in":
                if (right is not JsonArray candidates)
                {
                    throw new CertLogicException($"right-hand side of an \"in\" operation must be an array, but it is {CertLogicValues.Describe(right)}");
                }

                Step(candidates.Count / 16);
                return JsonValue.Create(candidates.Any(candidate => CertLogicValues.StrictEquals(left, candidate)));
            default:
                if (!CertLogicValues.TryGetInteger(left, out var l) || !CertLogicValues.TryGetInteger(right, out var r))
                {
                    throw new CertLogicException("operands of a \"+\" operation must both be integers");
                }

                var sum = checked(l + r);
                return CertLogicValues.TryGetInteger(JsonValue.Create(sum), out _)
                    ? JsonValue.Create(sum)
                    : throw new CertLogicException("result of a \"+\" operation is beyond the safe integer range");
        }
    }

    /// <summary>Returns the first falsy operand or the last one; lazy, in order; each checked operand must be truthy or falsy.</summary>
    private JsonNode? EvaluateAnd(JsonArray operands, Scope scope)
    {
        if (operands.Count < 2)
        {
            throw new CertLogicException($"an \"and\" operation must have at least 2 operands, but it has {operands.Count}");
        }

        JsonNode? value = null;
        for (var i = 0; i < operands.Count; i++)
        {
            value = Evaluate(operands[i], scope);
            if (i == operands.Count - 1 || CertLogicValues.IsFalsy(value))
            {
                return value;
            }

            if (!CertLogicValues.IsTruthy(value))
            {
                throw new CertLogicException($"all operands of an \"and\" operation must be either truthy or falsy, but operand #{i + 1} is {CertLogicValues.Describe(value)}");
            }
        }

        return value;
    }

    private JsonValue EvaluateComparison(string op, JsonArray operands, Scope scope)
    {
        var values = EvaluateComparands(op, operands, scope);
        var integers = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!CertLogicValues.TryGetInteger(values[i], out integers[i]))
            {
                throw new CertLogicException($"all operands of a \"{op}\" comparison must be integers, but operand #{i + 1} is {CertLogicValues.Describe(values[i])}");
            }
        }

        return JsonValue.Create(Chain(op, integers));
    }

    private JsonValue EvaluateDateComparison(string op, JsonArray operands, Scope scope)
    {
        var values = EvaluateComparands(op, operands, scope);
        var ticks = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!CertLogicValues.TryGetDateTime(values[i], out var date))
            {
                throw new CertLogicException($"all operands of a \"{op}\" comparison must be date-times, but operand #{i + 1} is {CertLogicValues.Describe(values[i])}");
            }

            ticks[i] = date.UtcTicks;
        }

        var integerOp = op switch
        {
            "after" => ">",
            "before" => "<",
            "not-after" => "<=",
            _ => ">=",
        };
        return JsonValue.Create(Chain(integerOp, ticks));
    }

    private JsonNode?[] EvaluateComparands(string op, JsonArray operands, Scope scope)
    {
        if (operands.Count is < 2 or > 3)
        {
            throw new CertLogicException($"an operation with operator \"{op}\" must have 2 or 3 operands, but it has {operands.Count}");
        }

        var values = new JsonNode?[operands.Count];
        for (var i = 0; i < operands.Count; i++)
        {
            values[i] = Evaluate(operands[i], scope);
        }

        return values;
    }

    /// <summary>a op b (op c): the ternary form means (a op b) and (b op c).</summary>
    private static bool Chain(string op, long[] values)
    {
        for (var i = 0; i + 1 < values.Length; i++)
        {
            var holds = op switch
            {
                "<" => values[i] < values[i + 1],
                ">" => values[i] > values[i + 1],
                "<=" => values[i] <= values[i + 1],
                _ => values[i] >= values[i + 1],
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }
}
