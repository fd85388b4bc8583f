/**
 * Spring Boot auto-configuration for rolegate: guarded beans found through the processor's guard
 * index, the principal of each request (from Spring Security or an application's {@link
 * dev.rolegate.spring.PrincipalResolver}), denials as {@code application/problem+json}, and the
 * access report as an actuator endpoint.
 */
package dev.rolegate.spring;
