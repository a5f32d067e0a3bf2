// TorchSharp's random generator and thread count are process-wide: tests that train or draw
// random tensors would perturb each other's determinism if they ran in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
