#!/usr/bin/env bash
# Runs the whole JMH suite (allowed path, denied path, frameworks) with -prof gc and prints the
# result as Markdown tables with the ratios the project sets targets for.
#
#   benchmarks/run.sh                      build, then run with -f 1 -wi 3 -w 1s -i 5 -r 1s
#   benchmarks/run.sh -wi 1 -w 200ms -i 1 -r 200ms        other JMH options (replace the defaults)
#   SKIP_BUILD=1 benchmarks/run.sh ...     run what benchmarks/target already holds
#
# The raw JMH output goes to benchmarks/target/jmh-output.txt, the CSV to
# benchmarks/target/jmh-result.csv.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests package
fi
if [[ $# -eq 0 ]]; then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s
fi
cp="benchmarks/target/rolegate-benchmarks.jar:benchmarks/target/lib/*"
java -cp "$cp" org.openjdk.jmh.Main "$@" -prof gc \
  -rf csv -rff benchmarks/target/jmh-result.csv 'dev\.rolegate\.benchmarks\..*Benchmark\.' \
  | tee benchmarks/target/jmh-output.txt
java -cp "$cp" dev.rolegate.benchmarks.ResultTable benchmarks/target/jmh-result.csv
