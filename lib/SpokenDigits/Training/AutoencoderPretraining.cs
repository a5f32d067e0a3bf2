using System.Diagnostics;
using SpokenDigits.Data;
using SpokenDigits.Models;
using SpokenDigits.Models.MfccMethods;
using static TorchSharp.torch;

namespace SpokenDigits.Training;

/// <summary>One epoch of autoencoder pre-training: mean reconstruction loss on the training and validation parts.</summary>
public sealed record PretrainingRecord(int Epoch, double TrainLoss, double ValidationLoss, double Seconds);

/// <summary>The stage before an autoencoder model's classifier is trained: its autoencoder alone learns to reconstruct
/// the MFCC sequences of the training part for <see cref="TrainingSettings.PretrainEpochs"/> epochs, with the trainer's
/// optimiser settings (AdamW, the same peak rate cosine-annealed over these epochs, the same weight decay, batches and
/// augmentation). No labels are used. The trainer then freezes the autoencoder and trains the head on its codes.</summary>
public static class AutoencoderPretraining
{
    public static IReadOnlyList<PretrainingRecord> Run(IAutoencoderModel model, string modelName, BatchLoader loader, FusionDataset validation,
        TrainingSettings settings, WaveformAugmentation? augmentation, TrainingProgress progress, CancellationToken cancellation)
    {
        var classifier = (DigitClassifier)model;
        model.SetAutoencoderTrainable(true);
        using var optimizer = new ScalarSafeAdamW(model.AutoencoderParameters(), settings.LearningRate,
            BranchRateOptimizer.Beta1, BranchRateOptimizer.Beta2, settings.WeightDecay);
        var schedule = new TrainingSchedule(Math.Max(1, settings.PretrainEpochs), settings.LearningRate, twoStage: false);
        var history = new List<PretrainingRecord>();
        for (int epoch = 1; epoch <= settings.PretrainEpochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var group in optimizer.ParamGroups) group.LearningRate = schedule.Rate(epoch);
            classifier.train();
            double sum = 0;
            long seen = 0;
            int batchNumber = 0;
            foreach (var stored in loader.Epoch(-epoch))   // batch orders of their own, apart from the classifier's epochs
            {
                using (stored)
                using (var scope = NewDisposeScope())
                {
                    cancellation.ThrowIfCancellationRequested();
                    batchNumber++;
                    var batch = augmentation?.Apply(stored, recomputeSpectrograms: false) ?? stored;
                    optimizer.zero_grad();
                    var loss = model.ReconstructionLoss(batch.Raw);
                    double value = loss.item<float>();
                    if (!double.IsFinite(value)) throw new TrainingDivergedException(modelName, epoch, batchNumber, value);
                    loss.backward();
                    optimizer.step();
                    sum += value * batch.Size;
                    seen += batch.Size;
                }
            }
            var record = new PretrainingRecord(epoch, sum / seen, ValidationLoss(model, validation, settings.BatchSize * 4), clock.Elapsed.TotalSeconds);
            history.Add(record);
            progress.Line($"  [{modelName}] pre-training {epoch}/{settings.PretrainEpochs}: reconstruction loss {record.TrainLoss:F4} " +
                $"(validation {record.ValidationLoss:F4}), {record.Seconds:F1}s");
        }
        return history;
    }

    /// <summary>Mean reconstruction loss over <paramref name="data"/>, in evaluation mode and without gradients.</summary>
    public static double ValidationLoss(IAutoencoderModel model, FusionDataset data, int batchSize)
    {
        var classifier = (DigitClassifier)model;
        bool wasTraining = classifier.training;
        classifier.eval();
        using var noGrad = no_grad();
        double sum = 0;
        foreach (var batch in new BatchLoader(data, batchSize, shuffle: false, seed: 0).Epoch(0))
            using (batch)
            using (var scope = NewDisposeScope())
                sum += model.ReconstructionLoss(batch.Raw).item<float>() * batch.Size;
        if (wasTraining) classifier.train();
        return sum / data.Count;
    }
}
