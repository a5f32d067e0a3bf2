using System.Diagnostics;
using SpokenDigits.Data;
using SpokenDigits.Evaluation;
using SpokenDigits.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Training;

/// <summary>What training one model produced: its history and the epoch whose weights were kept.</summary>
public sealed record TrainingOutcome(IReadOnlyList<EpochRecord> History, int BestEpoch, double BestValidationAccuracy);

/// <summary>One trainer for every model: AdamW with cosine-annealed learning rate, cross-entropy,
/// validation after every epoch, and the best-on-validation weights restored at the end.</summary>
public sealed class Trainer
{
    readonly TrainingSettings _settings;
    readonly TrainingProgress _progress;

    public Trainer(TrainingSettings settings, TrainingProgress? progress = null)
    {
        _settings = settings.Validated();
        _progress = progress ?? TrainingProgress.Silent;
    }

    public TrainingSettings Settings => _settings;

    /// <summary>Trains <paramref name="model"/> on <paramref name="train"/>, validating on
    /// <paramref name="validation"/>; on return the model holds its best-on-validation weights.</summary>
    /// <exception cref="TrainingDivergedException">the loss became NaN or infinite.</exception>
    /// <param name="checkpoints">When given, training resumes from its newest checkpoint and saves
    /// one after every epoch.</param>
    public TrainingOutcome Train(DigitClassifier model, string modelName, FusionDataset train, FusionDataset validation,
        CancellationToken cancellation = default, CheckpointStore? checkpoints = null)
    {
        torch.set_num_threads(_settings.EffectiveThreads);
        torch.manual_seed(_settings.Seed);
        var loader = new BatchLoader(train, _settings.BatchSize, shuffle: true, _settings.Seed);
        using var optimizer = optim.AdamW(model.parameters(), _settings.LearningRate, weight_decay: _settings.WeightDecay);

        var history = new List<EpochRecord>();
        ModelWeights? best = null;
        int bestEpoch = 0;
        double bestAccuracy = double.NegativeInfinity;
        int firstEpoch = 1;
        if (checkpoints?.Restore(model, optimizer) is var (state, restoredBest))
        {
            history.AddRange(state.History);
            (best, bestEpoch, bestAccuracy, firstEpoch) = (restoredBest, state.BestEpoch, state.BestValidationAccuracy, state.Epoch + 1);
            _progress.Line($"  [{modelName}] resuming after epoch {state.Epoch} from {checkpoints.Folder}");
        }
        // The schedule replays from the peak rate, so a resumed run sees exactly the rates of an uninterrupted one.
        foreach (var group in optimizer.ParamGroups) group.LearningRate = _settings.LearningRate;
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, _settings.Epochs);
        for (int e = 1; e < firstEpoch; e++) schedule.step();
        var clock = Stopwatch.StartNew();
        try
        {
            for (int epoch = firstEpoch; epoch <= _settings.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var (trainLoss, trainAccuracy) = TrainOneEpoch(model, modelName, loader, optimizer, epoch, cancellation);
                schedule.step();
                var (valLoss, valAccuracy) = Evaluator.LossAndAccuracy(model, validation, _settings.BatchSize * 4);
                var record = new EpochRecord(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, epochClock.Elapsed.TotalSeconds);
                history.Add(record);
                bool improved = valAccuracy > bestAccuracy;
                if (improved)
                {
                    best?.Dispose();
                    best = ModelWeights.Capture(model);
                    bestEpoch = epoch;
                    bestAccuracy = valAccuracy;
                }
                _progress.Epoch(modelName, record, _settings.Epochs, clock.Elapsed, improved, firstEpoch);
                checkpoints?.Save(new CheckpointState(epoch, history, bestEpoch, bestAccuracy), model, optimizer, best!);
            }
            best!.RestoreInto(model);
            return new TrainingOutcome(history, bestEpoch, bestAccuracy);
        }
        finally
        {
            best?.Dispose();
        }
    }

    static (double Loss, double Accuracy) TrainOneEpoch(DigitClassifier model, string modelName, BatchLoader loader,
        OptimizerHelper optimizer, int epoch, CancellationToken cancellation)
    {
        model.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        int batchNumber = 0;
        foreach (var batch in loader.Epoch(epoch))
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                cancellation.ThrowIfCancellationRequested();
                batchNumber++;
                optimizer.zero_grad();
                var logits = model.forward(batch.Raw, batch.Spectrograms);   // (B, classes)
                var loss = cross_entropy(logits, batch.Labels);
                double lossValue = loss.item<float>();
                if (!double.IsFinite(lossValue)) throw new TrainingDivergedException(modelName, epoch, batchNumber, lossValue);
                loss.backward();
                optimizer.step();
                lossSum += lossValue * batch.Size;
                correct += logits.argmax(1).eq(batch.Labels).sum().item<long>();
                seen += batch.Size;
            }
        }
        return (lossSum / seen, (double)correct / seen);
    }
}
