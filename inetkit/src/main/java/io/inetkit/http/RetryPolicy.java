package io.inetkit.http;

/** placeholder */
public record RetryPolicy(int maxRetries) {
}
