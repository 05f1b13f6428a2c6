package io.inetkit.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test inputs: the same bytes delivered whole, one byte per read, and split at every boundary. */
final class Feeds {
    private Feeds() {}

    @FunctionalInterface
    interface Check {
        void run(InputStream in, String how) throws Exception;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Runs the check on every delivery of {@code data}: whole, one byte per read, and split in two at each index. */
    static void everySplit(byte[] data, Check check) throws Exception {
        check.run(new ByteArrayInputStream(data), "whole");
        check.run(new OneByte(data), "one byte per read");
        for (int at = 1; at < data.length; at++) {
            check.run(new Split(data, at), "split at " + at);
        }
    }

    static List<String> lines(LineReader r) throws IOException {
        List<String> out = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
            out.add(line);
        }
        return out;
    }

    /** Returns one byte per read call. */
    static final class OneByte extends InputStream {
        private final byte[] data;
        private int pos;

        OneByte(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }

    /** Never returns bytes across the split point in one read. */
    static final class Split extends InputStream {
        private final byte[] data;
        private final int at;
        private int pos;

        Split(byte[] data, int at) {
            this.data = data;
            this.at = at;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int end = pos < at ? at : data.length;
            int n = Math.min(len, end - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    /** An endless stream: a prefix, then one byte value forever; counts what was consumed. */
    static class Endless extends InputStream {
        private final byte[] prefix;
        private final byte value;
        long consumed;

        Endless(byte[] prefix, byte value) {
            this.prefix = prefix == null ? new byte[0] : prefix;
            this.value = value;
        }

        @Override
        public int read() {
            long i = consumed++;
            return i < prefix.length ? prefix[(int) i] & 0xff : value & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }
}
