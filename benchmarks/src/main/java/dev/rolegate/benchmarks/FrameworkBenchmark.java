package dev.rolegate.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.shiro.authz.UnauthorizedException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * The same allowed and denied calls as {@link AllowedPathBenchmark} and {@link
 * DeniedPathBenchmark}, through Spring Security's method security ({@code @Secured},
 * {@code @PreAuthorize}), Apache Shiro's {@code @RequiresPermissions} and jCasbin's enforcer with
 * its "RBAC with domains" model ({@link CasbinState}). Denials are caught and returned.
 *
 * <p>The forks route commons-logging (Spring's logging API) to its {@code NoOpLog}. Without that,
 * commons-logging 1.3.5 picks SLF4J (on the class path for Shiro) and its SLF4J bridge turns every
 * message into a String before the level check, so Spring Security's per-call debug message
 * ("Authorizing method invocation ...") would be built on every call even with debug off: about 4
 * KB per call, an artefact of this class path rather than the cost of the check.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dorg.apache.commons.logging.LogFactory=org.apache.commons.logging.impl.LogFactoryImpl",
      "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog"
    })
public class FrameworkBenchmark {
  @Benchmark
  public int springSecuredAllowed(SpringState s) {
    return s.secured.count(s.workspace);
  }

  @Benchmark
  public Object springSecuredDenied(SpringState s) {
    try {
      return s.secured.delete(s.workspace, s.deploymentId);
    } catch (AuthorizationDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public int springPreAuthorizeAllowed(SpringState s) {
    return s.preAuthorize.count(s.workspace);
  }

  @Benchmark
  public Object springPreAuthorizeDenied(SpringState s) {
    try {
      return s.preAuthorize.delete(s.workspace, s.deploymentId);
    } catch (AuthorizationDeniedException denied) {
      return denied;
    }
  }

  @Benchmark
  public int shiroAllowed(ShiroState s) {
    return s.shiro.count(s.workspace);
  }

  @Benchmark
  public Object shiroDenied(ShiroState s) {
    try {
      return s.shiro.delete(s.workspace, s.deploymentId);
    } catch (UnauthorizedException denied) {
      return denied;
    }
  }

  @Benchmark
  public int casbinAllowed(CasbinState s) {
    return s.casbin.count(s.workspace);
  }

  @Benchmark
  public Object casbinDenied(CasbinState s) {
    try {
      return s.casbin.delete(s.workspace, s.deploymentId);
    } catch (HandWrittenDeniedException denied) {
      return denied;
    }
  }
}
