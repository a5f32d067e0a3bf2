using System.Reflection;

namespace SpokenDigits.Runtime;

/// <summary>
/// The cancellation of the notebook cell that is running this code, so that the library's long calls (training,
/// the ablation, evaluation and prediction over folders) stop at their next batch when the user stops the cell,
/// without the notebook having to pass a token.
/// </summary>
/// <remarks>
/// <para>Where it comes from, in this order:</para>
/// <list type="number">
/// <item>a host's own provider: a <c>Func&lt;CancellationToken&gt;</c> stored with
/// <c>AppContext.SetData(<see cref="HostProviderKey"/>, ...)</c> (the project's own kernel; it cannot reference this
/// library, so the two meet through that name);</item>
/// <item>the .NET Interactive kernel (Polyglot Notebooks): <c>KernelInvocationContext.Current.CancellationToken</c>,
/// which that kernel cancels when it receives the <c>Cancel</c> command (the stop button). It is found by reflection
/// among the loaded assemblies, so this library needs no reference to the kernel's packages and loads nothing;</item>
/// <item>otherwise <see cref="CancellationToken.None"/>.</item>
/// </list>
/// Both sources are per cell (they flow with the cell's async context), so read them on the cell's own flow, at the
/// start of a call: <see cref="Or"/> does that.
/// </remarks>
public static class AmbientCancellation
{
    /// <summary>The <see cref="AppContext"/> data name under which a host stores its <c>Func&lt;CancellationToken&gt;</c>.</summary>
    public const string HostProviderKey = "SpokenDigits.CellCancellation";

    private const string InteractiveAssembly = "Microsoft.DotNet.Interactive";
    private const string InvocationContextType = "Microsoft.DotNet.Interactive.KernelInvocationContext";

    private static (PropertyInfo Current, PropertyInfo Token)? _interactive;

    /// <summary>The running cell's cancellation, or <see cref="CancellationToken.None"/> outside a notebook.</summary>
    public static CancellationToken Current
    {
        get
        {
            if (AppContext.GetData(HostProviderKey) is Func<CancellationToken> host)
                return host();
            if (FindInteractive() is var (current, token) && current.GetValue(null) is { } context)
                return (CancellationToken)token.GetValue(context)!;
            return CancellationToken.None;
        }
    }

    /// <summary><paramref name="explicitToken"/> when the caller passed one that can be cancelled, else <see cref="Current"/>.</summary>
    public static CancellationToken Or(CancellationToken explicitToken) =>
        explicitToken.CanBeCanceled ? explicitToken : Current;

    private static (PropertyInfo, PropertyInfo)? FindInteractive()
    {
        if (_interactive is { } found)
            return found;
        // Not cached when absent: the kernel's assembly may be loaded after the first call.
        Assembly? assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == InteractiveAssembly);
        Type? type = assembly?.GetType(InvocationContextType, throwOnError: false);
        PropertyInfo? current = type?.GetProperty("Current", BindingFlags.Public | BindingFlags.Static);
        PropertyInfo? token = type?.GetProperty("CancellationToken", BindingFlags.Public | BindingFlags.Instance);
        if (current is null || token is null || token.PropertyType != typeof(CancellationToken))
            return null;
        _interactive = (current, token);
        return _interactive;
    }
}
