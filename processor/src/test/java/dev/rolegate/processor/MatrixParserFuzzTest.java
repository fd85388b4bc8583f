package dev.rolegate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rolegate.processor.MatrixInputs.Input;
import dev.rolegate.processor.MatrixInputs.Kind;
import dev.rolegate.processor.internal.diagnostic.Diagnostic;
import dev.rolegate.processor.internal.matrix.MatrixCompiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the matrix parser and compiler ({@code MatrixParser}, then {@code MatrixCompiler}):
 * whatever the file holds, the outcome is a compiled matrix or documented matrix diagnostics with a
 * line of the file ({@link MatrixOutcomes#violation}), never another exception, never a hang.
 * Inputs ({@link MatrixInputs}) are random bytes, random text made of matrix tokens and any code
 * point, and mutations of valid matrices (bit flips, lines deleted, doubled and swapped, cells
 * swapped and copied, truncation, inserted {@code |}, look-alike and invisible unicode, other line
 * ends).
 *
 * <p>A seeded generator, not jqwik: jqwik's authors ask AI coding agents (which develop this
 * project) not to use it, and its engine prints that request on every run; the project honours it.
 * Each input has its own seed, drawn from {@link #SEED}; a failure names the kind and the seed, and
 * {@code -Drolegate.parserfuzz.replay=MUTATION:<seed>} runs that one input again. {@code
 * -Drolegate.parserfuzz.inputs=100000} runs more per kind; {@code -Drolegate.parserfuzz.seed=...}
 * draws other inputs. What is lost against a property framework is shrinking: a failure prints the
 * input and how it was made instead. The coverage-guided counterpart is {@link
 * MatrixParserJazzerTest}.
 */
class MatrixParserFuzzTest {
  static final long SEED = Long.getLong("rolegate.parserfuzz.seed", 20_261_128L);

  /** Inputs per kind in a normal build: 9,000 in all, a few seconds. */
  static final int INPUTS = Integer.getInteger("rolegate.parserfuzz.inputs", 3_000);

  private static final int BATCH = 1_000;
  private static final String REPLAY = System.getProperty("rolegate.parserfuzz.replay", "");

  /** One JUnit invocation per batch of seeds of one kind. */
  static Stream<Arguments> batches() {
    if (!REPLAY.isEmpty()) {
      String[] parts = REPLAY.split(":", 2);
      return Stream.of(Arguments.of(Kind.valueOf(parts[0]), new long[] {Long.parseLong(parts[1])}));
    }
    List<Arguments> batches = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      long[] seeds = new SplittableRandom(SEED + kind.ordinal()).longs(INPUTS).toArray();
      for (int from = 0; from < seeds.length; from += BATCH) {
        batches.add(
            Arguments.of(
                kind, Arrays.copyOfRange(seeds, from, Math.min(seeds.length, from + BATCH))));
      }
    }
    return batches.stream();
  }

  @ParameterizedTest(name = "{0} batch {index}")
  @MethodSource("batches")
  void anyInput_endsInMatrixOrDocumentedProblems(Kind kind, long[] seeds) {
    long[] current = {0};
    // One bound for the whole batch: a hang on any input fails it, naming that input's seed.
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < seeds.length; i++) {
            current[0] = seeds[i];
            Input input = MatrixInputs.input(kind, seeds[i]);
            String violation = MatrixOutcomes.violation(input.text());
            if (violation != null) {
              fail(describe(kind, seeds[i], input, violation));
            }
            if (i % 10 == 0) {
              // Deterministic: the same text gives the same problems (or the same success).
              assertEquals(
                  MatrixCompiler.compile("fuzz.md", input.text()).problems(),
                  MatrixCompiler.compile("fuzz.md", input.text()).problems(),
                  () -> describe(kind, current[0], input, "two compiles disagree"));
            }
          }
        },
        () ->
            "hang: kind "
                + kind
                + " seed "
                + current[0]
                + "; replay with -Drolegate.parserfuzz.replay="
                + kind
                + ":"
                + current[0]);
  }

  /**
   * Raw bytes through the compiler's strict UTF-8 entry point, the one the processor reads matrix
   * files with: random bytes, and valid matrices with bytes flipped, so that most inputs hold
   * malformed UTF-8 somewhere after valid lines. Each ends in a matrix or problems on a line.
   */
  @Test
  void anyBytes_throughTheStrictUtf8EntryPoint_endInMatrixOrProblemsOnALine() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          List<String> bases = MatrixInputs.bases();
          int malformed = 0;
          for (long seed = 0; seed < INPUTS; seed++) {
            SplittableRandom random = new SplittableRandom(SEED ^ (seed * 0x9E3779B97F4A7C15L));
            byte[] bytes;
            if (random.nextBoolean()) {
              bytes = new byte[random.nextInt(300)];
              random.nextBytes(bytes);
            } else {
              bytes =
                  bases
                      .get(random.nextInt(bases.size()))
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8);
              for (int flips = 1 + random.nextInt(3); flips > 0 && bytes.length > 0; flips--) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
              }
            }
            MatrixCompiler.Result result = MatrixCompiler.compile("fuzz.md", bytes);
            malformed +=
                result.problems().stream().anyMatch(p -> p.message().contains("UTF-8")) ? 1 : 0;
            String violation = MatrixOutcomes.violation(bytes);
            if (violation != null) {
              fail(
                  "bytes seed "
                      + seed
                      + ": "
                      + violation
                      + "\ninput:\n"
                      + MatrixOutcomes.show(MatrixInputs.decode(bytes, false), 2_000));
            }
          }
          assertTrue(malformed > INPUTS / 4, "inputs rejected as malformed UTF-8: " + malformed);
        });
  }

  /** The oracle is alive: every base compiles unmutated, and a few mutations of them do not. */
  @Test
  void bases_compileUnmutated_andSomeMutationsAreRejected() {
    for (String base : MatrixInputs.bases()) {
      MatrixCompiler.Result result = MatrixCompiler.compile("base.md", base);
      assertTrue(result.matrix().isPresent(), () -> result.problems() + "\n" + base);
    }
    int rejected = 0;
    for (long seed = 0; seed < 200; seed++) {
      Input input = MatrixInputs.input(Kind.MUTATION, seed);
      assertNull(MatrixOutcomes.violation(input.text()), "seed " + seed);
      rejected += MatrixCompiler.compile("fuzz.md", input.text()).matrix().isEmpty() ? 1 : 0;
    }
    assertTrue(rejected > 50 && rejected < 200, "mutations rejected: " + rejected + " of 200");
    assertTrue(
        MatrixOutcomes.MATRIX_DIAGNOSTICS.containsAll(
            java.util.EnumSet.of(
                Diagnostic.MATRIX_CELL_COUNT,
                Diagnostic.MATRIX_DUPLICATE_PERMISSION,
                Diagnostic.MATRIX_UNKNOWN_GRANT,
                Diagnostic.MATRIX_CYCLE,
                Diagnostic.MATRIX_INCLUDE_LEVEL)),
        MatrixOutcomes.MATRIX_DIAGNOSTICS::toString);
    assertTrue(!MatrixOutcomes.MATRIX_DIAGNOSTICS.contains(Diagnostic.MATRIX_NOT_FOUND));
  }

  /** Inputs are a function of their seed, so a printed seed reproduces its failure. */
  @Test
  void inputs_areReproducibleFromTheirSeed() {
    for (Kind kind : Kind.values()) {
      for (long seed = 0; seed < 50; seed++) {
        assertEquals(
            MatrixInputs.input(kind, seed), MatrixInputs.input(kind, seed), kind + " " + seed);
      }
    }
  }

  private static String describe(Kind kind, long seed, Input input, String violation) {
    return violation
        + "\nkind "
        + kind
        + ", seed "
        + seed
        + "; replay with -Drolegate.parserfuzz.replay="
        + kind
        + ":"
        + seed
        + "\nmade by: "
        + String.join("; ", input.steps())
        + "\ninput:\n"
        + MatrixOutcomes.show(input.text(), 4_000);
  }
}
