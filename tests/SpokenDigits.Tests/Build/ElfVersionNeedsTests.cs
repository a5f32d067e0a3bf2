using System.Runtime.InteropServices;
using SpokenDigits.Build;

namespace SpokenDigits.Tests.Build;

/// <summary>The build step that marks GLIBCXX_3.4.32 weak in libLibTorchSharp.so.</summary>
public class ElfVersionNeedsTests
{
    static string BuiltLibTorchSharp => Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    [Fact]
    public void BuildOutputCopyIsAlreadyWeakAndFlatBesideTorchSharp()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "TorchSharp.dll")));
        Assert.True(File.Exists(BuiltLibTorchSharp), "natives must sit flat beside TorchSharp.dll");
        var image = File.ReadAllBytes(BuiltLibTorchSharp);
        Assert.Equal(VersionNeedPatchOutcome.AlreadyWeak, ElfVersionNeeds.MarkWeak(image, "GLIBCXX_3.4.32", BuiltLibTorchSharp));
    }

    [Fact]
    public void PatchingAFreshCopyChangesTwoBytesThenNothing()
    {
        // Start from a copy of the built file with the flag cleared again.
        var dir = Directory.CreateTempSubdirectory("elfpatch");
        try
        {
            var original = File.ReadAllBytes(BuiltLibTorchSharp);
            var unpatched = Unpatch(original);
            var path = Path.Combine(dir.FullName, "lib.so");
            File.WriteAllBytes(path, unpatched);
            var link = Path.Combine(dir.FullName, "link.so");
            Assert.Equal(0, HardLink(path, link)); // as the build's copies are: the patch must replace, not edit, a link

            Assert.Equal(VersionNeedPatchOutcome.Patched, ElfVersionNeeds.PatchFile(link, "GLIBCXX_3.4.32"));
            Assert.Equal(unpatched, File.ReadAllBytes(path)); // the link's target is untouched
            Assert.Equal(original, File.ReadAllBytes(link));
            Assert.Equal(VersionNeedPatchOutcome.AlreadyWeak, ElfVersionNeeds.PatchFile(link, "GLIBCXX_3.4.32"));
            Assert.Equal(VersionNeedPatchOutcome.NotNeeded, ElfVersionNeeds.MarkWeak(File.ReadAllBytes(link), "GLIBCXX_9.9.9", link));
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public void NonElfInputIsAClearError()
    {
        var e = Assert.Throws<ElfLayoutException>(() => ElfVersionNeeds.MarkWeak(new byte[100], "GLIBCXX_3.4.32", "x.so"));
        Assert.Contains("x.so", e.Message);
        Assert.Contains("not an ELF file", e.Message);
        var truncated = File.ReadAllBytes(BuiltLibTorchSharp)[..4096];
        Assert.Throws<ElfLayoutException>(() => ElfVersionNeeds.MarkWeak(truncated, "GLIBCXX_3.4.32", "t.so"));
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    static extern int HardLink(string existing, string newPath);

    /// <summary>Clears the weak flag the build set.</summary>
    static byte[] Unpatch(byte[] patched)
    {
        var copy = (byte[])patched.Clone();
        copy[ElfVersionNeeds.FindFlagsOffset(copy, "GLIBCXX_3.4.32", "copy")] &= unchecked((byte)~0x2);
        return copy;
    }
}
