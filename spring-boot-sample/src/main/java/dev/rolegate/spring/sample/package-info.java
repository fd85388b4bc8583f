/**
 * A small Prefect-like HTTP API on Spring Boot: deployments, blocks and account settings in two
 * accounts, guarded by rolegate through {@code rolegate-spring-boot}, with HTTP Basic users for
 * each role.
 */
package dev.rolegate.spring.sample;
