using System.Text.Json.Nodes;

namespace SpokenDigits.Notebooks.Tests;

public class DocumentTests
{
    private const string Sample = """
    {
     "cells": [
      { "cell_type": "markdown", "id": "md-1", "metadata": {}, "source": "# Title\nSome text" },
      { "cell_type": "code", "execution_count": 3, "id": "code_2",
        "metadata": { "tags": ["parameters"], "polyglot_notebook": { "kernelName": "csharp" } },
        "outputs": [
          { "output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"] },
          { "output_type": "execute_result", "execution_count": 3, "metadata": {},
            "data": { "text/plain": ["42"], "application/vnd.plotly.v1+json": { "data": [], "layout": {} } } },
          { "output_type": "display_data", "metadata": {}, "data": { "text/html": "<b>x</b>" } },
          { "output_type": "error", "ename": "E", "evalue": "bad", "traceback": ["line1", "line2"] }
        ],
        "source": ["var x = 1;\n", "x"] },
      { "cell_type": "raw", "id": "r3", "metadata": {}, "source": [] }
     ],
     "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
                   "custom": { "keep": [1, 2, { "me": true }] } },
     "nbformat": 4,
     "nbformat_minor": 5
    }
    """;

    [Fact]
    public void Parses_and_round_trips()
    {
        var nb = Notebook.Parse(Sample);
        Assert.Equal(3, nb.Cells.Count);
        Assert.Equal("# Title\nSome text", nb.Cells[0].Source);
        var code = nb.Cells[1];
        Assert.Equal("var x = 1;\nx", code.Source);
        Assert.Equal(["parameters"], code.Tags);
        Assert.Equal("csharp", code.KernelName);
        Assert.Equal(3, code.ExecutionCount);
        Assert.Equal("a\nb\n", ((StreamOutput)code.Outputs[0]).Text);
        var result = (ExecuteResultOutput)code.Outputs[1];
        Assert.Equal("42", result.Data.GetText("text/plain"));
        Assert.IsType<JsonObject>(result.Data[MimeBundle.PlotlyMimeType]);
        Assert.Equal(["line1", "line2"], ((ErrorOutput)code.Outputs[3]).Traceback);

        var json = nb.ToJson();
        Assert.Empty(NotebookValidator.Validate(json));
        var again = Notebook.Parse(json);
        Assert.Equal(json, again.ToJson());
        var root = JsonNode.Parse(json)!;
        // unknown metadata kept; sources written as lists of lines
        Assert.True(root["metadata"]!["custom"]!["keep"]![2]!["me"]!.GetValue<bool>());
        Assert.Equal("var x = 1;\n", root["cells"]![1]!["source"]![0]!.GetValue<string>());
        Assert.Equal("x", root["cells"]![1]!["source"]![1]!.GetValue<string>());
        Assert.IsType<JsonObject>(root["cells"]![1]!["outputs"]![1]!["data"]![MimeBundle.PlotlyMimeType]);
        Assert.IsType<JsonArray>(root["cells"]![2]!["source"]);
    }

    [Fact]
    public void Builder_writes_polyglot_csharp_metadata()
    {
        var nb = new NotebookBuilder().Markdown("# Hi").Parameters("int epochs = 3;").Code("epochs").Build();
        Assert.Empty(NotebookValidator.Validate(nb));
        var root = nb.ToJsonObject();
        Assert.Equal(".net-csharp", root["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal(".NET (C#)", root["metadata"]!["kernelspec"]!["display_name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", root["metadata"]!["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        Assert.Equal("csharp", root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["name"]!.GetValue<string>());
        var cell = root["cells"]![1]!;
        Assert.Equal("csharp", cell["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Equal("csharp", cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("parameters", cell["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.Equal(3, nb.Cells.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("nbformat", "3", "nbformat must be 4")]
    [InlineData("nbformat_minor", "\"5\"", "nbformat_minor")]
    [InlineData("metadata", "[]", "metadata must be an object")]
    public void Validator_rejects_bad_top_level(string key, string value, string expected)
    {
        var root = JsonNode.Parse(Sample)!.AsObject();
        root[key] = JsonNode.Parse(value);
        Assert.Contains(NotebookValidator.Validate(root), e => e.Contains(expected));
    }

    [Theory]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":""}""", "missing 'execution_count'")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null}""", "missing 'outputs'")]
    [InlineData("""{"cell_type":"markdown","id":"a","metadata":{},"source":"","outputs":[]}""", "unexpected key 'outputs'")]
    [InlineData("""{"cell_type":"markdown","metadata":{},"source":""}""", "missing 'id'")]
    [InlineData("""{"cell_type":"markdown","id":"has space","metadata":{},"source":""}""", "must match")]
    [InlineData("""{"cell_type":"markdown","id":"","metadata":{},"source":""}""", "must match")]
    [InlineData("""{"cell_type":"markdown","id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","metadata":{},"source":""}""", "must match")]
    [InlineData("""{"cell_type":"markdown","id":"a","metadata":{},"source":42}""", "source must be")]
    [InlineData("""{"cell_type":"markdown","id":"a","metadata":{},"source":["x", 1]}""", "source must be")]
    [InlineData("""{"cell_type":"markdown","id":"a","metadata":{"tags":"x"},"source":""}""", "tags")]
    [InlineData("""{"cell_type":"heading","id":"a","metadata":{},"source":""}""", "unknown cell_type")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null,"outputs":[{"output_type":"stream","name":"stdout"}]}""", "needs 'text'")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null,"outputs":[{"output_type":"stream","name":"other","text":""}]}""", "stdout or stderr")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null,"outputs":[{"output_type":"display_data","data":{}}]}""", "'metadata' object")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null,"outputs":[{"output_type":"execute_result","data":{},"metadata":{}}]}""", "needs 'execution_count'")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null,"outputs":[{"output_type":"error","ename":"x","evalue":"y"}]}""", "traceback")]
    [InlineData("""{"cell_type":"code","id":"a","metadata":{},"source":"","execution_count":null,"outputs":[{"output_type":"display_data","metadata":{},"data":{"text/plain":{"a":1}}}]}""", "data['text/plain']")]
    public void Validator_rejects_bad_cells(string cellJson, string expected)
    {
        var root = JsonNode.Parse(Sample)!.AsObject();
        root["cells"]!.AsArray().Add(JsonNode.Parse(cellJson));
        var errors = NotebookValidator.Validate(root);
        Assert.Contains(errors, e => e.Contains(expected));
    }

    [Fact]
    public void Validator_rejects_duplicate_ids_and_missing_keys()
    {
        var root = JsonNode.Parse(Sample)!.AsObject();
        root["cells"]!.AsArray().Add(JsonNode.Parse("""{"cell_type":"raw","id":"md-1","metadata":{},"source":""}"""));
        Assert.Contains(NotebookValidator.Validate(root), e => e.Contains("duplicate id 'md-1'"));
        root.Remove("cells");
        Assert.Contains(NotebookValidator.Validate(root), e => e.Contains("'cells'"));
        Assert.NotEmpty(NotebookValidator.Validate("{ not json"));
    }
}
