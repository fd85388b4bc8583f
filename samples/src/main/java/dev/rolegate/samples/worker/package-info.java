/** A sample Prefect worker that polls a work pool and runs flows through the guarded services. */
package dev.rolegate.samples.worker;
