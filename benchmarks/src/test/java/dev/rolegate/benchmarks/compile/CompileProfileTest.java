package dev.rolegate.benchmarks.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile of a build counts only javac's samples, each part it passes through once. */
class CompileProfileTest {
  @TempDir Path temp;

  private static final String CALL = "com.sun.tools.javac.api.JavacTaskImpl.call";
  private static final String PROCESSING =
      "com.sun.tools.javac.processing.JavacProcessingEnvironment.doProcessing";
  private static final String ROLEGATE = "dev.rolegate.processor.RolegateProcessor.process";
  private static final String GENERATE =
      "dev.rolegate.processor.internal.generation.GuardGenerator.generate";
  private static final String RENDER = "com.palantir.javapoet.JavaFile.writeTo";

  @Test
  void profile_countsSamplesInsideTheBuild_perPartAndTopFrame() {
    List<List<String>> stacks =
        List.of(
            List.of(
                "java.lang.String.charAt", RENDER, RENDER, GENERATE, ROLEGATE, PROCESSING, CALL),
            List.of("java.lang.String.charAt", GENERATE, ROLEGATE, PROCESSING, CALL),
            List.of("com.sun.tools.javac.parser.JavacParser.parse", CALL),
            List.of("java.lang.Thread.run", "jdk.jfr.internal.PlatformRecorder.periodicTask"));
    CompileProfile.Profile profile = CompileProfile.profile(stacks);
    assertEquals(3, profile.samples());
    assertEquals(2, part(profile, "annotation processing"));
    assertEquals(2, part(profile, "  rolegate processor"));
    assertEquals(2, part(profile, "    guard generation"));
    assertEquals(1, part(profile, "      JavaPoet rendering the source (two passes)"));
    assertEquals(
        1,
        part(
            profile,
            "    (across the parts above) JavaPoet: building the specs and rendering the source"));
    assertEquals(0, part(profile, "javac: parse"));
    assertEquals(2, profile.topFrames().get("java.lang.String.charAt"));
    assertEquals(1, profile.topFrames().get("com.sun.tools.javac.parser.JavacParser.parse"));
    assertEquals(2, profile.topFrames().size());
  }

  @Test
  void print_showsSharesAndTopFrames() {
    List<List<String>> stacks =
        List.of(
            List.of("java.lang.String.charAt", RENDER, GENERATE, ROLEGATE, PROCESSING, CALL),
            List.of("java.util.HashMap.getNode", PROCESSING, CALL),
            List.of("java.util.HashMap.getNode", CALL),
            List.of("java.util.HashMap.getNode", CALL));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompileProfile.print(
        CompileProfile.profile(stacks), 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("4 samples inside javac's compilation"), out);
    assertTrue(out.contains("| annotation processing | 50.0% |"), out);
    assertTrue(out.contains("| &nbsp;&nbsp;&nbsp;&nbsp;guard generation | 25.0% |"), out);
    assertTrue(out.contains("| javac: parse | 0.0% |"), out);
    assertTrue(out.contains("| `java.util.HashMap.getNode` | 75.0% |"), out);
    assertTrue(!out.contains("java.lang.String.charAt"), out);
  }

  @Test
  void forkedBuildWithRecordings_writesAProfileOfJavac() throws IOException {
    Path recordings = Files.createDirectories(temp.resolve("jfr"));
    CorpusBuild build = new CorpusBuild(CompilerInputs.fromLoadedClasses(), true, recordings);
    List<Path> interfaces = Corpus.write(temp.resolve("rolegate"), 2, false);
    assertEquals(4, build.compile(interfaces, CorpusBuild.Mode.ROLEGATE, temp).classFiles());
    Path recording = recordings.resolve("rolegate-2-1.jfr");
    try (Stream<Path> files = Files.list(recordings)) {
      assertEquals(List.of(recording), files.toList());
    }
    assertTrue(CompileProfile.profile(CompileProfile.read(recording)).samples() > 0);
  }

  @Test
  void recordings_needForkedBuilds() {
    IllegalArgumentException failure =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CorpusBuild(CompilerInputs.fromLoadedClasses(), false, temp));
    assertEquals("JFR recordings need forked builds", failure.getMessage());
  }

  private static int part(CompileProfile.Profile profile, String name) {
    return CompileProfile.PARTS.stream()
        .filter(part -> part.name().equals(name))
        .findFirst()
        .map(part -> profile.parts().getOrDefault(part, 0))
        .orElseThrow();
  }
}
