package io.inetkit.http;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The HTML and JSON listings of a directory served by {@link StaticFiles}. */
final class DirectoryListing {

    /** One entry. */
    record Entry(String name, boolean directory, long size, long modifiedMillis) {}

    private DirectoryListing() {}

    /** Lists a directory, leaving out entries (symlinks) that lead outside the root; at most {@code max} entries. */
    static List<Entry> list(Path dir, Path realRoot, int max) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (out.size() >= max) {
                    break;
                }
                try {
                    Path real = p.toRealPath();
                    if (!real.startsWith(realRoot)) {
                        continue;
                    }
                    BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    out.add(new Entry(p.getFileName().toString(), a.isDirectory(), a.size(), a.lastModifiedTime().toMillis()));
                } catch (IOException e) {
                    // a dangling link or an entry removed meanwhile: not listed
                }
            }
        }
        out.sort(Comparator.comparing(Entry::name));
        return out;
    }

    static String html(String displayPath, List<Entry> entries) {
        StringBuilder sb = new StringBuilder(256 + entries.size() * 96);
        String title = "Index of " + escapeHtml(displayPath);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body><h1>").append(title).append("</h1>\n<ul>\n");
        if (!displayPath.equals("/")) {
            sb.append("<li><a href=\"../\">../</a></li>\n");
        }
        for (Entry e : entries) {
            String name = e.name() + (e.directory() ? "/" : "");
            sb.append("<li><a href=\"").append(escapeHtml(encodeSegment(e.name()) + (e.directory() ? "/" : ""))).append("\">")
                    .append(escapeHtml(name)).append("</a></li>\n");
        }
        return sb.append("</ul></body></html>\n").toString();
    }

    static String json(List<Entry> entries) {
        StringBuilder sb = new StringBuilder(16 + entries.size() * 96).append('[');
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("{\"name\":\"").append(escapeJson(e.name())).append("\",\"type\":\"")
                    .append(e.directory() ? "directory" : "file").append("\",\"size\":").append(e.directory() ? 0 : e.size())
                    .append(",\"modified\":\"").append(Instant.ofEpochMilli(e.modifiedMillis())).append("\"}");
        }
        return sb.append("\n]\n").toString();
    }

    static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String escapeJson(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Percent-encodes a name for use as one path segment of a link. */
    static String encodeSegment(String name) {
        StringBuilder sb = new StringBuilder(name.length() + 8);
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
