package io.kv4j.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The executable jar that {@code mvn package} builds, run as the README says: {@code java -jar}
 * with {@code --kv.url} naming a PostgreSQL server, nothing else changed. It counts on that
 * server, answers the README's {@code curl} lines as the README shows, and once the server
 * stopped says DOWN within the health timeout and answers requests 503 with Retry-After.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutableJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The pool's timeout, which the health check must not wait for. */
    private static final long POOL_TIMEOUT_MS = 5000;

    private static EmbeddedPostgres server;
    private static Process app;
    private static Path log;
    private static int port;

    @BeforeAll
    static void startTheJarOnPostgres() throws Exception {
        Path jar = Path.of(System.getProperty("kv.example.jar", "target/missing.jar"));
        assertThat(jar).as("the jar mvn package builds").exists();
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        log = Files.createTempFile("kv-example", ".log");
        app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port,
                "--kv.url=kv:postgresql://localhost:" + server.getPort() + "/postgres?user=postgres",
                // run() rides out an outage this long before the request fails with 503
                "--kv.retry-timeout-ms=2000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(app.isAlive()).as("the application runs; its log:%n%s", log()).isTrue();
            assertThat(System.nanoTime()).as("started within 120 s; its log:%n%s", log())
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        if (server != null) {
            server.close();
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    private static String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    @Test
    @Order(1)
    void theReadmesCurlLines_answerAsTheReadmeShows_onPostgres() throws Exception {
        String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
        String example = readme.substring(readme.indexOf("**The example.**"));
        example = example.substring(0, example.indexOf("\n## "));
        Matcher curl = Pattern.compile("(?m)^curl (-X POST )?localhost:8080(\\S+)( +# (.*))?$")
                .matcher(example);
        List<String> checked = new ArrayList<>();
        while (curl.find()) {
            HttpResponse<String> response = send(curl.group(1) == null ? "GET" : "POST",
                    curl.group(2));
            assertThat(response.statusCode()).as(curl.group()).isEqualTo(200);
            if (curl.group(4) != null) {
                assertThat(response.body()).as(curl.group()).isEqualTo(curl.group(4));
            }
            checked.add(curl.group(2));
        }
        assertThat(checked).as("curl lines in the README's example").hasSizeGreaterThan(2);
        assertThat(example).as("the README runs this jar").contains("java -jar examples/spring-boot/"
                + "target/" + Path.of(System.getProperty("kv.example.jar")).getFileName());
        assertThat(get("/actuator/health/kv").body()).contains("\"backend\":\"postgresql\"");
    }

    @Test
    @Order(2)
    void withPostgresStopped_healthIsDownWithinItsTimeout_andRequestsAre503() throws Exception {
        server.close();
        long start = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health/kv");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"");
        assertThat(ms).as("ms until DOWN").isLessThan(POOL_TIMEOUT_MS - 1000);

        HttpResponse<String> post = send("POST", "/functions/KT1Counter/counter");
        assertThat(post.statusCode()).as(post.body()).isEqualTo(503);
        assertThat(post.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(post.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
