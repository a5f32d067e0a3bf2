using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>What the trainer sees of every model: (raw (B, T), spectrogram (B, 1, F, T_spec)) →
/// logits (B, classes). A single-branch model ignores the input it does not use.</summary>
public abstract class DigitClassifier : Module<Tensor, Tensor, Tensor>
{
    protected DigitClassifier(string name) : base(name) { }

    /// <summary>Whether <c>forward</c> reads the spectrograms; when not, training batches need not recompute them
    /// after augmenting the waveforms.</summary>
    public virtual bool ReadsSpectrograms => true;

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Where(p => p.requires_grad).Sum(p => p.numel());
}
