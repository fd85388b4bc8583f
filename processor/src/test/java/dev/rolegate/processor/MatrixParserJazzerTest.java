package dev.rolegate.processor;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the matrix parser and compiler with Jazzer, against the same contract
 * as {@link MatrixParserFuzzTest} ({@link MatrixOutcomes#violation}): any bytes, decoded as UTF-8
 * the way a file is read (bad sequences replaced), end in a compiled matrix or in documented matrix
 * diagnostics on a line of the file, never another exception.
 *
 * <p>In the normal build this runs in Jazzer's regression mode: once for each input of the
 * committed seed corpus in {@code
 * src/test/resources/dev/rolegate/processor/MatrixParserJazzerTestInputs/matrixFile/} (small valid
 * and broken matrices), plus the empty input; no instrumentation, well under a second. A longer,
 * coverage-guided session (it writes new interesting inputs to {@code .cifuzz-corpus/} and a
 * crashing input next to the seed corpus, where it then stays as a regression input):
 *
 * <pre>
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -o test -pl processor -am \
 *     -Dtest=MatrixParserJazzerTest -Dsurefire.failIfNoSpecifiedTests=false -Drolegate.jazzer.skip=true
 * </pre>
 *
 * <p>The build runs this class in a JVM of its own (the {@code jazzer-regression} execution in
 * {@code processor/pom.xml}): Jazzer loads an instrumenting agent that would otherwise apply its
 * hooks to every test class loaded after it. On this machine (2 cores) a 30 s session runs about
 * 11,000 inputs.
 */
class MatrixParserJazzerTest {
  @FuzzTest(maxDuration = "2m")
  void matrixFile(byte[] data) {
    String violation = MatrixOutcomes.violation(data);
    if (violation != null) {
      throw new AssertionError(
          violation + "\ninput:\n" + MatrixOutcomes.show(MatrixInputs.decode(data, false), 4_000));
    }
  }
}
