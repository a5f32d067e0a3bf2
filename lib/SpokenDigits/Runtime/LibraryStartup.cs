using System.Runtime.CompilerServices;

namespace SpokenDigits.Runtime;

/// <summary>Runs when the library is first used in a process, before any of its tensors exist: the CLI,
/// the notebook engine, the Jupyter kernel and a notebook that loads the library with <c>#r</c> alike.</summary>
static class LibraryStartup
{
#pragma warning disable CA2255 // a library initializer is the point: every host of the library must get the allocator settings
    [ModuleInitializer]
    internal static void Initialise() => NativeAllocator.Configure();
#pragma warning restore CA2255
}
