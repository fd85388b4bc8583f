/** Automations. */
package dev.rolegate.samples.automations;
