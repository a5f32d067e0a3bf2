using SpokenDigits.Models;
using SpokenDigits.Runtime;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Runtime;

public class NativeAllocatorTests
{
    [Fact]
    public void LoadingTheLibraryTunesGlibcMalloc()
    {
        Assert.True(OperatingSystem.IsLinux(), "the project's reference machines are Linux");
        Assert.Null(Environment.GetEnvironmentVariable(NativeAllocator.EnvironmentVariable));
        Assert.True(NativeAllocator.Tuned, NativeAllocator.Status);   // set by the module initializer, no call needed
        Assert.Equal("0", NativeAllocator.EquivalentEnvironment["MALLOC_MMAP_MAX_"]);
        Assert.Equal("1", NativeAllocator.EquivalentEnvironment["MALLOC_ARENA_MAX"]);
        Assert.Equal(5, NativeAllocator.EquivalentEnvironment.Count);
    }

    /// <summary>With glibc's defaults the fused model's training step faults in 15,000 to 25,000 fresh pages (its large
    /// buffers are mapped and unmapped every step); with the library's settings a handful in the CLI. In this test host
    /// the step sometimes runs on a thread that had a malloc arena of its own before the library loaded (mallopt cannot
    /// move it to the main one) and then faults in up to about 1,500 pages; the bound still tells the two apart.</summary>
    [Fact]
    public void ATrainingStepFaultsInAlmostNoFreshPages()
    {
        set_num_threads(2);
        manual_seed(5);
        using var model = new TwoStreamFusionModel();
        model.train();
        using var optimizer = optim.AdamW(model.parameters(), 1e-3);
        using var raw = randn(64, 8000) * 0.1;
        using var spec = randn(64, 1, 64, 101);
        using var labels = randint(0, 10, new long[] { 64 });
        void Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.forward(raw, spec), labels).backward();
            optimizer.step();
        }
        for (int i = 0; i < 5; i++) Step();   // warm-up: the heap grows to the step's peak once
        long before = PageFaults.Minor() ?? throw new InvalidOperationException("no /proc/self/stat");
        const int steps = 10;
        for (int i = 0; i < steps; i++) Step();
        long perStep = (PageFaults.Minor()!.Value - before) / steps;
        Assert.True(perStep < 5000, $"{perStep} minor page faults per training step (glibc defaults: 15,000 to 25,000)");
    }

    [Fact]
    public void PageFaultsCountFreshPagesAsTheyAreTouched()
    {
        const int pages = 4096;
        using var mapped = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateNew(null, pages * 4096L);   // fresh anonymous pages
        using var view = mapped.CreateViewAccessor();
        long before = PageFaults.Minor()!.Value;
        for (long page = 0; page < pages; page++) view.Write(page * 4096, (byte)1);
        long faults = PageFaults.Minor()!.Value - before;
        Assert.InRange(faults, pages * 9 / 10, pages * 3);
    }
}
