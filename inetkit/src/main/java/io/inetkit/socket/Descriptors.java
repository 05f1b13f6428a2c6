package io.inetkit.socket;

import java.lang.reflect.Method;
import java.nio.channels.Channel;

/**
 * Reaches a channel's OS file descriptor. The JDK keeps it in the internal
 * {@code sun.nio.ch} package, which is reachable only when the JVM was started with
 * {@code --add-opens java.base/sun.nio.ch=io.inetkit} (or {@code =ALL-UNNAMED} on the class
 * path). Without it, the answer is -1; no warning is printed.
 */
final class Descriptors {
    private Descriptors() {
    }

    static int of(Channel channel) {
        if (channel == null || !channel.isOpen()) {
            return -1;
        }
        for (Class<?> c = channel.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod("getFDVal");
                if (!m.trySetAccessible()) {
                    return -1;
                }
                return (Integer) m.invoke(channel);
            } catch (NoSuchMethodException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return -1;
            }
        }
        return -1;
    }
}
