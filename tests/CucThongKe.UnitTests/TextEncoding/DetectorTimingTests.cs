using CucThongKe.TextEncoding;

namespace CucThongKe.Tests.TextEncoding;

/// <summary>Runs alone: on a shared two-core machine, timings taken beside the other tests mean little.</summary>
[CollectionDefinition(nameof(DetectorTimingTests), DisableParallelization = true)]
public class DetectorTimingCollection;

[Collection(nameof(DetectorTimingTests))]
public class DetectorTimingTests
{
    [Fact]
    public void Detecting_a_3_KB_paragraph_takes_well_under_a_millisecond()
    {
        var paragraph = string.Concat(Enumerable.Repeat(string.Join(" ", DetectorTests.CleanVietnamese), 3))[..3000];
        var tcvn3 = LegacyVietnamese.ToTcvn3(paragraph);
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 500) VietnameseTextDetector.Detect(tcvn3); // let the JIT reach its final tier

        var perCall = double.MaxValue;
        for (var batch = 0; batch < 5; batch++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 20; i++)
            {
                VietnameseTextDetector.Detect(paragraph);
                VietnameseTextDetector.Detect(tcvn3);
            }
            perCall = Math.Min(perCall, watch.Elapsed.TotalMilliseconds / 40);
        }

        // Typically 0.05-0.1 ms; the bound leaves room for a loaded test machine.
        Assert.True(perCall < 1, $"{perCall:F3} ms per 3 KB paragraph");
    }
}
