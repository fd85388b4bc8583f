package dev.rolegate.spring.sample;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link AdminHttpTests} on H2, in a database of its own. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:sample-admin;DB_CLOSE_DELAY=-1")
class HttpAdminH2Test extends AdminHttpTests {}
