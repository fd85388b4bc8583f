package dev.rolegate.processor.internal.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;

/** Writing a generated file through the Filer: whole, or not at all. */
class GeneratedTypesTest {
  private static final TypeSpec GUARD = TypeSpec.classBuilder("GuardedThings").build();

  @Test
  void write_writesTheWholeTextInOneFile() {
    RecordingFile file = new RecordingFile(false);
    new GeneratedTypes(new OneFileFiler(file)).write("test", GUARD);

    assertEquals("package test;\n\nclass GuardedThings {\n}\n", file.written.toString());
    assertFalse(file.deleted);
  }

  @Test
  void write_deletesAFileThatCouldNotBeWrittenWhole() {
    RecordingFile file = new RecordingFile(true);
    GeneratedTypes types = new GeneratedTypes(new OneFileFiler(file));

    UncheckedIOException failure =
        assertThrows(UncheckedIOException.class, () -> types.write("test", GUARD));

    assertEquals("could not write test.GuardedThings", failure.getMessage());
    assertEquals("disk full", failure.getCause().getMessage());
    assertTrue(file.deleted, "the half-written file must not reach the next round");
  }

  /** A source file whose writer fails after its first characters when {@code failing}. */
  private static final class RecordingFile extends SimpleJavaFileObject {
    final StringWriter written = new StringWriter();
    final boolean failing;
    boolean deleted;

    RecordingFile(boolean failing) {
      super(URI.create("mem:///test/GuardedThings.java"), Kind.SOURCE);
      this.failing = failing;
    }

    @Override
    public Writer openWriter() {
      return new Writer() {
        @Override
        public void write(char[] text, int offset, int length) throws IOException {
          if (failing) {
            written.write(text, offset, Math.min(length, 8));
            throw new IOException("disk full");
          }
          written.write(text, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
    }

    @Override
    public boolean delete() {
      deleted = true;
      return true;
    }
  }

  /** A Filer that hands out one source file and nothing else. */
  private record OneFileFiler(JavaFileObject file) implements Filer {
    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originating) {
      assertEquals("test.GuardedThings", name.toString());
      return file;
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originating) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileObject createResource(
        JavaFileManager.Location location,
        CharSequence moduleAndPkg,
        CharSequence relativeName,
        Element... originating) {
      throw new UnsupportedOperationException();
    }

    @Override
    public FileObject getResource(
        JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName) {
      throw new UnsupportedOperationException();
    }
  }
}
