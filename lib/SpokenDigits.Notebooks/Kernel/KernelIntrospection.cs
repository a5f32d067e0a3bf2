using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpokenDigits.Notebooks.Kernel;

/// <summary>
/// Cheap, reflection-based completion and inspection over a session's live variables, plus
/// is_complete with Roslyn's <see cref="SyntaxFactory.IsCompleteSubmission"/>. No compilation:
/// <c>x.</c> lists the public members of x's runtime type (its declared type when the runtime type is
/// not public), <c>Console.</c> the static members of a type found in the session's imports,
/// <c>System.</c> the namespaces and types under it; a bare prefix completes variables, the
/// notebook globals, keywords and types of the imported namespaces.
/// </summary>
public sealed class KernelIntrospection(NotebookSession session, IReadOnlyList<string> imports)
{
    private static readonly string[] GlobalNames = typeof(NotebookGlobals)
        .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m is not ConstructorInfo && !(m is MethodInfo { IsSpecialName: true }))
        .Select(m => m.Name).Distinct().ToArray();

    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText).Where(k => k.Length > 0 && char.IsLetter(k[0])).Distinct().ToArray();

    private int _typeCacheAssemblies = -1;
    private Type[] _typeCache = [];
    private HashSet<string> _namespaceCache = new(StringComparer.Ordinal);

    // ---- is_complete ------------------------------------------------------------------------

    /// <summary>"complete" or "incomplete" (an open block, string or parenthesis).</summary>
    public static string IsComplete(string code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "complete";
        var pre = CellPreprocessor.Process(code, Directory.GetCurrentDirectory());
        if (pre.Error is not null) return "invalid";
        var tree = CSharpSyntaxTree.ParseText(pre.Code,
            CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest));
        return SyntaxFactory.IsCompleteSubmission(tree) ? "complete" : "incomplete";
    }

    // ---- complete -----------------------------------------------------------------------------

    public sealed record Completion(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);

    /// <summary>Completions at <paramref name="cursor"/> (a UTF-16 index into <paramref name="code"/>).</summary>
    public Completion Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        int start = cursor;
        while (start > 0 && IsIdentChar(code[start - 1])) start--;
        var prefix = code[start..cursor];
        IEnumerable<string> candidates;
        if (start > 0 && code[start - 1] == '.')
        {
            var chain = ReadChainBackwards(code, start - 1);
            if (chain is null) return new Completion([], start, cursor);
            candidates = CompleteAfterDot(chain);
        }
        else
        {
            if (start < cursor && char.IsDigit(code[start])) return new Completion([], start, cursor);
            candidates = session.VariableNames.Concat(GlobalNames).Concat(Keywords)
                .Concat(TypesInImports().Select(t => CleanName(t.Name)))
                .Concat(Namespaces().Where(n => !n.Contains('.')));
        }
        var matches = candidates.Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(c => c.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c, StringComparer.OrdinalIgnoreCase)
            .Take(1000).ToList();
        return new Completion(matches, start, cursor);
    }

    private IEnumerable<string> CompleteAfterDot(List<string> chain)
    {
        var target = Resolve(chain);
        switch (target)
        {
            case Target.Variable v:
                return InstanceMembers(v.Type);
            case Target.StaticType t:
                return t.Type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
                    .Where(Listable).Select(m => CleanName(m.Name))
                    .Concat(t.Type.GetNestedTypes(BindingFlags.Public).Select(n => CleanName(n.Name)));
            case Target.Namespace ns:
                var p = ns.Name + ".";
                return Namespaces().Where(n => n.StartsWith(p, StringComparison.Ordinal)).Select(n => n[p.Length..].Split('.')[0])
                    .Concat(AllTypes().Where(t => t.Namespace == ns.Name && t.IsVisible && !t.IsNested).Select(t => CleanName(t.Name)));
            default:
                return [];
        }
    }

    private static IEnumerable<string> InstanceMembers(Type type)
    {
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.FlattenHierarchy).AsEnumerable();
        if (type.IsInterface)
            members = members.Concat(type.GetInterfaces().SelectMany(i => i.GetMembers())).Concat(typeof(object).GetMembers());
        var names = members.Where(Listable).Select(m => m.Name);
        if (typeof(IEnumerable).IsAssignableFrom(type) && type.GetInterfaces().Append(type).Any(IsGenericEnumerable))
            names = names.Concat(typeof(Enumerable).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name));
        return names;
    }

    private static bool IsGenericEnumerable(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    private static bool Listable(MemberInfo m) =>
        m is not ConstructorInfo && !(m is MethodInfo { IsSpecialName: true }) && !(m is Type) &&
        !m.Name.Contains('<') && !(m is MethodInfo mi && mi.Name.Contains('.'));

    // ---- inspect ------------------------------------------------------------------------------

    /// <summary>Text/plain help for the name at <paramref name="cursor"/>, or null.</summary>
    public string? Inspect(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        int end = cursor;
        while (end < code.Length && IsIdentChar(code[end])) end++;
        if (end == cursor && cursor > 0 && code[cursor - 1] == '(') end = cursor - 1; // foo(| → foo
        int start = end;
        while (start > 0 && IsIdentChar(code[start - 1])) start--;
        if (start == end) return null;
        var last = code[start..end];
        var chain = start > 0 && code[start - 1] == '.' ? ReadChainBackwards(code, start - 1) : new List<string>();
        if (chain is null) return null;
        chain.Add(last);

        var target = Resolve(chain);
        switch (target)
        {
            case Target.Variable v when chain.Count == 1:
                var sb = new StringBuilder();
                sb.Append(chain[0]).Append(": ").Append(TypeName(v.Type));
                if (v.HasValue)
                {
                    if (v.Value is not null && v.Value.GetType() != v.Type) sb.Append(" (runtime type ").Append(TypeName(v.Value.GetType())).Append(')');
                    sb.Append('\n').Append("value: ").Append(SafeToString(v.Value));
                }
                return sb.ToString();
            case Target.StaticType t:
                return $"{Kind(t.Type)} {TypeName(t.Type)}\nassembly: {t.Type.Assembly.GetName().Name}";
            case Target.Namespace ns:
                return $"namespace {ns.Name}";
        }
        // a member: list its overloads on the resolved container
        if (chain.Count < 2) return null;
        var container = Resolve(chain.GetRange(0, chain.Count - 1));
        var (type, flags) = container switch
        {
            Target.Variable cv => (cv.Type, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static),
            Target.StaticType ct => (ct.Type, BindingFlags.Public | BindingFlags.Static),
            _ => (null, default),
        };
        if (type is null) return null;
        var sigs = type.GetMember(last, flags | BindingFlags.FlattenHierarchy).Where(Listable).Select(Signature).Distinct().ToList();
        if (target is Target.Variable mv && mv.HasValue) sigs.Add("value: " + SafeToString(mv.Value));
        return sigs.Count == 0 ? null : string.Join("\n", sigs);
    }

    // ---- resolution ---------------------------------------------------------------------------

    private abstract record Target
    {
        public sealed record Variable(Type Type, object? Value, bool HasValue) : Target;
        public sealed record StaticType(Type Type) : Target;
        public sealed record Namespace(string Name) : Target;
    }

    /// <summary>a.b.c: a variable then fields/properties (declared types; fields are read, getters never run),
    /// or a (possibly namespace-qualified) type name then static members.</summary>
    private Target? Resolve(List<string> chain)
    {
        if (chain.Count == 0) return null;
        Target? current = null;
        int i;
        if (session.TryGetVariable(chain[0], out var value, out var declared) && declared is not null)
        {
            var type = value is not null && value.GetType().IsVisible ? value.GetType() : declared;
            current = new Target.Variable(type, value, true);
            i = 1;
        }
        else if (chain[0] is "CancellationToken" or "NotebookDirectory" &&
                 typeof(NotebookGlobals).GetProperty(chain[0]) is { } gp)
        {
            current = new Target.Variable(gp.PropertyType, null, false);
            i = 1;
        }
        else
        {
            i = 0;
            var name = "";
            for (int k = 0; k < chain.Count; k++)
            {
                name = k == 0 ? chain[0] : name + "." + chain[k];
                if (FindType(name) is { } t) { current = new Target.StaticType(t); i = k + 1; break; }
                if (Namespaces().Contains(name)) { current = new Target.Namespace(name); i = k + 1; continue; }
                return null;
            }
            if (current is null) return null;
        }
        for (; i < chain.Count; i++)
        {
            current = current switch
            {
                Target.Variable v => Member(v.Type, chain[i], v.HasValue ? v.Value : null, v.HasValue, BindingFlags.Instance),
                Target.StaticType t => Member(t.Type, chain[i], null, false, BindingFlags.Static),
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }

    private static Target? Member(Type type, string name, object? instance, bool haveInstance, BindingFlags kind)
    {
        var flags = BindingFlags.Public | kind | BindingFlags.FlattenHierarchy;
        if (type.GetField(name, flags) is { } f)
        {
            object? v = null; bool has = false;
            if (f.IsStatic || (haveInstance && instance is not null))
                try { v = f.GetValue(f.IsStatic ? null : instance); has = true; } catch { }
            return new Target.Variable(v is not null && v.GetType().IsVisible ? v.GetType() : f.FieldType, v, has);
        }
        try
        {
            if (type.GetProperty(name, flags) is { } p) return new Target.Variable(p.PropertyType, null, false);
        }
        catch (AmbiguousMatchException) { return null; }
        if (kind == BindingFlags.Static && type.GetNestedType(name, BindingFlags.Public) is { } nested) return new Target.StaticType(nested);
        return null;
    }

    private Type? FindType(string name)
    {
        foreach (var ns in imports.Prepend(""))
        {
            var full = ns.Length == 0 ? name : ns + "." + name;
            foreach (var t in AllTypes())
                if (t.IsVisible && !t.IsNested && !t.IsGenericTypeDefinition && t.FullName == full) return t;
        }
        return null;
    }

    private IEnumerable<Type> TypesInImports()
    {
        var set = imports.ToHashSet(StringComparer.Ordinal);
        return AllTypes().Where(t => t.IsVisible && !t.IsNested && t.Namespace is { } n && set.Contains(n));
    }

    private Type[] AllTypes() { Refresh(); return _typeCache; }

    private HashSet<string> Namespaces() { Refresh(); return _namespaceCache; }

    /// <summary>Exported types of the loaded assemblies (script submissions excluded), cached until more load.</summary>
    private void Refresh()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies();
        if (assemblies.Length == _typeCacheAssemblies) return;
        var types = new List<Type>();
        foreach (var a in assemblies)
        {
            if (a.IsDynamic || a.GetName().Name?.StartsWith('ℛ') == true) continue;
            try { types.AddRange(a.GetExportedTypes()); } catch { }
        }
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            var n = t.Namespace;
            while (!string.IsNullOrEmpty(n) && namespaces.Add(n))
                n = n.LastIndexOf('.') is var dot && dot > 0 ? n[..dot] : null;
        }
        _typeCache = types.ToArray();
        _namespaceCache = namespaces;
        _typeCacheAssemblies = assemblies.Length;
    }

    // ---- helpers ------------------------------------------------------------------------------

    /// <summary>Identifiers of "a.b.c" ending just before <paramref name="dot"/> (the '.' itself), or null when the
    /// expression is not a plain dotted name (a call, an indexer...).</summary>
    private static List<string>? ReadChainBackwards(string code, int dot)
    {
        var parts = new List<string>();
        int pos = dot;
        while (true)
        {
            int end = pos;
            int start = end;
            while (start > 0 && IsIdentChar(code[start - 1])) start--;
            if (start == end || char.IsDigit(code[start])) return null;
            parts.Insert(0, code[start..end]);
            if (start > 0 && code[start - 1] == '.') { pos = start - 1; continue; }
            if (start > 0 && code[start - 1] == '@') start--;
            return parts;
        }
    }

    private static bool IsIdentChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string CleanName(string name) => name.IndexOf('`') is var i && i > 0 ? name[..i] : name;

    private static string Kind(Type t) =>
        t.IsInterface ? "interface" : t.IsEnum ? "enum" : t.IsValueType ? "struct" :
        typeof(Delegate).IsAssignableFrom(t) ? "delegate" : t.IsAbstract && t.IsSealed ? "static class" : "class";

    private static string TypeName(Type t)
    {
        if (t.IsGenericType)
        {
            var def = t.FullName is null ? t.Name : t.GetGenericTypeDefinition().FullName ?? t.Name;
            return CleanName(def) + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
        }
        if (t.IsArray) return TypeName(t.GetElementType()!) + "[" + new string(',', t.GetArrayRank() - 1) + "]";
        return t.FullName ?? t.Name;
    }

    private static string Signature(MemberInfo m) => m switch
    {
        MethodInfo mi => $"{TypeName(mi.ReturnType)} {TypeName(mi.DeclaringType!)}.{mi.Name}" +
                         (mi.IsGenericMethod ? "<" + string.Join(", ", mi.GetGenericArguments().Select(a => a.Name)) + ">" : "") +
                         "(" + string.Join(", ", mi.GetParameters().Select(p => $"{TypeName(p.ParameterType)} {p.Name}")) + ")",
        PropertyInfo pi => $"{TypeName(pi.PropertyType)} {TypeName(pi.DeclaringType!)}.{pi.Name} {{{(pi.CanRead ? " get;" : "")}{(pi.CanWrite ? " set;" : "")} }}",
        FieldInfo fi => $"{TypeName(fi.FieldType)} {TypeName(fi.DeclaringType!)}.{fi.Name}",
        EventInfo ei => $"event {TypeName(ei.EventHandlerType!)} {ei.Name}",
        _ => m.ToString() ?? m.Name,
    };

    private static string SafeToString(object? v)
    {
        if (v is null) return "null";
        try
        {
            var s = v.ToString() ?? "";
            return s.Length > 2000 ? s[..2000] + "..." : s;
        }
        catch (Exception e) { return $"<ToString threw {e.GetType().Name}>"; }
    }
}
