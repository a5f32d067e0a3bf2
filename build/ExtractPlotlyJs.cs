// Copies the plotly.js bundle (manifest resource "Plotly.NET.plotly-<version>.min.js") out of Plotly.NET.dll.
// Compiled by MSBuild's RoslynCodeTaskFactory (build/PlotlyJs.targets), which compiles against netstandard only,
// so the DLL is loaded from its bytes (no file lock, no dependency resolved: only its resources are read).
// Writes only when the content changed, so incremental builds stay incremental.
using System;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ExtractPlotlyJs : Task
{
    [Required] public string AssemblyPath { get; set; } = "";
    [Required] public string OutputFolder { get; set; } = "";
    [Output] public string ExtractedFile { get; set; } = "";

    public override bool Execute()
    {
        if (!File.Exists(AssemblyPath))
        {
            Log.LogError(AssemblyPath + ": missing; it carries the plotly.js bundle (restore the Plotly.NET package)");
            return false;
        }
        Assembly carrier = Assembly.Load(File.ReadAllBytes(AssemblyPath));
        foreach (string name in carrier.GetManifestResourceNames())
        {
            Match m = Regex.Match(name, @"plotly-(\d+\.\d+\.\d+)\.min\.js$");
            if (!m.Success)
                continue;
            byte[] bytes;
            using (Stream stream = carrier.GetManifestResourceStream(name))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            Directory.CreateDirectory(OutputFolder);
            ExtractedFile = Path.Combine(OutputFolder, "plotly-" + m.Groups[1].Value + ".min.js");
            if (!File.Exists(ExtractedFile) || new FileInfo(ExtractedFile).Length != bytes.Length)
                File.WriteAllBytes(ExtractedFile, bytes);
            return true;
        }
        Log.LogError(AssemblyPath + ": no plotly-<version>.min.js among its manifest resources");
        return false;
    }
}
