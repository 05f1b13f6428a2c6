package io.inetkit.xmlrpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes XML-RPC methods of an object's public methods. Only the public, non-static methods
 * that {@code type.getMethods()} lists (inherited ones included; those of {@code Object}
 * excluded even where overridden, such as {@code toString}) become methods,
 * each under {@code prefix.name}: a call name is looked up in a map, never resolved by
 * walking dotted names through attributes (the hole of Python's CVE-2005-0089).
 */
final class ReflectiveMethods {

    private ReflectiveMethods() {
    }

    static Map<String, MethodEntry> of(String prefix, Class<?> type, Object target,
            boolean extensions) {
        if (!type.isInstance(target)) {
            throw new IllegalArgumentException(target.getClass().getName()
                    + " is not a " + type.getName());
        }
        Map<String, MethodEntry> entries = new LinkedHashMap<>();
        for (Method m : type.getMethods()) {
            if (overridesObject(m) || Modifier.isStatic(m.getModifiers())
                    || m.isSynthetic() || m.isBridge()) {
                continue;
            }
            String name = prefix.isEmpty() ? m.getName() : prefix + "." + m.getName();
            if (entries.containsKey(name)) {
                throw new IllegalArgumentException("method " + name + " is overloaded in "
                        + type.getName() + "; XML-RPC has no overloading");
            }
            if (!m.canAccess(target) && !m.trySetAccessible()) {
                throw new IllegalArgumentException("cannot call " + type.getName() + "."
                        + m.getName() + ": make the type public and its package exported to"
                        + " io.inetkit, or register a public interface it implements");
            }
            entries.put(name, new MethodEntry(invoker(name, m, target, extensions), "",
                    List.of(signature(m))));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no public methods");
        }
        return entries;
    }

    /** Object's methods (toString, equals, ...) stay private even where overridden. */
    private static boolean overridesObject(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static XmlRpcMethod invoker(String name, Method m, Object target,
            boolean extensions) {
        Type[] types = m.getGenericParameterTypes();
        return params -> {
            if (params.size() != types.length) {
                throw new XmlRpcFault(FaultCodes.INVALID_PARAMS, name + " takes "
                        + types.length + " parameter(s), got " + params.size());
            }
            Object[] args = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                try {
                    args[i] = JavaTypes.convert(params.get(i), types[i]);
                } catch (JavaTypes.MismatchException e) {
                    throw new XmlRpcFault(FaultCodes.INVALID_PARAMS,
                            "parameter " + (i + 1) + " of " + name + ": " + e.getMessage());
                }
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw (Error) e.getCause();
            }
            if (m.getReturnType() == void.class) {
                // Python's servers answer None; without nil, "true" is the common convention.
                return extensions ? XmlRpcValue.NilValue.INSTANCE : XmlRpcValue.BooleanValue.TRUE;
            }
            try {
                return XmlRpcValue.of(result);
            } catch (IllegalArgumentException e) {
                throw new XmlRpcFault(FaultCodes.INTERNAL_ERROR,
                        "the result of " + name + " has no XML-RPC form");
            }
        };
    }

    private static List<String> signature(Method m) {
        List<String> sig = new ArrayList<>();
        sig.add(m.getReturnType() == void.class ? "nil" : typeName(m.getReturnType()));
        for (Class<?> p : m.getParameterTypes()) {
            sig.add(typeName(p));
        }
        return sig;
    }

    /** The XML-RPC type name of a Java type, "undef" when any value fits. */
    private static String typeName(Class<?> c) {
        if (c == int.class || c == Integer.class || c == short.class || c == Short.class
                || c == byte.class || c == Byte.class) {
            return "int";
        } else if (c == long.class || c == Long.class) {
            return "i8";
        } else if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        } else if (c == double.class || c == Double.class || c == float.class
                || c == Float.class) {
            return "double";
        } else if (c == String.class || c == CharSequence.class || c.isEnum()) {
            return "string";
        } else if (c == byte[].class) {
            return "base64";
        } else if (c == LocalDateTime.class || c == OffsetDateTime.class || c == Instant.class) {
            return "dateTime.iso8601";
        } else if (Map.class.isAssignableFrom(c) || c.isRecord()) {
            return "struct";
        } else if (c.isArray() || Collection.class.isAssignableFrom(c)) {
            return "array";
        }
        return "undef";
    }
}
