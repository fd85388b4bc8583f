package dev.rolegate.spring.sample;

import java.net.http.HttpResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * {@link RoutedPathTests} with {@code ant_path_matcher} and the DispatcherServlet mapped to {@code
 * /api/*} (the path within the servlet mapping, {@code //} collapsed).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mvc.pathmatch.matching-strategy=ant_path_matcher",
      "spring.mvc.servlet.path=/api"
    })
@Import(RoutedPathTests.FirewallOff.class)
class HttpRoutedPathAntServletPathTest extends RoutedPathTests {
  @Override
  void assertDotSegmentAnswer(HttpResponse<String> response, String what) {
    assertUnrouted(response);
  }

  @Override
  void assertEmptySegmentAnswer(HttpResponse<String> response) {
    assertRefused(response, "workspace");
  }
}
