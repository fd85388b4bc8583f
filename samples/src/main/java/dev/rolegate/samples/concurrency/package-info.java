/** Task-run concurrency limits. */
package dev.rolegate.samples.concurrency;
