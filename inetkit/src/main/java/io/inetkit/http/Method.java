package io.inetkit.http;

import java.util.Objects;

/**
 * An HTTP request method (RFC 9110 §9): a case-sensitive token. The standard methods are
 * constants; extension methods (e.g. {@code PROPFIND}) are made with {@link #of(String)}.
 *
 * @param name the method token, e.g. {@code GET}
 */
public record Method(String name) {

    /** GET: safe and idempotent. */
    public static final Method GET = new Method("GET");
    /** HEAD: like GET without a body in the response. */
    public static final Method HEAD = new Method("HEAD");
    /** POST: neither safe nor idempotent. */
    public static final Method POST = new Method("POST");
    /** PUT: idempotent. */
    public static final Method PUT = new Method("PUT");
    /** DELETE: idempotent. */
    public static final Method DELETE = new Method("DELETE");
    /** OPTIONS: safe and idempotent. */
    public static final Method OPTIONS = new Method("OPTIONS");
    /** TRACE: safe and idempotent. */
    public static final Method TRACE = new Method("TRACE");
    /** PATCH (RFC 5789): neither safe nor idempotent. */
    public static final Method PATCH = new Method("PATCH");
    /** CONNECT: opens a tunnel (used by the client for HTTPS proxies). */
    public static final Method CONNECT = new Method("CONNECT");

    // equals and hashCode written out: a record's generated ones link through invokedynamic
    // (ObjectMethods), which spins classes at run time that the JDK's AOT cache does not hold
    // (~7 classes on the first request of every `inet get`).

    /** @return true if {@code o} is a method with the same (case-sensitive) name */
    @Override
    public boolean equals(Object o) {
        return o instanceof Method other && name.equals(other.name);
    }

    /** @return the name's hash code */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * Validates the token.
     *
     * @throws IllegalArgumentException if the name is not a token
     */
    public Method {
        Objects.requireNonNull(name, "name");
        if (!HttpSyntax.isToken(name)) {
            throw new IllegalArgumentException("invalid method " + HttpSyntax.quote(name) + ": must be a token");
        }
    }

    /**
     * Returns the method with this name.
     *
     * @param name a token such as {@code GET} or {@code PROPFIND}
     * @return the method
     */
    public static Method of(String name) {
        return switch (name) {
            case "GET" -> GET;
            case "HEAD" -> HEAD;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "DELETE" -> DELETE;
            default -> new Method(name);
        };
    }

    /** @return true for methods that change nothing on the server (GET, HEAD, OPTIONS, TRACE) */
    public boolean isSafe() {
        return switch (name) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }

    /** @return true for methods that may be repeated with the same effect (safe ones, PUT, DELETE) */
    public boolean isIdempotent() {
        return isSafe() || name.equals("PUT") || name.equals("DELETE");
    }

    /** @return the token */
    @Override
    public String toString() {
        return name;
    }
}
