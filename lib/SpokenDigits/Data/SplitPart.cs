namespace SpokenDigits.Data;

/// <summary>A held-out part of a split that a study can be run on: the test part (what results are reported on), or the
/// validation part (what settings are chosen on; inside the training corpus, never the test-only corpora).</summary>
public enum SplitPart { Test, Validation }
