package dev.rolegate.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Starts the sample API ({@code java -jar
 * spring-boot-sample/target/rolegate-spring-boot-sample.jar}).
 */
@SpringBootApplication
@EnableAsync
@EnableTransactionManagement
public class SampleApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
