package io.inetkit.bench.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Deterministic protocol input for the text benchmarks, built once per trial in memory. */
final class Inputs {

    private Inputs() {
    }

    private static final String[] WORDS = {
        "the", "server", "message", "header", "line", "reply", "mailbox", "of", "and", "to", "a",
        "Received:", "from", "with", "ESMTP", "id", "for", "is", "this", "that", "quoted-printable",
        "Lorem", "ipsum", "dolor", "sit", "amet,", "consectetur", "adipiscing", "elit.", "=20",
    };

    /**
     * A server's reply stream: a {@code 220} greeting, then {@code replies} replies, one in
     * five an EHLO-style multi-line reply of 8 lines, the rest single lines from a small set.
     */
    static byte[] replies(int replies) {
        StringBuilder sb = new StringBuilder("220 mx.example.org ESMTP ready\r\n");
        String[] single = {
            "250 OK\r\n",
            "250 2.1.0 Sender <alice@example.org> OK\r\n",
            "354 End data with <CR><LF>.<CR><LF>\r\n",
            "250 2.0.0 Ok: queued as 4F2A91C03B\r\n",
        };
        String ehlo = "250-mx.example.org Hello client.example.net [192.0.2.7]\r\n"
                + "250-PIPELINING\r\n"
                + "250-SIZE 52428800\r\n"
                + "250-8BITMIME\r\n"
                + "250-ENHANCEDSTATUSCODES\r\n"
                + "250-AUTH PLAIN LOGIN\r\n"
                + "250-STARTTLS\r\n"
                + "250 SMTPUTF8\r\n";
        for (int i = 0; i < replies; i++) {
            sb.append(i % 5 == 0 ? ehlo : single[i % single.length]);
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Number of replies in {@link #replies(int)} including the greeting. */
    static int replyCount(int replies) {
        return replies + 1;
    }

    /**
     * A dot-stuffed body of about {@code size} bytes (before stuffing) plus the final
     * {@code .} line: text lines of 20 to 76 characters, about one in fifty starting with a
     * (stuffed) dot, some empty lines, CRLF line ends.
     */
    static byte[] dotBody(int size) {
        SplittableRandom random = new SplittableRandom(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + size / 20);
        int content = 0;
        StringBuilder line = new StringBuilder(80);
        while (content < size) {
            line.setLength(0);
            int r = random.nextInt(50);
            if (r == 0) {
                line.append('.'); // a content line that starts with a dot, e.g. ". . . continued"
            }
            if (r != 1) { // r == 1: an empty line (paragraph break)
                int target = 20 + random.nextInt(57);
                while (line.length() < target) {
                    if (!line.isEmpty() && line.charAt(line.length() - 1) != '.') {
                        line.append(' ');
                    }
                    line.append(WORDS[random.nextInt(WORDS.length)]);
                }
            }
            content += line.length() + 2;
            if (line.length() > 0 && line.charAt(0) == '.') {
                out.write('.'); // stuffing
            }
            out.writeBytes(line.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The number of content bytes in a {@link #dotBody(int)} (what a reader must return). */
    static long dotBodyContent(byte[] stuffed) {
        long n = 0;
        boolean bol = true;
        for (int i = 0; i < stuffed.length - 3; i++) {
            if (!(bol && stuffed[i] == '.')) {
                n++;
            }
            bol = stuffed[i] == '\n';
        }
        return n;
    }

    /** A mail/news header block of 20 fields, 5 of them folded, then the empty line. */
    static byte[] headerBlock() {
        String s = "Return-Path: <alice@example.org>\r\n"
                + "Received: from client.example.net (client.example.net [192.0.2.7])\r\n"
                + "\tby mx.example.org (Postfix) with ESMTPS id 4F2A91C03B\r\n"
                + "\tfor <bob@example.com>; Wed, 25 Nov 2026 13:00:00 +0000 (UTC)\r\n"
                + "Received: from [10.0.0.5] (unknown [10.0.0.5])\r\n"
                + "\tby client.example.net (Postfix) with ESMTPSA id 1A2B3C\r\n"
                + "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=mail;\r\n"
                + "\th=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n"
                + "\tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZSBidXQgaXQgaGFzIHRoZSBzYW1lIHNoYXBl\r\n"
                + "Message-ID: <20261125130000.4F2A91C03B@example.org>\r\n"
                + "Date: Wed, 25 Nov 2026 13:00:00 +0000\r\n"
                + "From: Alice Example <alice@example.org>\r\n"
                + "To: Bob Example <bob@example.com>, Carol Example <carol@example.com>,\r\n"
                + " Dave Example <dave@example.com>\r\n"
                + "Cc: list@lists.example.net\r\n"
                + "Subject: Re: the quarterly numbers and the plan for the next release of\r\n"
                + " the toolkit\r\n"
                + "In-Reply-To: <20261124090000.77AA@example.com>\r\n"
                + "References: <20261124090000.77AA@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8; format=flowed\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "User-Agent: inetkit-bench/0.1\r\n"
                + "X-Spam-Status: No, score=-0.1 required=5.0\r\n"
                + "Newsgroups: comp.lang.java.programmer\r\n"
                + "Path: news.example.net!not-for-mail\r\n"
                + "Lines: 42\r\n"
                + "\r\n";
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
