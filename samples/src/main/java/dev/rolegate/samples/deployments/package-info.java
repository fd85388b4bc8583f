/** Deployments: read, run, create, edit and delete. */
package dev.rolegate.samples.deployments;
