package io.inetkit.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One execution of a request, which can be canceled from another thread. Made by
 * {@link HttpClient#newCall(HttpRequest)}; executed once.
 *
 * <pre>{@code
 * HttpCall call = client.newCall(request);
 * // on another thread: call.cancel();
 * try (HttpResponse r = call.execute()) { ... }   // CallCanceledException if canceled
 * }</pre>
 *
 * <p>Cancelling, or passing the whole-call deadline ({@link HttpRequest#timeout()} or the
 * client's call timeout), closes the connection in use: a blocked connect, write or read ends at
 * once with {@link CallCanceledException} or {@link CallTimeoutException}. The deadline covers
 * reading the body of the final response too.
 */
public final class HttpCall {

    private final HttpClient client;
    private final HttpRequest request;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private HttpConnection connection;
    private ResponseBodyStream lastBody;
    private ClientTimer.Task deadline;
    private Duration timeout;
    private boolean executed;
    private boolean returned;
    private volatile boolean canceled;
    private volatile boolean timedOut;

    HttpCall(HttpClient client, HttpRequest request) {
        this.client = client;
        this.request = request;
    }

    /** @return the original request */
    public HttpRequest request() {
        return request;
    }

    /**
     * Sends the request through the interceptor chain and returns the final response.
     *
     * @return the response; close it
     * @throws IOException if the call fails, is canceled or times out
     * @throws IllegalStateException if the call was already executed or the client is closed
     */
    public HttpResponse execute() throws IOException {
        lock.lock();
        try {
            if (executed) {
                throw new IllegalStateException("this call was already executed; make a new one with HttpClient.newCall");
            }
            executed = true;
            timeout = request.timeout() != null ? request.timeout() : client.callTimeout();
            if (timeout != null && !canceled) {
                deadline = client.schedule(this::onDeadline, timeout.toNanos());
            }
        } finally {
            lock.unlock();
        }
        try {
            checkNotCanceled();
            HttpResponse response = new RealChain(client.links(), 0, request, this).proceed(request);
            lock.lock();
            try {
                returned = true;
                if (lastBody == null || lastBody.isDone()) {
                    stopDeadline();
                }
            } finally {
                lock.unlock();
            }
            return response;
        } catch (IOException e) {
            stopDeadline();
            throw translate(e);
        } catch (RuntimeException | Error e) {
            stopDeadline();
            throw e;
        }
    }

    /** Cancels the call: closes its connection; the executing thread gets {@link CallCanceledException}. */
    public void cancel() {
        canceled = true;
        HttpConnection c;
        lock.lock();
        try {
            c = connection;
            stopDeadline();
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
        if (c != null) {
            c.close();
        }
    }

    /** @return true once {@link #cancel()} was called */
    public boolean isCanceled() {
        return canceled;
    }

    private void onDeadline() {
        timedOut = true;
        HttpConnection c;
        lock.lock();
        try {
            c = connection;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
        if (c != null) {
            c.close();
        }
    }

    private void stopDeadline() {
        lock.lock();
        try {
            if (deadline != null) {
                deadline.cancel();
                deadline = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Registers the connection now in use so cancel and the deadline can close it. */
    void attach(HttpConnection c) throws IOException {
        lock.lock();
        try {
            connection = c;
        } finally {
            lock.unlock();
        }
        if (canceled || timedOut) {
            c.close();
            checkNotCanceled();
        }
    }

    /** Forgets the connection once the call no longer uses it (it may go back to the pool). */
    void detach(HttpConnection c) {
        lock.lock();
        try {
            if (connection == c) {
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Registers the body stream of the latest response. */
    void bodyCreated(ResponseBodyStream body) {
        lock.lock();
        try {
            lastBody = body;
        } finally {
            lock.unlock();
        }
    }

    /** The body of a response finished (read or closed): the deadline ends with the final one. */
    void bodyDone(ResponseBodyStream body) {
        lock.lock();
        try {
            if (returned && body == lastBody) {
                stopDeadline();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits between retries; cancel and the deadline end the wait at once.
     *
     * @throws IOException if the call was canceled, timed out, or the thread interrupted
     */
    void pause(Duration d) throws IOException {
        long nanos = d.toNanos();
        lock.lock();
        try {
            while (nanos > 0 && !canceled && !timedOut) {
                nanos = wakeUp.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to retry " + request);
        } finally {
            lock.unlock();
        }
        checkNotCanceled();
    }

    /** @throws IOException if the call was canceled or timed out */
    void checkNotCanceled() throws IOException {
        if (timedOut) {
            throw timeoutException(null);
        }
        if (canceled) {
            throw new CallCanceledException("the call " + request + " was canceled");
        }
    }

    boolean isCanceledOrTimedOut() {
        return canceled || timedOut;
    }

    /** Replaces an I/O error caused by cancel or the deadline with the exception that says so. */
    IOException translate(IOException e) {
        if (e instanceof CallTimeoutException || e instanceof CallCanceledException) {
            return e;
        }
        if (timedOut) {
            return timeoutException(e);
        }
        if (canceled) {
            CallCanceledException c = new CallCanceledException("the call " + request + " was canceled");
            c.initCause(e);
            return c;
        }
        return e;
    }

    private CallTimeoutException timeoutException(IOException cause) {
        CallTimeoutException t = new CallTimeoutException("the call " + request + " did not complete within "
                + (timeout == null ? "its deadline" : timeout.toMillis() + " ms"));
        if (cause != null) {
            t.initCause(cause);
        }
        return t;
    }

    @Override
    public String toString() {
        return "HttpCall[" + request + "]";
    }
}
