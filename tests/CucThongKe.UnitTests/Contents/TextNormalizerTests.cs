using System.Text;
using System.Text.Json.Nodes;
using CucThongKe.Core.Data;

namespace CucThongKe.Tests.Contents;

public class TextNormalizerTests
{
    [Fact]
    public void Names_and_values_in_a_JSON_tree_become_NFC()
    {
        var nfd = "Thái Nguyên".Normalize(NormalizationForm.FormD);
        var node = new JsonObject { [nfd] = new JsonArray(nfd, 3, true), ["x"] = new JsonObject { ["y"] = nfd } };

        var normalized = TextNormalizer.NormalizeNode(node)!.ToJsonString(CmsJson.Options);

        Assert.Equal("{\"Thái Nguyên\":[\"Thái Nguyên\",3,true],\"x\":{\"y\":\"Thái Nguyên\"}}", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }
}
