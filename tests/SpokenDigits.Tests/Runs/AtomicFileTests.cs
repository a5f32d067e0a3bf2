using SpokenDigits.Runs;

namespace SpokenDigits.Tests.Runs;

public class AtomicFileTests
{
    [Fact]
    public void ACrashMidWriteLeavesThePreviousFileIntactAndNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("sd-atomic");
        try
        {
            var path = Path.Combine(folder.FullName, "results.json");
            AtomicFile.WriteAllText(path, "previous");
            Assert.Throws<IOException>(() => AtomicFile.Write(path, temp =>
            {
                File.WriteAllText(temp, "half a fi");
                throw new IOException("disk full");
            }));
            Assert.Equal("previous", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(folder.FullName));

            AtomicFile.WriteAllText(path, "next");
            Assert.Equal("next", File.ReadAllText(path));
        }
        finally { folder.Delete(recursive: true); }
    }
}
