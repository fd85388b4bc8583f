package dev.rolegate.benchmarks.compile;

/**
 * Each service's guard, given as text, written as a generated source file: the files and the code
 * rolegate generates, without its work; the floor any processor pays that generates a type per
 * service.
 */
public final class GuardPerServiceProcessor extends PerServiceProcessor {
  @Override
  boolean writesResources() {
    return false;
  }
}
