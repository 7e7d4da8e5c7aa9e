using System.Reflection;
using System.Reflection.Emit;

namespace KongIdentityOperator.Tests.Unit.Architecture;

/// <summary>
/// Which namespaces of one assembly use which, read from the compiled code: every type's signatures (base type,
/// interfaces, fields, properties, parameters, return and local types) and every type, method and field its IL names
/// (static calls included). Compiler-generated closures and state machines count for the type that holds them.
/// </summary>
internal static class NamespaceGraph
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Edges "from" → "to" between namespaces of <paramref name="assembly"/> (self-edges left out).</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Of(Assembly assembly)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (type.Namespace is not { } from)
            {
                continue;
            }

            foreach (var used in UsedTypes(type).SelectMany(Flatten).Where(t => t.Assembly == assembly && t.Namespace is not null && t.Namespace != from))
            {
                (edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal)).Add(used.Namespace!);
            }
        }

        return edges;
    }

    /// <summary>One cycle (as a path that ends where it starts), or null when the graph has none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> edges)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.Skip(path.IndexOf(next)), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var item in type.GetInterfaces())
        {
            yield return item;
        }

        foreach (var field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var used in BodyTypes(method))
            {
                yield return used;
            }
        }
    }

    private static List<Type> BodyTypes(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return [];
        }

        var found = body.LocalVariables.Select(l => l.LocalType).ToList();
        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                try
                {
                    switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
                    {
                        case Type t:
                            found.Add(t);
                            break;
                        case MethodBase m when m.DeclaringType is { } owner:
                            found.Add(owner);
                            if (m is MethodInfo { IsGenericMethod: true } generic)
                            {
                                found.AddRange(generic.GetGenericArguments());
                            }

                            break;
                        case FieldInfo f when f.DeclaringType is { } owner:
                            found.Add(owner);
                            break;
                    }
                }
                catch (ArgumentException)
                {
                    // A token of a generic context this reader does not rebuild; its types appear in signatures too.
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }

        return found;
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    /// <summary>A type with its element type and generic arguments (a nested type has its holder's namespace).</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        var pending = new Stack<Type>([type]);
        var seen = new HashSet<Type>();
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            if (current.HasElementType && current.GetElementType() is { } element)
            {
                pending.Push(element);
            }

            if (current.IsGenericType)
            {
                foreach (var argument in current.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }
        }
    }
}
