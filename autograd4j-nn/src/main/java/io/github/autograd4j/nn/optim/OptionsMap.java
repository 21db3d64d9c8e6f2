package io.github.autograd4j.nn.optim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An options record as the string-keyed map a state dict stores, and back: each field under its
 * name in snake case ({@code weightDecay} as {@code "weight_decay"}, PyTorch's names), in the
 * record's order, doubles as they are and booleans as 1 or 0. The one place where option names
 * are strings.
 */
final class OptionsMap {

    private OptionsMap() {
    }

    /** The options by name, in the record's order. */
    static Map<String, Double> of(Object options) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (RecordComponent c : components(options.getClass())) {
            Object value = invoke(c, options);
            map.put(snakeCase(c.getName()), value instanceof Boolean b ? (b ? 1.0 : 0.0) : (Double) value);
        }
        return map;
    }

    /** The names of the options of records of {@code type}, in order. */
    static List<String> names(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components(type)) {
            names.add(snakeCase(c.getName()));
        }
        return names;
    }

    /**
     * A record of {@code type} from {@code values}, which holds every name of {@link #names}.
     *
     * @param where names the optimiser in messages
     * @throws IllegalArgumentException when a switch is neither 0 nor 1
     */
    static <O> O from(Class<O> type, Map<String, Double> values, String where) {
        RecordComponent[] components = components(type);
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = snakeCase(components[i].getName());
            double value = values.get(name);
            types[i] = components[i].getType();
            if (types[i] == boolean.class) {
                if (value != 0.0 && value != 1.0) {
                    throw new IllegalArgumentException(where + ": " + name + " is a switch and must be 0 (off) or 1 (on), got " + value);
                }
                args[i] = value == 1.0;
            } else {
                args[i] = value;
            }
        }
        try {
            Constructor<O> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(type.getSimpleName() + ": its constructor failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + ": cannot call its canonical constructor", e);
        }
    }

    private static RecordComponent[] components(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalStateException(type.getName() + ": optimiser options must be a record");
        }
        for (RecordComponent c : components) {
            if (c.getType() != double.class && c.getType() != boolean.class) {
                throw new IllegalStateException(type.getName() + ": option '" + c.getName() + "' is a " + c.getType()
                        + "; options are doubles and booleans");
            }
        }
        return components;
    }

    private static Object invoke(RecordComponent c, Object options) {
        try {
            return c.getAccessor().invoke(options);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(options.getClass().getSimpleName() + ": cannot read option '" + c.getName() + "'", e);
        }
    }

    /** {@code weightDecay} as {@code weight_decay}. */
    static String snakeCase(String camelCase) {
        StringBuilder s = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                s.append('_').append(Character.toLowerCase(c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
