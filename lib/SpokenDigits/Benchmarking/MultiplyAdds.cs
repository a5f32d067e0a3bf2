using SpokenDigits.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Benchmarking;

/// <summary>Multiply-adds of one recording through a model, counted from its layer shapes: every
/// convolution (output elements × input channels per group × kernel taps) and linear layer (output
/// elements × input features). Batch-norm, activations, pooling and the fusion layer's element-wise work
/// are left out (well under 1 % here). A training step does the forward pass, the weight gradients (as many
/// multiply-adds again) and the input gradients of every layer whose input needs one (again, except
/// the first layer of each branch, whose input is the data). Layers are seen through forward hooks, which
/// TorchSharp runs when a layer is invoked with <c>call</c> (as <c>Sequential</c> does): the models invoke every
/// layer that way.</summary>
/// <param name="Forward">Multiply-adds of one forward pass of one recording.</param>
/// <param name="Training">Multiply-adds of one training step per recording: forward, weight gradients, input gradients.</param>
public sealed record MultiplyAdds(long Forward, long Training)
{
    /// <summary>Floating-point operations per training step and recording (two per multiply-add).</summary>
    public double TrainingFlops => 2.0 * Training;

    /// <summary>Counts <paramref name="model"/>'s multiply-adds on one recording (raw (1, T), spectrogram
    /// (1, 1, F, T_spec)). The model is run in evaluation mode, so nothing about it changes.</summary>
    public static MultiplyAdds Count(DigitClassifier model, Tensor raw, Tensor spectrogram)
    {
        if (raw.shape[0] != 1 || spectrogram.shape[0] != 1) throw new ArgumentException("count multiply-adds on one recording (batch of 1)");
        long forward = 0, inputGradients = 0;
        void Add(Tensor input, long macs)
        {
            forward += macs;
            if (input.requires_grad) inputGradients += macs;
        }
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Convolution conv:   // Conv1d and Conv2d
                    removers.Add(conv.register_forward_hook((m, input, output) =>
                    {
                        Add(input, output.numel() * (conv.in_channels / conv.groups) * conv.kernel_size.Aggregate(1L, (a, k) => a * k));
                        return output;
                    }).remove);
                    break;
                case Linear linear:
                    removers.Add(linear.register_forward_hook((m, input, output) =>
                    {
                        Add(input, output.numel() * linear.in_features);
                        return output;
                    }).remove);
                    break;
            }
        }
        bool wasTraining = model.training;
        try
        {
            model.eval();
            using var grad = enable_grad();
            using var scope = NewDisposeScope();
            model.forward(raw, spectrogram);
        }
        finally
        {
            foreach (var remove in removers) remove();
            model.train(wasTraining);
        }
        return new MultiplyAdds(forward, 2 * forward + inputGradients);
    }
}
