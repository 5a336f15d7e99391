package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.node.DecimalNode;

/** How values become JSON and back: the strict generator, raw JSON, untyped numbers. */
class JsonTest {

    /**
     * Write methods of {@link JsonGenerator} that the strict generator may leave to the wrapped
     * generator: they write nothing it checks (booleans, nulls, integers, base64, ids that JSON
     * refuses), or come back through the strict generator itself (the final convenience methods,
     * and methods that {@code JsonGeneratorDelegate} routes through {@code this}).
     */
    private static final Set<String> SAFE_AS_DELEGATED = Set.of(
            "writeBoolean(boolean)", "writeNull()", "writeNumber(short)", "writeNumber(int)",
            "writeNumber(long)", "writeNumber(java.math.BigInteger)", "writePropertyId(long)",
            "writeBinary(tools.jackson.core.Base64Variant,byte[],int,int)",
            "writeBinary(byte[],int,int)", "writeBinary(byte[])",
            "writeBinary(java.io.InputStream,int)",
            "writeBinary(tools.jackson.core.Base64Variant,java.io.InputStream,int)",
            "writeEmbeddedObject(java.lang.Object)", "writeObjectId(java.lang.Object)",
            "writeObjectRef(java.lang.Object)", "writeTypeId(java.lang.Object)",
            "writeTypePrefix(tools.jackson.core.type.WritableTypeId)",
            "writeTypeSuffix(tools.jackson.core.type.WritableTypeId)",
            "writeOmittedProperty(java.lang.String)", "writePOJO(java.lang.Object)",
            "writeTree(tools.jackson.core.TreeNode)",
            "copyCurrentEvent(tools.jackson.core.JsonParser)",
            "copyCurrentEventExact(tools.jackson.core.JsonParser)",
            "copyCurrentStructure(tools.jackson.core.JsonParser)",
            "copyCurrentStructureExact(tools.jackson.core.JsonParser)");

    @Test
    void everyWriteMethodOfTheGenerator_isCheckedOrSafeAsDelegated() {
        Set<String> unchecked = new TreeSet<>();
        for (Method m : JsonGenerator.class.getMethods()) {
            boolean writes = m.getName().startsWith("write") || m.getName().startsWith("copy");
            if (!writes || Modifier.isFinal(m.getModifiers())) {
                continue;
            }
            String signature = m.getName() + "(" + String.join(",", Arrays.stream(
                    m.getParameterTypes()).map(Class::getTypeName).toList()) + ")";
            try {
                StrictGenerator.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                if (!SAFE_AS_DELEGATED.contains(signature)) {
                    unchecked.add(signature);
                }
            }
        }
        assertEquals(Set.of(), unchecked, "write methods that reach the wrapped generator "
                + "unchecked: override them in StrictGenerator, or list them as safe");
    }

    @Test
    void untypedReads_followKv4jsRule_whateverTheApplicationsMapper() {
        JsonMapper wide = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
        try (KvStore store = KvStore.builder("kv:checked:").objectMapper(wide).open()) {
            store.run("f", kv -> {
                kv.set("k", Arrays.asList(7, 1.5, new BigDecimal("1E+400"),
                        BigInteger.ONE.shiftLeft(64)));
                return null;
            });
            assertEquals(Arrays.asList(7L, 1.5, new BigDecimal("1E+400"),
                    BigInteger.ONE.shiftLeft(64)), store.reader("f").get("k"));
            assertEquals(List.of(BigInteger.valueOf(7), new BigDecimal("1.5"),
                    new BigDecimal("1E+400"), BigInteger.ONE.shiftLeft(64)),
                    store.reader("f").get("k", List.class), "a typed read is the mapper's");
        }
    }

    @Test
    void kv4jsMapper_readsObjectNumberAndTreePositionsExactly() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            store.run("f", kv -> {
                kv.set("k", Map.of("big", new BigDecimal("1E+400"), "n", 7,
                        "d", new BigDecimal("12345678901234567890.10")));
                return null;
            });
            KvReader r = store.reader("f");
            assertEquals(Map.of("big", new BigDecimal("1E+400"), "n", 7L,
                    "d", new BigDecimal("12345678901234567890.10")), r.get("k", Map.class));
            assertEquals(new Holder(new BigDecimal("1E+400"), 7L), r.get("k", Holder.class));
            JsonNode tree = r.get("k", JsonNode.class);
            assertInstanceOf(DecimalNode.class, tree.get("d"));
            assertEquals(new BigDecimal("12345678901234567890.10"), tree.get("d").decimalValue());
            store.run("f", kv -> {
                kv.set("tree", kv.get("k", JsonNode.class));
                return null;
            });
            assertEquals(r.get("k"), r.get("tree"), "a JsonNode read and written back");
        }
    }

    @Test
    void kv4jsMapper_readsNumbersExactlyWhenItBuffersThem() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            store.run("f", kv -> {
                // the type id comes last, so Jackson buffers the amount before it knows the type
                kv.set("k", Map.of("amount", new BigDecimal("1E+400"), "kind", "fee"));
                return null;
            });
            assertEquals(new Fee(new BigDecimal("1E+400")),
                    store.reader("f").get("k", Charge.class));
        }
    }

    /** A record whose components Jackson reads as Object and Number. */
    record Holder(Object big, Number n) {
    }

    /** A polymorphic type whose type id is a property. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes(@JsonSubTypes.Type(value = Fee.class, name = "fee"))
    interface Charge {
    }

    /** A charge of an amount read as Object. */
    record Fee(Object amount) implements Charge {
    }

    @Test
    void aNumberGivenAsTextIsChecked_withTheApplicationsMapperToo() {
        JsonMapper plain = JsonMapper.builder().build();
        try (KvStore store = KvStore.builder("kv:checked:").objectMapper(plain).open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.run("f", kv -> {
                        kv.set("k", new AsText("NaN"));
                        return null;
                    }));
            assertTrue(e.getMessage().contains("does not read back"), e.getMessage());
            store.run("f", kv -> {
                kv.set("k", new AsText("1e400"));
                return null;
            });
            assertEquals(new BigDecimal("1e400"), store.reader("f").get("k"));
        }
    }

    /** A number that writes itself as the text it was given. */
    record AsText(String text) implements JacksonSerializable {
        @Override
        public void serialize(JsonGenerator g, SerializationContext context) {
            g.writeNumber(text);
        }

        @Override
        public void serializeWithType(JsonGenerator g, SerializationContext context,
                TypeSerializer types) {
            serialize(g, context);
        }
    }

    @Test
    void primitiveArraysCountTowardsTheNestingLimit_whateverTheMappersOwnLimit() {
        JsonMapper deep = JsonMapper.builder(JsonFactory.builder().streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(5000).build()).build()).build();
        Object value = new int[] {1};
        for (int i = 0; i < Json.MAX_NESTING; i++) {
            value = new ArrayList<>(List.of(value));
        }
        Object tooDeep = value;
        try (KvStore store = KvStore.builder("kv:checked:").objectMapper(deep).open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.run("f", kv -> {
                        kv.set("k", tooDeep);
                        return null;
                    }));
            assertTrue(e.getMessage().contains("nests deeper than 1000"), e.getMessage());
        }
    }
}
