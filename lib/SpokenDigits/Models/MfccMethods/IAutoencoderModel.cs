using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SpokenDigits.Models.MfccMethods;

/// <summary>A model whose utterance vector is an autoencoder's code: the trainer first pre-trains the autoencoder on
/// its reconstruction loss alone (a stage of its own), then freezes it and trains the classifier head on the codes.</summary>
public interface IAutoencoderModel
{
    /// <summary>Mean squared reconstruction error of a batch of raw clips (B, T): the pre-training loss (a scalar).</summary>
    Tensor ReconstructionLoss(Tensor rawClips);

    /// <summary>The autoencoder's parameters (encoder and decoder): what pre-training optimises.</summary>
    IReadOnlyList<Parameter> AutoencoderParameters();

    /// <summary>Freezes (false) or unfreezes the autoencoder; frozen, the codes are computed without gradients.</summary>
    void SetAutoencoderTrainable(bool trainable);
}
