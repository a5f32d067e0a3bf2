using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace SpokenDigits.Models;

/// <summary>The small MLP every model ends with: (B, in) → hidden → (B, classes) logits. All three
/// models use the same hidden size, depth and dropout, so only their inputs differ.</summary>
public sealed class ClassifierHead : Module<Tensor, Tensor>
{
    public const int HiddenSize = 128;
    public const double DropoutRate = 0.3;
    readonly Sequential mlp;

    public ClassifierHead(int inputSize, int classes) : base(nameof(ClassifierHead))
    {
        mlp = Sequential(Linear(inputSize, HiddenSize), ReLU(), Dropout(DropoutRate), Linear(HiddenSize, classes));
        RegisterComponents();
    }

    public override Tensor forward(Tensor embedding) => mlp.forward(embedding);   // (B, in) → (B, classes)
}
