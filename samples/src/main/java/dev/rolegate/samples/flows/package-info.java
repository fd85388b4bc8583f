/** Flows, flow runs and saved flow-run searches. */
package dev.rolegate.samples.flows;
