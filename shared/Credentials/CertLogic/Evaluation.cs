using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// One evaluation: walks the expression, counts steps and depth against <see cref="CertLogicLimits"/>,
/// and throws <see cref="CertLogicException"/> for invalid expressions and type mismatches.
/// </summary>
internal sealed partial class Evaluation
{
    private readonly CertLogicLimits _limits;
    private int _steps;
    private int _depth;

    public Evaluation(CertLogicLimits limits)
    {
        _limits = limits;
    }

    public JsonNode? Evaluate(JsonNode? expression, Scope scope)
    {
        Step();
        if (++_depth > _limits.MaxDepth)
        {
            throw new CertLogicException(CertLogicCodes.Limit, $"expression nested deeper than {_limits.MaxDepth}");
        }

        try
        {
            return EvaluateCore(expression, scope);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>A copy of a node that can be put into a new array/object; copied nodes count as steps.</summary>
    public JsonNode? Detach(JsonNode? node, int depth = 0)
    {
        Step();
        if (depth > CertLogicValues.MaxDataDepth)
        {
            throw new CertLogicException(CertLogicCodes.Limit, $"data nested deeper than {CertLogicValues.MaxDataDepth}");
        }

        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Detach(item, depth + 1));
                }

                return items;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Detach(value, depth + 1);
                }

                return copy;
            default:
                return CertLogicValues.TryGetDateTime(node, out var date) ? CertLogicValues.FromDateTime(date) : node.DeepClone();
        }
    }

    private JsonNode? EvaluateCore(JsonNode? expression, Scope scope)
    {
        switch (expression)
        {
            case null:
                throw new CertLogicException("invalid CertLogic expression: null");
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(Detach(Evaluate(item, scope)));
                }

                return items;
            case JsonObject operation:
                return EvaluateOperation(operation, scope);
            default:
                return EvaluateLiteral((JsonValue)expression);
        }
    }

    private static JsonValue EvaluateLiteral(JsonValue literal)
    {
        var kind = literal.GetValueKind();
        if (kind is JsonValueKind.String or JsonValueKind.True or JsonValueKind.False
            || (kind == JsonValueKind.Number && CertLogicValues.TryGetInteger(literal, out _)))
        {
            return literal;
        }

        throw new CertLogicException($"invalid CertLogic expression: {CertLogicValues.Describe(literal)} literal that is not an integer, string or boolean");
    }

    private JsonNode? EvaluateOperation(JsonObject operation, Scope scope)
    {
        if (operation.Count != 1)
        {
            throw new CertLogicException($"expression object must have exactly one key, but it has {operation.Count}");
        }

        var (op, values) = operation.First();
        if (op == "var")
        {
            return CertLogicValues.TryGetString(values, out var path)
                ? scope.Resolve(path, this)
                : throw new CertLogicException("not of the form { \"var\": \"<path>\" }");
        }

        if (values is not JsonArray operands || operands.Count == 0)
        {
            throw new CertLogicException("operation not of the form { \"<operator>\": [ <values...> ] }");
        }

        return op switch
        {
            "if" => EvaluateIf(operands, scope),
            "===" or "in" or "+" => EvaluateBinary(op, operands, scope),
            "and" => EvaluateAnd(operands, scope),
            "<" or ">" or "<=" or ">=" => EvaluateComparison(op, operands, scope),
            "after" or "before" or "not-after" or "not-before" => EvaluateDateComparison(op, operands, scope),
            "!" => EvaluateNot(operands, scope),
            "plusTime" => EvaluatePlusTime(operands, scope),
            "reduce" => EvaluateReduce(operands, scope),
            "extractFromUVCI" => EvaluateExtractFromUvci(operands, scope),
            "dccDateOfBirth" => EvaluateDateOfBirth(operands, scope),
            _ => throw new CertLogicException($"unrecognised operator: \"{Truncate(op)}\""),
        };
    }

    private JsonNode? EvaluateIf(JsonArray operands, Scope scope)
    {
        RequireCount("if", operands, 3);
        var guard = Evaluate(operands[0], scope);
        if (CertLogicValues.IsTruthy(guard))
        {
            return Evaluate(operands[1], scope);
        }

        return CertLogicValues.IsFalsy(guard)
            ? Evaluate(operands[2], scope)
            : throw new CertLogicException($"if-guard evaluates to something neither truthy, nor falsy: {CertLogicValues.Describe(guard)}");
    }

    private JsonValue EvaluateNot(JsonArray operands, Scope scope)
    {
        RequireCount("!", operands, 1);
        var operand = Evaluate(operands[0], scope);
        if (CertLogicValues.IsFalsy(operand))
        {
            return JsonValue.Create(true);
        }

        return CertLogicValues.IsTruthy(operand)
            ? JsonValue.Create(false)
            : throw new CertLogicException($"operand of ! evaluates to something neither truthy, nor falsy: {CertLogicValues.Describe(operand)}");
    }

    private void Step(int count = 1)
    {
        _steps += count;
        if (_steps > _limits.MaxSteps)
        {
            throw new CertLogicException(CertLogicCodes.Limit, $"evaluation needs more than {_limits.MaxSteps} steps");
        }
    }

    private static void RequireCount(string op, JsonArray operands, int count)
    {
        if (operands.Count != count)
        {
            throw new CertLogicException($"a \"{op}\"-operation must have exactly {count} operands, but it has {operands.Count}");
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
