// Marks one version need of an ELF64 shared object as weak (VER_FLG_WEAK in .gnu.version_r).
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32, newer than Debian 12's
// libstdc++. The only symbol behind that need, std::ios_base_library_init(), is referenced but
// never called, so a weak need lets the dynamic loader accept the library. See README, "Why the
// build patches libLibTorchSharp.so".
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (the task at the bottom) and by
// the test project with ELF_PATCH_TESTS defined (the pure logic only).
using System;
using System.IO;
using System.Text;

namespace SpokenDigits.Build
{
    public enum VersionNeedPatchOutcome { Patched, AlreadyWeak, NotNeeded }

    public sealed class ElfLayoutException : Exception
    {
        public ElfLayoutException(string path, string problem)
            : base($"{path}: {problem}. The ELF layout is not what the weak-version patch expects; " +
                   "check the TorchSharp version (see README, 'Why the build patches libLibTorchSharp.so').") { }
    }

    public static class ElfVersionNeeds
    {
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlgWeak = 0x2;

        /// <summary>Sets VER_FLG_WEAK on the vernaux entry named <paramref name="versionName"/> in
        /// <paramref name="image"/> (in memory). Returns what it did.</summary>
        public static VersionNeedPatchOutcome MarkWeak(byte[] image, string versionName, string path)
        {
            long at = FindFlagsOffset(image, versionName, path);
            if (at < 0) return VersionNeedPatchOutcome.NotNeeded;
            int flags = U16(image, at, path);
            if ((flags & VerFlgWeak) != 0) return VersionNeedPatchOutcome.AlreadyWeak;
            flags |= VerFlgWeak;
            image[at] = (byte)(flags & 0xff);
            image[at + 1] = (byte)(flags >> 8);
            return VersionNeedPatchOutcome.Patched;
        }

        /// <summary>File offset of the vna_flags field of the version need named
        /// <paramref name="versionName"/>, or -1 when the file does not need that version.</summary>
        public static long FindFlagsOffset(byte[] image, string versionName, string path)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw new ElfLayoutException(path, "not an ELF file");
            if (image[4] != 2) throw new ElfLayoutException(path, "not a 64-bit ELF file");
            if (image[5] != 1) throw new ElfLayoutException(path, "not a little-endian ELF file");

            ulong shoff = U64(image, 0x28, path);
            int shentsize = U16(image, 0x3A, path);
            int shnum = U16(image, 0x3C, path);
            if (shentsize != 64 || shnum == 0) throw new ElfLayoutException(path, "unexpected section header table");

            for (int i = 0; i < shnum; i++)
            {
                long sh = checked((long)shoff + (long)i * shentsize);
                if (U32(image, sh + 4, path) != ShtGnuVerneed) continue;
                long verneedOffset = (long)U64(image, sh + 24, path);
                int dynstrIndex = (int)U32(image, sh + 40, path);
                int entries = (int)U32(image, sh + 44, path);
                long dynstrOffset = (long)U64(image, checked((long)shoff + (long)dynstrIndex * shentsize + 24), path);
                return FindInVerneed(image, verneedOffset, entries, dynstrOffset, versionName, path);
            }
            throw new ElfLayoutException(path, "no .gnu.version_r section");
        }

        static long FindInVerneed(byte[] image, long offset, int entries, long dynstr, string versionName, string path)
        {
            long vn = offset;
            for (int e = 0; e < entries; e++)
            {
                int count = U16(image, vn + 2, path);
                long aux = vn + U32(image, vn + 8, path);
                for (int a = 0; a < count; a++)
                {
                    if (CString(image, dynstr + U32(image, aux + 8, path), path) == versionName) return aux + 4;
                    uint nextAux = U32(image, aux + 12, path);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = U32(image, vn + 12, path);
                if (next == 0) break;
                vn += next;
            }
            return -1;
        }

        /// <summary>Patches the file at <paramref name="path"/>: the new content goes to a new file that
        /// replaces the old one by unlink and rename, so a hard-linked copy (sharing its bytes with the NuGet cache)
        /// is replaced, never edited in place. The timestamp is kept so incremental copies skip it.</summary>
        public static VersionNeedPatchOutcome PatchFile(string path, string versionName)
        {
            byte[] image = File.ReadAllBytes(path);
            var outcome = MarkWeak(image, versionName, path);
            if (outcome != VersionNeedPatchOutcome.Patched) return outcome;
            var timestamp = File.GetLastWriteTimeUtc(path);
            string temp = path + ".weak-patch.tmp";
            File.WriteAllBytes(temp, image);
            File.SetLastWriteTimeUtc(temp, timestamp);
            // Unlink, then rename: the old link (or file) goes, the NuGet cache's bytes stay as they were.
            // (Written against netstandard2.0, which MSBuild's inline tasks compile with.)
            File.Delete(path);
            File.Move(temp, path);
            return outcome;
        }

        static int U16(byte[] b, long at, string path) { Check(b, at, 2, path); return b[at] | (b[at + 1] << 8); }
        static uint U32(byte[] b, long at, string path) { Check(b, at, 4, path); return BitConverter.ToUInt32(b, (int)at); }
        static ulong U64(byte[] b, long at, string path) { Check(b, at, 8, path); return BitConverter.ToUInt64(b, (int)at); }
        static void Check(byte[] b, long at, int size, string path)
        {
            if (at < 0 || at + size > b.Length) throw new ElfLayoutException(path, $"offset {at} lies outside the file");
        }
        static string CString(byte[] b, long at, string path)
        {
            long end = at;
            while (true) { Check(b, end, 1, path); if (b[end] == 0) break; end++; }
            return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
        }
    }
}

#if !ELF_PATCH_TESTS
namespace SpokenDigits.Build
{
    using Microsoft.Build.Framework;
    using Microsoft.Build.Utilities;

    /// <summary>MSBuild task: marks <see cref="VersionName"/> weak in every file of <see cref="Files"/>.</summary>
    public sealed class MarkElfVersionNeedWeak : Task
    {
        [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
        [Required] public string VersionName { get; set; } = "";

        public override bool Execute()
        {
            foreach (var item in Files)
            {
                string path = item.GetMetadata("FullPath");
                try
                {
                    var outcome = ElfVersionNeeds.PatchFile(path, VersionName);
                    Log.LogMessage(MessageImportance.Low, $"{path}: {VersionName} {outcome}");
                    if (outcome == VersionNeedPatchOutcome.Patched)
                        Log.LogMessage(MessageImportance.High, $"SpokenDigits: marked {VersionName} weak in {path}");
                }
                catch (Exception e) when (e is ElfLayoutException || e is IOException)
                {
                    Log.LogError($"SpokenDigits native patch failed: {e.Message}");
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
}
#endif
