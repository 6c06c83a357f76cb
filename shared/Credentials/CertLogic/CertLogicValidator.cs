using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScanPoint.Credentials.CertLogic;

/// <summary>
/// Static format validation of a CertLogic expression (the spec's validation test suite): finds malformed
/// operations without evaluating anything. Messages match the reference validator's.
/// </summary>
public static class CertLogicValidator
{
    private static readonly HashSet<string> Infix = ["===", "and", ">", "<", ">=", "<=", "in", "+", "after", "before", "not-after", "not-before"];
    private static readonly HashSet<string> Comparisons = [">", "<", ">=", "<=", "after", "before", "not-after", "not-before"];

    /// <summary>All issues found (empty when the expression is well-formed), at most to <paramref name="maxDepth"/> levels.</summary>
    public static IReadOnlyList<CertLogicIssue> Validate(JsonNode? expression, int maxDepth = 64)
    {
        var issues = new List<CertLogicIssue>();
        Validate(expression, issues, maxDepth);
        return issues;
    }

    private static void Validate(JsonNode? expr, List<CertLogicIssue> issues, int depth)
    {
        if (depth <= 0)
        {
            issues.Add(new(expr, "expression nested too deeply"));
            return;
        }

        switch (expr)
        {
            case null:
                issues.Add(new(null, "invalid CertLogic expression"));
                return;
            case JsonArray array:
                foreach (var item in array)
                {
                    Validate(item, issues, depth - 1);
                }

                return;
            case JsonObject operation:
                ValidateOperation(operation, issues, depth);
                return;
            case JsonValue literal when literal.GetValueKind() == JsonValueKind.Number && !CertLogicValues.TryGetInteger(literal, out _):
                issues.Add(new(expr, $"{literal.ToJsonString()} is a non-integer number"));
                return;
            default:
                return;
        }
    }

    private static void ValidateOperation(JsonObject expr, List<CertLogicIssue> issues, int depth)
    {
        if (expr.Count != 1)
        {
            issues.Add(new(expr, $"expression object must have exactly one key, but it has {expr.Count}"));
            return;
        }

        var (op, values) = expr.First();
        if (op == "var")
        {
            ValidateVar(expr, values, issues);
            return;
        }

        if (values is not JsonArray operands)
        {
            issues.Add(new(expr, "operation not of the form { \"<operator>\": [ <values...> ] }"));
            return;
        }

        var checkedOperands = operands.Count;
        if (op == "and")
        {
            AddIf(operands.Count < 2, expr, $"an \"and\" operation must have at least 2 operands, but it has {operands.Count}", issues);
        }
        else if (Comparisons.Contains(op))
        {
            checkedOperands = 3;
            AddIf(operands.Count is < 2 or > 3, expr, $"an operation with operator \"{op}\" must have 2 or 3 operands, but it has {operands.Count}", issues);
        }
        else if (Infix.Contains(op))
        {
            checkedOperands = 2;
            AddIf(operands.Count != 2, expr, $"an operation with operator \"{op}\" must have 2 operands, but it has {operands.Count}", issues);
        }
        else if (op is "if" or "reduce" or "plusTime")
        {
            checkedOperands = 3;
            var article = op == "if" ? "an" : "a";
            AddIf(operands.Count != 3, expr, $"{article} \"{op}\"-operation must have exactly 3 values/operands, but it has {operands.Count}", issues);
        }
        else if (op == "!")
        {
            checkedOperands = 1;
            AddIf(operands.Count != 1, expr, $"a !-operation (logical not/negation) must have exactly 1 operand, but it has {operands.Count}", issues);
        }
        else if (op == "dccDateOfBirth")
        {
            checkedOperands = 1;
            AddIf(operands.Count != 1, expr, $"a \"dccDateOfBirth\"-operation must have exactly 1 operand, but it has {operands.Count}", issues);
        }
        else if (op == "extractFromUVCI")
        {
            checkedOperands = 1;
            AddIf(operands.Count != 2, expr, $"an \"extractFromUVCI\"-operation must have exactly 2 values/operands, but it has {operands.Count}", issues);
            AddIf(operands.Count > 1 && !CertLogicValues.TryGetInteger(operands[1], out _), expr, "\"index\" argument (#2) of \"extractFromUVCI\" must be an integer", issues);
        }
        else
        {
            issues.Add(new(expr, $"unrecognised operator: \"{op}\""));
            return;
        }

        if (op == "plusTime")
        {
            checkedOperands = 1;
            AddIf(operands.Count > 1 && !CertLogicValues.TryGetInteger(operands[1], out _), expr, "\"amount\" argument (#2) of \"plusTime\" must be an integer", issues);
            AddIf(operands.Count > 2 && !(CertLogicValues.TryGetString(operands[2], out var unit) && CertLogicDateTimes.TimeUnits.Contains(unit)), expr,
                $"\"unit\" argument (#3) of \"plusTime\" must be a string equal to one of {string.Join(", ", CertLogicDateTimes.TimeUnits)}", issues);
        }

        foreach (var operand in operands.Take(checkedOperands))
        {
            Validate(operand, issues, depth - 1);
        }
    }

    private static void ValidateVar(JsonObject expr, JsonNode? values, List<CertLogicIssue> issues)
    {
        if (!CertLogicValues.TryGetString(values, out var path))
        {
            issues.Add(new(expr, "not of the form { \"var\": \"<path>\" }"));
            return;
        }

        AddIf(path.Length > 0 && path.Split('.').Any(fragment => fragment.Length == 0), expr, $"data access path doesn't have a valid format: {path}", issues);
    }

    private static void AddIf(bool condition, JsonNode expr, string message, List<CertLogicIssue> issues)
    {
        if (condition)
        {
            issues.Add(new(expr, message));
        }
    }
}
