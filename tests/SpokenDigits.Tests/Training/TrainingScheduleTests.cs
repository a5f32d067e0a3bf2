using SpokenDigits.Training;

namespace SpokenDigits.Tests.Training;

public class TrainingScheduleTests
{
    [Fact]
    public void JointScheduleIsOneCosineFromThePeakRate()
    {
        var s = new TrainingSchedule(epochs: 4, learningRate: 1.0, twoStage: false);
        Assert.Equal(new[] { 1.0, 0.5 * (1 + Math.Cos(Math.PI / 4)), 0.5, 0.5 * (1 + Math.Cos(3 * Math.PI / 4)) },
            Enumerable.Range(1, 4).Select(s.Rate).ToArray(), new ToleranceComparer(1e-12));
        Assert.All(Enumerable.Range(1, 4), e => Assert.Equal(TrainingStage.Joint, s.Stage(e)));
        Assert.All(Enumerable.Range(1, 4), e => Assert.True(s.CanSelect(e)));
    }

    [Fact]
    public void TwoStageSplitsFifteenEpochsIntoEightThreeAndFour()
    {
        var s = new TrainingSchedule(epochs: 15, learningRate: 2e-3, twoStage: true);
        var stages = Enumerable.Range(1, 15).Select(s.Stage).ToList();
        Assert.Equal(8, stages.Count(x => x == TrainingStage.Branches));
        Assert.Equal(3, stages.Count(x => x == TrainingStage.Head));
        Assert.Equal(4, stages.Count(x => x == TrainingStage.FineTune));
        Assert.Equal(TrainingStage.Head, s.Stage(9));
        // Every stage restarts its cosine at its own peak; fine-tuning peaks lower.
        Assert.Equal(2e-3, s.Rate(1), 12);
        Assert.Equal(2e-3, s.Rate(9), 12);
        Assert.Equal(2e-3 * FusionRemedies.FineTuneRateFactor, s.Rate(12), 12);
        Assert.False(s.CanSelect(8));
        Assert.True(s.CanSelect(9));
    }

    [Fact]
    public void TwoStageNeedsThreeEpochs()
    {
        Assert.Throws<ArgumentException>(() => new TrainingSchedule(2, 1e-3, twoStage: true));
        var s = new TrainingSchedule(3, 1e-3, twoStage: true);
        Assert.Equal(new[] { TrainingStage.Branches, TrainingStage.Head, TrainingStage.FineTune }, Enumerable.Range(1, 3).Select(s.Stage));
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(double x) => 0;
    }
}
