package io.lambdaguardrails.sink;

import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reports in a local folder. Each file is written beside its target and moved into place, so no reader sees half a
 * file. Inside the folder nothing is written through a symbolic link (a planted {@code latest} link would carry
 * reports elsewhere); the folder itself may be one, since the user named it. Files get 0640 (the owner and the
 * owner's group) and new folders 0750 by default — or 0600 and 0700 for a {@link #privateTo
 * private} folder, such as the fallback folder.
 */
public final class LocalDirectorySink implements ReportSink {

    /** Taken while {@code latest/} changes hands; stays in the folder, empty. */
    static final String LOCK_FILE = ".latest.lock";

    private static final Set<PosixFilePermission> SHARED_FILE = PosixFilePermissions.fromString("rw-r-----");
    private static final Set<PosixFilePermission> SHARED_FOLDER = PosixFilePermissions.fromString("rwxr-x---");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path root;
    private final Set<PosixFilePermission> filePermissions;
    private final Set<PosixFilePermission> folderPermissions;

    public LocalDirectorySink(Path root) {
        this(root, SHARED_FILE, SHARED_FOLDER);
    }

    private LocalDirectorySink(Path root, Set<PosixFilePermission> files, Set<PosixFilePermission> folders) {
        this.root = root.toAbsolutePath().normalize();
        this.filePermissions = files;
        this.folderPermissions = folders;
    }

    /** A folder only the current user can read: files 0600, folders 0700. */
    public static LocalDirectorySink privateTo(Path root) {
        return new LocalDirectorySink(root, PRIVATE_FILE, PRIVATE_FOLDER);
    }

    public Path root() {
        return root;
    }

    @Override
    public void write(String key, Path file, String contentType) {
        Path target = resolve(key);
        try {
            createFolders(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
            try {
                // Copied beside the target first: the source may be on another file system, where a move is a copy.
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                setPermissions(temporary, filePermissions);
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new SinkException("cannot write " + target + ": " + e, e);
        }
    }

    /** Creates the folders between the root and {@code folder}, refusing any that is a symbolic link. */
    private void createFolders(Path folder) throws IOException {
        if (!Files.exists(root)) {
            Files.createDirectories(root);
            setPermissions(root, folderPermissions);
        }
        Path current = root;
        for (Path name : root.relativize(folder)) {
            current = refuseLink(current.resolve(name));
            if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
                setPermissions(current, folderPermissions);
            }
        }
    }

    /** Every step from the root to {@code path}, {@code path} included, must be no symbolic link. */
    private Path refuseLinks(Path path) {
        Path current = root;
        for (Path name : root.relativize(path)) {
            current = refuseLink(current.resolve(name));
        }
        return path;
    }

    private Path refuseLink(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw new SinkException("refusing to follow the symbolic link " + path + " inside the report folder " + root);
        }
        return path;
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path file = refuseLinks(resolve(key));
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new SinkException("cannot read " + file + ": " + e, e);
        }
    }

    /** The version of a local file is the SHA-256 of its content. */
    @Override
    public Optional<Versioned> readVersioned(String key) {
        return read(key).map(bytes -> new Versioned(bytes, DigestUtils.sha256Hex(bytes)));
    }

    /**
     * Compares and writes under a lock: a JVM-wide one for writers in this process, and a file lock on
     * {@value #LOCK_FILE} in the report folder for other processes.
     */
    @Override
    public boolean writeIfUnchanged(String key, Path file, String contentType, String expectedVersion) {
        Path lockFile = root.resolve(LOCK_FILE);
        synchronized (LocalDirectorySink.class) {
            try {
                Files.createDirectories(root);
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                     FileLock ignored = channel.lock()) {
                    String current = readVersioned(key).map(Versioned::version).orElse(null);
                    if (!Objects.equals(current, expectedVersion)) {
                        return false;
                    }
                    write(key, file, contentType);
                    return true;
                }
            } catch (IOException e) {
                throw new SinkException("cannot lock " + lockFile + ": " + e, e);
            }
        }
    }

    /** Walks the folder without following symbolic links; keys use {@code /} whatever the platform's separator. */
    @Override
    public List<String> list(String prefix) {
        Path folder = refuseLinks(resolve(prefix));
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> StreamSupport.stream(root.relativize(f).spliterator(), false)
                            .map(Path::toString).collect(Collectors.joining("/")))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SinkException("cannot list " + folder + ": " + e, e);
        }
    }

    @Override
    public void copy(String fromKey, String toKey, String contentType) {
        write(toKey, resolve(fromKey), contentType);
    }

    @Override
    public void delete(String key) {
        Path file = refuseLinks(resolve(key));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SinkException("cannot delete " + file + ": " + e, e);
        }
    }


    @Override
    public String location(String key) {
        return resolve(key).toString();
    }

    @Override
    public URI link(String key, Duration expiry) {
        return resolve(key).toUri();
    }

    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("key " + key + " leaves the report folder");
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
