#!/usr/bin/env python3
"""Writes the integration project's test classes with their summed test time, longest first, from a test run's
results (the .trx file the README's test command leaves in artifacts/test-results). The test project starts its
longest classes first (tests/CucThongKe.IntegrationTests/Site/LongestClassesFirst.cs), so that no long class is left
running alone at the end of the run; refresh the file after a change in the tests' shape:

    python3 build/class-durations.py artifacts/test-results/CucThongKe.IntegrationTests.trx \
        > tests/CucThongKe.IntegrationTests/class-durations.txt
"""
import collections
import sys
import xml.etree.ElementTree as ET


def seconds(text):
    hours, minutes, rest = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


root = ET.parse(sys.argv[1]).getroot()
ns = {"t": root.tag.split("}")[0][1:]}
classes = {u.get("id"): u.find("t:TestMethod", ns).get("className").split(".")[-1] for u in root.findall(".//t:UnitTest", ns)}
total = collections.Counter()
for result in root.findall(".//t:UnitTestResult", ns):
    total[classes[result.get("testId")]] += seconds(result.get("duration", "0:0:0"))

print("# Summed test time per class (seconds) of one run, longest first: build/class-durations.py writes it.")
for name, value in total.most_common():
    print(f"{name} {value:.0f}")
