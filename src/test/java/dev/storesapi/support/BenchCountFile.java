package dev.storesapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/** A counter that bench/ scripts read from a file while it grows; replaced atomically, so never seen empty. */
final class BenchCountFile {

    private final Path file;
    private final AtomicLong count = new AtomicLong();

    BenchCountFile(Path file) throws IOException {
        this.file = file;
        Files.writeString(file, "0");
    }

    synchronized void increment() {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.writeString(next, Long.toString(count.incrementAndGet()));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
