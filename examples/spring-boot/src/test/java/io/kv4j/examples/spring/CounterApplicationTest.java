package io.kv4j.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The application on a real server: the counter under concurrent requests, and Actuator. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CounterApplicationTest {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 50;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    private int port;

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String json, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double retries() throws Exception {
        return json("GET", "/actuator/metrics/kv4j.retries").get("measurements").get(0)
                .get("value").asDouble();
    }

    private JsonNode json(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void concurrentPosts_countEveryOneExactlyOnce_withoutARetry() throws Exception {
        String path = "/functions/KT1Counter/counter";
        double retriesBefore = retries();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                threads.add(pool.submit(() -> {
                    List<String> stamps = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        stamps.add(json("POST", path).get("versionstamp").asString());
                    }
                    return stamps;
                }));
            }
            Set<String> commits = new TreeSet<>();
            for (Future<List<String>> f : threads) {
                commits.addAll(f.get());
            }
            long total = THREADS * REQUESTS_PER_THREAD;
            assertThat(commits).as("each POST committed once").hasSize((int) total);
            assertThat(json("GET", path).get("count").asLong()).isEqualTo(total);
            assertThat(retries()).as("sums never conflict, so no POST ran twice")
                    .isEqualTo(retriesBefore);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void put_withIfMatch_setsOnlyWhileTheCountIsUnchanged() throws Exception {
        String path = "/functions/KT1IfMatch/counter";
        json("POST", path);
        HttpResponse<String> read = send("GET", path);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(put(path, "{\"count\":10}", etag).statusCode()).isEqualTo(200);
        HttpResponse<String> stale = put(path, "{\"count\":20}", etag);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(json("GET", path).get("count").asLong()).isEqualTo(10);
        assertThat(put(path, "{\"count\":30}", null).statusCode()).isEqualTo(200);
        assertThat(put(path, "{\"count\":40}", "\"not a versionstamp\"").statusCode())
                .isEqualTo(400);
        assertThat(json("GET", path).get("count").asLong()).isEqualTo(30);
    }

    @Test
    void readme_statesTheFiguresOfTheConcurrencyTest() throws Exception {
        String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme.replaceAll("\\s+", " ")).contains("a test sends " + THREADS
                + " threads of " + REQUESTS_PER_THREAD + " `POST`s and checks the count is exactly "
                + THREADS * REQUESTS_PER_THREAD);
    }

    @Test
    void get_ofAFunctionWithoutData_isZero() throws Exception {
        JsonNode counter = json("GET", "/functions/untouched/counter");
        assertThat(counter.get("function").asString()).isEqualTo("untouched");
        assertThat(counter.get("count").asLong()).isZero();
    }

    @Test
    void post_withAFunctionNameKv4jRefuses_isABadRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/functions/" + "x".repeat(3000) + "/counter");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Invalid function name");
    }

    @Test
    void actuatorHealth_showsTheStoreUp() throws Exception {
        JsonNode kv = json("GET", "/actuator/health").get("components").get("kv");
        assertThat(kv.get("status").asString()).isEqualTo("UP");
        assertThat(kv.get("details").get("backend").asString()).isEqualTo("memory");
    }

    @Test
    void actuatorMetrics_countTheStoresRequests() throws Exception {
        json("POST", "/functions/metered/counter");
        JsonNode names = json("GET", "/actuator/metrics").get("names");
        assertThat(names.valueStream().map(JsonNode::asString))
                .contains("kv4j.requests", "kv4j.commits", "kv4j.conflicts", "kv4j.retries");
        JsonNode committed = json("GET", "/actuator/metrics/kv4j.requests?tag=outcome:committed");
        assertThat(committed.get("measurements").get(0).get("value").asDouble()).isPositive();
    }

    @Test
    void actuatorInfo_namesTheBackendAndSpiVersion() throws Exception {
        JsonNode kv = json("GET", "/actuator/info").get("kv");
        assertThat(kv.get("backend").asString()).isEqualTo("memory");
        assertThat(kv.get("provider").asString()).isEqualTo("io.kv4j.memory.MemoryProvider");
        assertThat(kv.get("spi-version").asInt()).isEqualTo(3);
    }
}
