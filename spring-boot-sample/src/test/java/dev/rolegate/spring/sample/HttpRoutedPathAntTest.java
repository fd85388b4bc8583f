package dev.rolegate.spring.sample;

import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link RoutedPathTests} with {@code ant_path_matcher} as Spring Boot configures it (the full
 * path, decoded, {@code //} collapsed, {@code ..} kept).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.mvc.pathmatch.matching-strategy=ant_path_matcher")
@Import(RoutedPathTests.FirewallOff.class)
class HttpRoutedPathAntTest extends RoutedPathTests {
  @Override
  void assertDotSegmentAnswer(HttpResponse<String> response, String what) {
    assertUnrouted(response);
  }

  @Override
  void assertEmptySegmentAnswer(HttpResponse<String> response) {
    assertRefused(response, "workspace");
  }
}
