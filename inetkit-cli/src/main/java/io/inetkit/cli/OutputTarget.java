package io.inetkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where {@code inet get} writes: stdout, or a file (-o, -O), opened only when data arrives. */
final class OutputTarget {
    private final Path file;
    private final OutputStream stdout;
    private final boolean createDirs;

    private OutputTarget(Path file, OutputStream stdout, boolean createDirs) {
        this.file = file;
        this.stdout = stdout;
        this.createDirs = createDirs;
    }

    static OutputTarget stdout(OutputStream stdout) {
        return new OutputTarget(null, stdout, false);
    }

    static OutputTarget file(Path file) {
        return file(file, false);
    }

    /** A file; with {@code createDirs} (curl's --create-dirs) its missing parent folders are made when it is opened. */
    static OutputTarget file(Path file, boolean createDirs) {
        return new OutputTarget(file, null, createDirs);
    }

    /**
     * curl's -O: the URL's last path segment, refused when it is empty or could leave the
     * current directory.
     */
    static Path remoteName(URI uri) throws TransferFailure {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0 || name.startsWith("-")) {
            throw new TransferFailure(ExitCode.WRITE_ERROR, "the URL has no usable file name for -O"
                    + (name.isEmpty() ? "" : ": \"" + name + "\"") + "; use -o FILE", null);
        }
        return Path.of(name);
    }

    /** @return the file, or null for stdout */
    Path file() {
        return file;
    }

    /** @return the size of an existing file to resume from, 0 if none */
    long existingSize() throws IOException {
        return file != null && Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    /** Opens the target; a file is truncated unless {@code append}. */
    GuardedOutput open(boolean append) throws TransferFailure {
        if (file == null) {
            return new GuardedOutput(stdout, "stdout", false);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (createDirs && parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream out = append
                    ? Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newOutputStream(file);
            return new GuardedOutput(out, file.toString(), true);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "no such directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : String.valueOf(e.getMessage());
            throw new TransferFailure(ExitCode.WRITE_ERROR, "could not open " + file + " for writing: " + why, e);
        }
    }
}
