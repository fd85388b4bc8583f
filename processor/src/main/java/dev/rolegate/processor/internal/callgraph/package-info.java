/**
 * The call-graph analysis: after javac has attributed a guarded method's body, which calls it makes
 * to guarded methods whose requirement its own does not cover ({@code UncoveredGuardedCall}), and
 * the one warning that says the check is off where there is no Trees API.
 */
package dev.rolegate.processor.internal.callgraph;
