using System.Diagnostics;
using SpokenDigits.Data;
using SpokenDigits.Models;
using SpokenDigits.Models.MfccMethods;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace SpokenDigits.Training;

/// <summary>What training one model produced: its history and the epoch whose weights were kept.</summary>
/// <remarks><see cref="Pretraining"/> is the autoencoder pre-training stage of an <see cref="IAutoencoderModel"/> (null for
/// other models, and for a run resumed after that stage).</remarks>
public sealed record TrainingOutcome(IReadOnlyList<EpochRecord> History, int BestEpoch, double BestValidationAccuracy,
    IReadOnlyList<PretrainingRecord>? Pretraining = null);

/// <summary>One trainer for every model: AdamW with cosine-annealed learning rate, cross-entropy,
/// validation after every epoch, and the best-on-validation weights restored at the end. An autoencoder model
/// (<see cref="IAutoencoderModel"/>) first has its autoencoder pre-trained (<see cref="AutoencoderPretraining"/>),
/// which is then frozen while the classifier head trains on its codes.</summary>
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
        CancellationToken cancellation = default, ITrainingCheckpoints? checkpoints = null)
    {
        torch.set_num_threads(_settings.EffectiveThreads);
        torch.manual_seed(_settings.Seed);
        var fused = model as TwoStreamFusionModel;
        var remedies = fused is null ? FusionRemedies.None : _settings.RemediesOrNone;
        var schedule = new TrainingSchedule(_settings.Epochs, _settings.LearningRate, remedies.TwoStage);
        var step = new TrainingStep(remedies);
        var augmentation = _settings.Augmentation is { } a
            ? new WaveformAugmentation(a, train.Pipeline, train.Pipeline.Spectrogram.Settings.SampleRate) : null;
        string branchMethod = remedies.AuxiliaryLossWeight > 0 || remedies.TwoStage ? FusionProbe.AuxiliaryHeads : FusionProbe.OtherBranchZeroed;
        var loader = new BatchLoader(train, _settings.BatchSize, shuffle: true, _settings.Seed);
        using var rates = new BranchRateOptimizer(model, _settings, remedies);
        var optimizer = rates.Optimizer;

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
        var autoencoder = model as IAutoencoderModel;
        var pretraining = autoencoder is not null && firstEpoch == 1
            ? AutoencoderPretraining.Run(autoencoder, modelName, loader, validation, _settings, augmentation, _progress, cancellation)
            : null;
        autoencoder?.SetAutoencoderTrainable(false);
        var clock = Stopwatch.StartNew();
        try
        {
            for (int epoch = firstEpoch; epoch <= _settings.Epochs; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                var stage = schedule.Stage(epoch);
                fused?.SetBranchesTrainable(stage != TrainingStage.Head);
                rates.SetRate(schedule.Rate(epoch));
                var (trainLoss, trainAccuracy) = TrainOneEpoch(model, modelName, loader, optimizer, epoch, stage, step, augmentation, cancellation);
                var (valLoss, valAccuracy) = Validation.LossAndAccuracy(model, validation, _settings.BatchSize * 4);
                var branches = fused is null ? null : ProbeBranches(fused, train, validation, branchMethod);
                var record = new EpochRecord(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, epochClock.Elapsed.TotalSeconds, branches);
                history.Add(record);
                bool improved = schedule.CanSelect(epoch) && valAccuracy > bestAccuracy;
                if (improved)
                {
                    best?.Dispose();
                    best = ModelWeights.Capture(model);
                    bestEpoch = epoch;
                    bestAccuracy = valAccuracy;
                }
                _progress.Epoch(modelName, record, _settings.Epochs, clock.Elapsed, improved, firstEpoch);
                if (best is not null)
                    checkpoints?.Save(new CheckpointState(epoch, history, bestEpoch, bestAccuracy), model, optimizer, best);
                _progress.EndEpoch(modelName, record);
            }
            fused?.SetBranchesTrainable(true);
            autoencoder?.SetAutoencoderTrainable(true);
            best!.RestoreInto(model);
            return new TrainingOutcome(history, bestEpoch, bestAccuracy, pretraining);
        }
        finally
        {
            best?.Dispose();
        }
    }

    /// <summary>Each branch's accuracy on its own, on as many training recordings as there are validation ones.</summary>
    static BranchAccuracies ProbeBranches(TwoStreamFusionModel model, FusionDataset train, FusionDataset validation, string method)
    {
        var (trainRaw, trainSpec) = FusionProbe.BranchAccuracy(model, train, method, limit: validation.Count);
        var (valRaw, valSpec) = FusionProbe.BranchAccuracy(model, validation, method);
        return new BranchAccuracies(method, trainRaw, trainSpec, valRaw, valSpec);
    }

    static (double Loss, double Accuracy) TrainOneEpoch(DigitClassifier model, string modelName, BatchLoader loader,
        OptimizerHelper optimizer, int epoch, TrainingStage stage, TrainingStep step, WaveformAugmentation? augmentation,
        CancellationToken cancellation)
    {
        model.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        int batchNumber = 0;
        foreach (var stored in loader.Epoch(epoch))
        {
            using (stored)
            using (var scope = NewDisposeScope())
            {
                cancellation.ThrowIfCancellationRequested();
                batchNumber++;
                var batch = augmentation?.Apply(stored, model.ReadsSpectrograms) ?? stored;
                optimizer.zero_grad();
                var (loss, logits) = step.Compute(model, batch, stage);   // logits (B, classes)
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
