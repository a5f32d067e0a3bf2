using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Training;

/// <summary>An in-memory copy of a model's weights (parameters and batch-norm buffers), used to keep
/// the best-on-validation state and restore it before the test evaluation.</summary>
public sealed class ModelWeights : IDisposable
{
    readonly Dictionary<string, Tensor> _tensors;

    ModelWeights(Dictionary<string, Tensor> tensors) { _tensors = tensors; }

    public static ModelWeights Capture(Module model)
    {
        using var noGrad = no_grad();
        var copy = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        foreach (var t in copy.Values) t.DetachFromDisposeScope();
        return new ModelWeights(copy);
    }

    public void RestoreInto(Module model)
    {
        using var noGrad = no_grad();
        model.load_state_dict(_tensors);
    }

    public void Dispose()
    {
        foreach (var t in _tensors.Values) t.Dispose();
    }
}
