package io.github.autograd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds static state that threads could share and change, for the thread-safety contract of the
 * package javadocs: in every class of a module's main output, a static field that is not final,
 * or that holds a modifiable collection, or a non-empty array that other classes can reach (a
 * private one is a table of constants its class only reads). A final field holding any other
 * object passes: per-thread state ({@link ThreadLocal}) and atomic counters, which the contract
 * names, and immutable values.
 */
public final class StaticState {

    private StaticState() {
    }

    /** The static fields of the classes compiled with {@code anchor} that could be shared mutable state. */
    public static List<String> mutableStatics(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                if (!name.endsWith("package-info.class") && !name.endsWith("module-info.class")) {
                    found.addAll(mutableFields(Class.forName(name.substring(0, name.length() - ".class".length()),
                            false, anchor.getClassLoader())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static List<String> mutableFields(Class<?> c) {
        List<String> found = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || f.isEnumConstant()) {
                continue;
            }
            String where = c.getName() + "." + f.getName();
            if (!Modifier.isFinal(f.getModifiers())) {
                found.add(where + " is not final");
                continue;
            }
            Object value = valueOf(f);
            if (value != null && value.getClass().isArray() && Array.getLength(value) > 0 && !Modifier.isPrivate(f.getModifiers())) {
                found.add(where + " is an array of " + Array.getLength(value));
            } else if ((value instanceof Collection || value instanceof Map) && modifiable(value)) {
                found.add(where + " is a modifiable " + value.getClass().getName());
            }
        }
        return found;
    }

    private static Object valueOf(Field f) {
        try {
            f.setAccessible(true);
            return f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True unless {@code value} is one of the JDK's unmodifiable collections. */
    private static boolean modifiable(Object value) {
        String type = value.getClass().getName();
        return !(type.startsWith("java.util.ImmutableCollections") || type.startsWith("java.util.Collections$Unmodifiable")
                || type.startsWith("java.util.Collections$Empty"));
    }
}
