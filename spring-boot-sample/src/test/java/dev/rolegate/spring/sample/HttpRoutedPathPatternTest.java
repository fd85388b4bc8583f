package dev.rolegate.spring.sample;

import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link RoutedPathTests} with the default strategy, {@code PathPatternParser}, which routes the
 * raw path as the filter reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RoutedPathTests.FirewallOff.class)
class HttpRoutedPathPatternTest extends RoutedPathTests {
  @Override
  void assertDotSegmentAnswer(HttpResponse<String> response, String what) {
    assertUnrouted(response);
  }

  @Override
  void assertEmptySegmentAnswer(HttpResponse<String> response) {
    assertUnrouted(response);
  }
}
