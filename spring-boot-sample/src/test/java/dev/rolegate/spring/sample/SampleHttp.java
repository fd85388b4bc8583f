package dev.rolegate.spring.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls a running sample over real HTTP on 127.0.0.1 as one of its demo users. */
final class SampleHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;

  SampleHttp(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
    return send(user, builder(path).GET());
  }

  HttpResponse<String> post(String user, String path, String json)
      throws IOException, InterruptedException {
    return send(user, builder(path).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> put(String user, String path, String json)
      throws IOException, InterruptedException {
    return send(user, builder(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String user, String path) throws IOException, InterruptedException {
    return send(user, builder(path).DELETE());
  }

  private HttpRequest.Builder builder(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json");
  }

  private static HttpResponse<String> send(String user, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    String credentials = user + ":" + user + "-pw";
    request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return CLIENT.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
