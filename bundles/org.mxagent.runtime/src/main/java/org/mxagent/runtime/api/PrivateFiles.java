package org.mxagent.runtime.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files that hold secrets or durable state: owner-only permissions, and atomic replacement
 * (temp file + fsync + rename + directory fsync) so a crash leaves either the old or the new content.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Replaces {@code target} with {@code content} atomically, mode 0600. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_RW));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("file system cannot replace " + target + " atomically", e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates {@code dir} (and parents) if missing and makes it 0700. Refuses a directory that another
     * user owns, since its contents could be read or replaced by them.
     */
    public static Path ensurePrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        String owner = Files.getOwner(dir).getName();
        String me = System.getProperty("user.name");
        if (me != null && !owner.equals(me)) {
            throw new IOException(dir + " is owned by " + owner + ", not by " + me);
        }
        Files.setPosixFilePermissions(dir, OWNER_RWX);
        return dir;
    }

    /** Makes an existing file owner read/write only. */
    public static void restrictToOwner(Path file) throws IOException {
        Files.setPosixFilePermissions(file, OWNER_RW);
    }

    private static void syncDirectory(Path dir) {
        // Directory fsync makes the rename durable; some file systems refuse to open a directory, which is
        // acceptable there because they order metadata themselves.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException refused) {
            // not supported on this file system: the rename is still atomic
        }
    }
}
