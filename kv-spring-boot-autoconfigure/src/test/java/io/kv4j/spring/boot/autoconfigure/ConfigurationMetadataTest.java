package io.kv4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.kv4j.KvOption;
import io.kv4j.KvStore;
import io.kv4j.common.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the IDE metadata of the kv.* options in step with the option tables of the engine and of
 * the backends built here. The configuration processor merges the checked-in file into the
 * metadata it generates from {@link KvProperties}; a checked-in file, rather than one written
 * during the build, keeps the build to the compiler and makes each change to an option visible in
 * review. When an option is added or changed, this test fails and writes the file it expects to
 * target/, to copy over the checked-in one.
 */
class ConfigurationMetadataTest {

    /** The backends whose options the metadata lists, by a URL of each. */
    private static final Map<String, String> BACKENDS = Map.of(
            "memory", "kv:memory:",
            "postgresql", "kv:postgresql://localhost/db",
            "sqlite", "kv:sqlite:kv.db");

    private static final Path CHECKED_IN = Path.of(
            "src/main/resources/META-INF/additional-spring-configuration-metadata.json");

    private static final Path EXPECTED = Path.of(
            "target/additional-spring-configuration-metadata.json");

    @Test
    void checkedInMetadata_matchesTheOptionTables() throws IOException {
        String expected = expectedMetadata();
        String actual = Files.exists(CHECKED_IN)
                ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            Files.writeString(EXPECTED, expected, StandardCharsets.UTF_8);
        }
        assertThat(actual.equals(expected)).as("%s is out of step with the option tables; "
                + "compare it with %s and copy that over it", CHECKED_IN, EXPECTED).isTrue();
    }

    @Test
    void everyTextOption_hasAPropertyOfItsOwn() {
        Map<String, String> seen = new HashMap<>();
        for (Option<?> option : allOptions().keySet()) {
            String property = KvStoreOptions.propertyName(option);
            if (option.objectClass() != null) {
                assertThat(property).as(option.name()).isNull();
                continue;
            }
            assertThat(property).as("the property of option %s", option.name()).isNotNull();
            String before = seen.put(property, option.name());
            assertThat(before).as("options %s and %s share %s", before, option.name(), property)
                    .isNull();
        }
        assertThat(seen).containsEntry("kv.pool-size", "pool-size")
                .containsEntry("kv.application-name", "ApplicationName");
    }

    @Test
    void builtMetadata_holdsTheOptionsBesideTheIntegrationsOwnProperties() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the metadata the configuration processor wrote").isNotNull();
            String built = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // the processor merges the checked-in file only when it runs: after changing the
            // file alone, build with clean
            assertThat(built).contains("\"kv.url\"", "\"kv.postgresql.use-application-datasource\"",
                    "\"kv.max-retries\"", "\"kv.pool-size\"", "\"kv.password\"");
        }
    }

    @Test
    void readmePropertyTable_listsEveryPropertyOfTheIntegration_withItsDefault() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String table = readme.substring(readme.indexOf("The integration's own\nproperties:"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| property |")));
        Map<String, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(kv\\.[^`]+)` \\| `([^`]*)` \\|").matcher(table);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        Map<String, String> built = new TreeMap<>();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            JsonNode metadata = JsonMapper.builder().build().readTree(in);
            for (JsonNode property : metadata.get("properties")) {
                if (property.path("sourceType").asString("").startsWith(
                        KvProperties.class.getName())) {
                    built.put(property.get("name").asString(),
                            property.path("defaultValue").asString(""));
                }
            }
        }
        assertThat(documented).isEqualTo(built);
    }

    /** Every option of the engine and of the backends, each with the schemes that take it. */
    private static Map<Option<?>, List<String>> allOptions() {
        Map<String, Option<?>> byName = new LinkedHashMap<>();
        Map<Option<?>, List<String>> out = new LinkedHashMap<>();
        for (Option<?> engine : KvOption.table()) {
            byName.put(engine.name(), engine);
            out.put(engine, List.of());
        }
        BACKENDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(backend -> {
            for (Option<?> option : KvStore.options(backend.getValue())) {
                Option<?> known = byName.putIfAbsent(option.name(), option);
                if (known == null) {
                    out.put(option, new ArrayList<>(List.of(backend.getKey())));
                } else if (!out.get(known).isEmpty() && !out.get(known).contains(backend.getKey())) {
                    out.get(known).add(backend.getKey());
                }
            }
        });
        return out;
    }

    static String expectedMetadata() {
        List<Map<String, Object>> properties = new ArrayList<>();
        List<Map<String, Object>> hints = new ArrayList<>();
        allOptions().forEach((option, schemes) -> {
            String name = KvStoreOptions.propertyName(option);
            if (name == null) {
                return;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("type", javaType(option));
            p.put("description", description(option, schemes));
            Object defaultValue = defaultValue(option);
            if (defaultValue != null) {
                p.put("defaultValue", defaultValue);
            }
            properties.add(p);
            if (!option.choices().isEmpty()) {
                List<Map<String, Object>> values = new ArrayList<>();
                option.choices().forEach(c -> values.add(Map.of("value", c)));
                Map<String, Object> hint = new LinkedHashMap<>();
                hint.put("name", name);
                hint.put("values", values);
                hints.add(hint);
            }
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("properties", properties);
        document.put("hints", hints);
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(document) + "\n";
    }

    private static String javaType(Option<?> option) {
        return option.type().getName();
    }

    private static Object defaultValue(Option<?> option) {
        Object d = option.defaultValue();
        return d == null || d.toString().isEmpty() ? null : d;
    }

    private static String description(Option<?> option, List<String> schemes) {
        // the driver's descriptions wrap lines
        StringBuilder out = new StringBuilder(option.description().strip().replaceAll("\\s+", " "));
        if (out.length() > 0 && ".!?".indexOf(out.charAt(out.length() - 1)) < 0) {
            out.append('.');
        }
        boolean integer = option.type() == Integer.class || option.type() == Long.class;
        boolean text = option.type() == String.class && option.choices().isEmpty();
        if (integer || !option.choices().isEmpty()
                || (text && !option.kind().equals("text") && !option.isSecret())) {
            out.append(" Takes ").append(option.kind()).append('.');
        }
        if (!schemes.isEmpty()) {
            out.append(" Only for ");
            for (int i = 0; i < schemes.size(); i++) {
                out.append(i == 0 ? "" : ", ").append("kv:").append(schemes.get(i)).append(':');
            }
            out.append(" URLs.");
        }
        return out.toString();
    }
}
