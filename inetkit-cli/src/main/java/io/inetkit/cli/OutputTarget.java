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

    private OutputTarget(Path file, OutputStream stdout) {
        this.file = file;
        this.stdout = stdout;
    }

    static OutputTarget stdout(OutputStream stdout) {
        return new OutputTarget(null, stdout);
    }

    static OutputTarget file(Path file) {
        return new OutputTarget(file, null);
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
