package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API names only what applications are meant to use: no public or protected signature of
 * kv-api names a type of the SPI ({@code io.kv4j.spi}), which is the vendors' contract. Types
 * both sides share live in {@code io.kv4j.common}.
 */
class ApiSignatureTest {

    private static final String SPI = "io.kv4j.spi.";

    @Test
    void noPublicSignatureOfTheApiNamesAnSpiType() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> types = apiTypes();
        assertTrue(types.contains(KvStore.class) && types.contains(KvConflictException.class),
                "the API's classes were found: " + types);
        for (Class<?> c : types) {
            leaks.addAll(leaks(c));
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void theCheckSeesAnSpiTypeInASignature() {
        abstract class Leaky {
            public abstract io.kv4j.spi.KvBackend backend();
        }
        assertEquals(List.of(Leaky.class.getName() + ".backend() returns "
                + "io.kv4j.spi.KvBackend"), leaks(Leaky.class));
    }

    /** The SPI types that public and protected members of a type name. */
    private static List<String> leaks(Class<?> c) {
        List<String> out = new ArrayList<>();
        check(out, c.getName() + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) {
            check(out, c.getName() + " implements", t);
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f.getModifiers())) {
                check(out, c.getName() + "." + f.getName(), f.getGenericType());
            }
        }
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
        members.addAll(List.<Constructor<?>>of(c.getDeclaredConstructors()));
        for (Executable m : members) {
            if (!visible(m.getModifiers()) || m.isSynthetic()) {
                continue;
            }
            String name = c.getName() + "." + (m instanceof Method ? m.getName() : "<init>") + "()";
            if (m instanceof Method method) {
                check(out, name + " returns", method.getGenericReturnType());
            }
            for (Type p : m.getGenericParameterTypes()) {
                check(out, name + " takes", p);
            }
            for (Type e : m.getGenericExceptionTypes()) {
                check(out, name + " throws", e);
            }
        }
        return out;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> out, String where, Type type) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> k) {
            if (k.isArray()) {
                check(out, where, k.getComponentType());
            } else if (k.getName().startsWith(SPI)) {
                out.add(where + " " + k.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(out, where, p.getRawType());
            for (Type a : p.getActualTypeArguments()) {
                check(out, where, a);
            }
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> check(out, where, b));
        } else if (type instanceof GenericArrayType g) {
            check(out, where, g.getGenericComponentType());
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(out, where, b);
            }
        }
    }

    /** The public types of kv-api: its classes, read from where KvStore was loaded. */
    private static List<Class<?>> apiTypes() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path root = Path.of(KvStore.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replace('\\', '.');
                if (name.equals("module-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(name.substring(0, name.length() - 6), false,
                        ApiSignatureTest.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers()) && isExported(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Whether a class is public all the way out, as a nested one must be to be used. */
    private static boolean isExported(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
