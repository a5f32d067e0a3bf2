using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Training;

/// <summary>TorchSharp's AdamW with the same arithmetic in the same order (so the same parameters to the bit), but
/// every <see cref="Scalar"/> it passes to libtorch is created explicitly and disposed after the call that reads it.
/// TorchSharp 0.107's own step converts doubles to <see cref="Scalar"/> implicitly (eight per parameter per step);
/// such a temporary is unreachable once its handle is read, so a garbage collection on another thread can run its
/// finalizer, which frees the native scalar while libtorch is still reading it: a rare crash in a long training
/// (<c>INTERNAL ASSERT FAILED at "c10/core/Scalar.h"</c>, <c>Expected false to be true</c>; TorchSharp pull requests
/// #1434 and #1496). A <c>using</c> variable stays reachable until it is disposed, after the native call.</summary>
public sealed class ScalarSafeAdamW : AdamW
{
    public ScalarSafeAdamW(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double weightDecay)
        : base(parameters, lr, beta1, beta2, weight_decay: weightDecay) { }

    public ScalarSafeAdamW(IEnumerable<ParamGroup> groups, double lr, double beta1, double beta2, double weightDecay)
        : base(groups, lr, beta1, beta2, weight_decay: weightDecay) { }

    public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
    {
        var options = (Options)group.Options;
        if (options.amsgrad!.Value || options.maximize!.Value)
            throw new NotSupportedException("ScalarSafeAdamW implements plain AdamW (no amsgrad, no maximize).");
        double beta1 = options.beta1!.Value, beta2 = options.beta2!.Value, eps = options.eps!.Value;
        double lr = options.LearningRate!.Value, weightDecay = options.weight_decay!.Value;
        using var decay = (1 - lr * weightDecay).ToScalar();
        using var keep1 = beta1.ToScalar();
        using var keep2 = beta2.ToScalar();
        using var rate1 = (1 - beta1).ToScalar();
        using var rate2 = (1 - beta2).ToScalar();
        using var epsilon = eps.ToScalar();
        foreach (var param in group.Parameters)
        {
            var grad = param.grad;
            if (grad is null) continue;
            var state = (State)_state[param.Handle];
            state.step += 1;
            param.mul_(decay);
            double correction1 = 1 - Math.Pow(beta1, state.step);
            double correction2 = 1 - Math.Pow(beta2, state.step);
            state.exp_avg.mul_(keep1).add_(grad, alpha: rate1);
            state.exp_avg_sq.mul_(keep2).addcmul_(grad, grad, value: rate2);
            using var root2 = Math.Sqrt(correction2).ToScalar();
            var denominator = (state.exp_avg_sq.sqrt() / root2).add_(epsilon);
            using var stepSize = (-(lr / correction1)).ToScalar();
            param.addcdiv_(state.exp_avg, denominator, value: stepSize);
        }
    }, closure);
}
