using SpokenDigits.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Tests.Training;

public class ScalarSafeAdamWTests
{
    /// <summary>Two copies of one small network, one stepped by TorchSharp's AdamW with the defaults the trainer used
    /// before, one by <see cref="ScalarSafeAdamW"/>: after every step their parameters are equal to the bit.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StepsExactlyAsTorchSharpsAdamW(bool threeGroups)
    {
        torch.manual_seed(7);
        var reference = Network();
        var ours = Network();
        ours.load_state_dict(reference.state_dict());
        using var theirs = threeGroups
            ? optim.AdamW(Groups(reference), 0.002, weight_decay: 1e-4)
            : optim.AdamW(reference.parameters(), 0.002, weight_decay: 1e-4);
        using var safe = threeGroups
            ? new ScalarSafeAdamW(Groups(ours), 0.002, BranchRateOptimizer.Beta1, BranchRateOptimizer.Beta2, 1e-4)
            : new ScalarSafeAdamW(ours.parameters(), 0.002, BranchRateOptimizer.Beta1, BranchRateOptimizer.Beta2, 1e-4);
        for (int step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            var x = randn(16, 8);
            var y = randint(0, 3, 16);
            if (step == 10)   // a schedule changes the rate between steps
                foreach (var optimizer in new OptimizerHelper[] { theirs, safe })
                    foreach (var g in optimizer.ParamGroups) g.LearningRate *= 0.5;
            foreach (var (net, optimizer) in new[] { (reference, (OptimizerHelper)theirs), (ours, safe) })
            {
                optimizer.zero_grad();
                nn.functional.cross_entropy(net.forward(x), y).backward();
                optimizer.step();
            }
            foreach (var (a, b) in reference.parameters().Zip(ours.parameters()))
                Assert.True(a.eq(b).all().item<bool>(), $"parameters differ after step {step + 1}");
        }
    }

    static Sequential Network() => nn.Sequential(nn.Linear(8, 12), nn.ReLU(), nn.Linear(12, 12), nn.ReLU(), nn.Linear(12, 3));

    static IEnumerable<AdamW.ParamGroup> Groups(Sequential net)
    {
        var p = net.parameters().ToList();
        return [new AdamW.ParamGroup(p.Take(2), lr: 0.002 * 0.5, weight_decay: 1e-4),
                new AdamW.ParamGroup(p.Skip(2).Take(2), lr: 0.002 * 2, weight_decay: 1e-4),
                new AdamW.ParamGroup(p.Skip(4), lr: 0.002, weight_decay: 1e-4)];
    }
}
