/**
 * The call-graph step ({@code CallGraphStep}): started when the processor is initialized, it
 * records each valid service and, after javac has attributed a guarded method's body, reports the
 * calls it makes to guarded methods whose requirement its own does not cover ({@code
 * UncoveredGuardedCall}); where there is no Trees API it warns once that the check is off.
 */
package dev.rolegate.processor.internal.callgraph;
