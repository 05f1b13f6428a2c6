package io.inetkit.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code .netrc} file: credentials per host, as curl ({@code -n}) and Python's
 * {@code netrc} module read them.
 *
 * <p>Grammar. Words are separated by any whitespace, so an entry may span lines or share one.
 * {@code machine NAME} starts an entry; {@code default} starts the entry used when no machine
 * matches and must be the last entry. In an entry, {@code login} (or {@code user}),
 * {@code password} and {@code account} each take the next word. {@code macdef NAME} skips the
 * rest of its line and the following lines up to an empty line (or the end of the file).
 * Keywords are case-insensitive (as curl). A word that starts with {@code #} where a keyword is
 * expected starts a comment up to the end of the line (as curl; Python only at some places);
 * where a value is expected it is the value ({@code password #x} is "#x", as Python; curl would
 * skip it). A word starting with {@code "} is quoted: it ends at the next unescaped {@code "}
 * on the same line, and &#92;n, &#92;r and &#92;t stand for those controls and a
 * backslash before any other character stands for that character (curl 7.84+; Python 3.11
 * takes {@code \n} as "n"). Outside quotes a backslash is literal (<code>login DOMAIN&#92;user</code>,
 * as curl; Python drops it). A keyword where none is expected is an error (curl ignores it).
 *
 * <p>Lookup. {@link #find(String)} takes the first {@code machine} entry whose name equals the
 * host ignoring ASCII case (curl; Python: exact case and the last such entry), else the
 * {@code default} entry.
 *
 * <p>Bounds: {@value #MAX_SIZE} bytes, words of {@value #MAX_WORD} characters, {@value #MAX_ENTRIES}
 * entries. A file that breaks them or the grammar is a {@link NetrcException} naming the line,
 * never the offending word.
 */
public final class Netrc {
    /** The largest file read, in bytes. */
    public static final int MAX_SIZE = 1 << 20;
    /** The longest word, in characters. */
    public static final int MAX_WORD = 4096;
    /** The most entries in one file. */
    public static final int MAX_ENTRIES = 10_000;

    private final List<NetrcEntry> entries;

    private Netrc(List<NetrcEntry> entries) {
        this.entries = entries;
    }

    /**
     * Parses {@code .netrc} text.
     *
     * @param text the file's content
     * @return the entries
     * @throws NetrcException if the text is malformed or too large
     */
    public static Netrc parse(String text) throws NetrcException {
        Objects.requireNonNull(text, "text");
        return new Netrc(NetrcParser.parse(text));
    }

    /**
     * Reads and parses a file (UTF-8) without checking its permissions, as curl does.
     *
     * @param file the file
     * @return the entries
     * @throws NoSuchFileException if the file does not exist
     * @throws NetrcException if the file is malformed, too large or not UTF-8
     * @throws IOException if it cannot be read
     */
    public static Netrc load(Path file) throws IOException {
        return load(file, NetrcFileCheck.NONE);
    }

    /**
     * Reads and parses a file (UTF-8), checking its owner and permissions when asked.
     *
     * @param file the file
     * @param check {@link NetrcFileCheck#OWNER_ONLY} for a file found by default ({@code ~/.netrc})
     * @return the entries
     * @throws NoSuchFileException if the file does not exist
     * @throws NetrcException if the file is malformed, too large, not UTF-8, or fails the check
     * @throws IOException if it cannot be read
     */
    public static Netrc load(Path file, NetrcFileCheck check) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(check, "check");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SIZE + 1);
        }
        if (bytes.length > MAX_SIZE) {
            throw new NetrcException(file + " is larger than " + MAX_SIZE + " bytes", 0);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new NetrcException(file + " is not UTF-8 text", 0);
        }
        Netrc netrc;
        try {
            netrc = parse(text);
        } catch (NetrcException e) {
            throw new NetrcException(file + ": " + e.getMessage(), e.line());
        }
        if (check == NetrcFileCheck.OWNER_ONLY && netrc.holdsSecrets()) {
            checkPrivate(file);
        }
        return netrc;
    }

    /** @return every entry in file order, the default entry (if any) last */
    public List<NetrcEntry> entries() {
        return entries;
    }

    /**
     * Finds the credentials for a host.
     *
     * @param host a host name or IP address (without brackets), compared ignoring ASCII case
     * @return the first machine entry for the host, else the default entry, else empty
     */
    public Optional<NetrcEntry> find(String host) {
        Objects.requireNonNull(host, "host");
        return entries.stream().filter(e -> e.machine().filter(host::equalsIgnoreCase).isPresent()).findFirst()
                .or(this::defaultEntry);
    }

    /**
     * Finds the credentials for a host and a given login (a URL with a user but no password).
     *
     * @param host a host name or IP address (without brackets), compared ignoring ASCII case
     * @param login the login, compared exactly
     * @return the first machine entry for the host with that login, else the default entry when
     *     its login is that login, else empty
     */
    public Optional<NetrcEntry> find(String host, String login) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(login, "login");
        return entries.stream().filter(e -> e.machine().filter(host::equalsIgnoreCase).isPresent()
                        && e.login().filter(login::equals).isPresent()).findFirst()
                .or(() -> defaultEntry().filter(e -> e.login().filter(login::equals).isPresent()));
    }

    private Optional<NetrcEntry> defaultEntry() {
        return entries.isEmpty() || !entries.getLast().isDefault() ? Optional.empty() : Optional.of(entries.getLast());
    }

    /** Python checks unless every login is anonymous; we check only entries that hold a secret. */
    private boolean holdsSecrets() {
        return entries.stream().anyMatch(e -> (e.password().isPresent() || e.account().isPresent())
                && !e.login().filter("anonymous"::equals).isPresent());
    }

    private static void checkPrivate(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // no POSIX permissions here (Windows): Python skips the check too
        }
        PosixFileAttributes attrs = view.readAttributes();
        String owner = attrs.owner().getName();
        String user = System.getProperty("user.name"); // from getpwuid(getuid()) on POSIX, not the environment
        if (!owner.equals(user)) {
            throw new NetrcException(file + " holds passwords but is owned by " + owner + ", not by " + user, 0);
        }
        boolean open = attrs.permissions().stream().anyMatch(p -> switch (p) {
            case OWNER_READ, OWNER_WRITE, OWNER_EXECUTE -> false;
            default -> true;
        });
        if (open) {
            throw new NetrcException(file + " holds passwords but other users may access it"
                    + " (permissions " + PosixFilePermissions.toString(attrs.permissions())
                    + "): make it private with chmod 600", 0);
        }
    }
}
