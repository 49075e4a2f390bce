package org.mxagent.policy.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.mxagent.policy.api.AuditException;
import org.mxagent.policy.api.AuditLog;
import org.mxagent.policy.api.AuditRecord;
import org.mxagent.policy.api.AuditVerification;
import org.mxagent.runtime.api.PrivateFiles;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link AuditLog} over audit.log in the data directory. The chain is checked at start; a broken chain, a torn
 * last line or a failed write that could not be undone make every later write fail, so nothing runs unaudited
 * until an operator repairs the file or moves it aside (a new chain then starts). This runtime must be the
 * file's only writer.
 */
@Component(service = AuditLog.class)
public final class HashChainAuditLog implements AuditLog {
    static final String FILE_NAME = "audit.log";

    private final Path file;
    private String lastHash;
    private String damage;

    @Activate
    public HashChainAuditLog(@Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(directories.dataDir());
        if (damage != null) {
            log.error("audit log refuses writes, so every privileged request is denied: {}", damage);
        }
    }

    HashChainAuditLog(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                PrivateFiles.restrictToOwner(file);
            }
            AuditChain.Walk walk = AuditChain.walk(file);
            this.lastHash = walk.lastHash();
            this.damage = walk.verification().isIntact() ? null : file + " is broken at line "
                    + walk.verification().firstBrokenLine().getAsLong() + ": " + walk.verification().problem().get();
        } catch (IOException e) {
            this.damage = file + " cannot be checked: " + e;
        }
    }

    @Override
    public synchronized void record(AuditRecord record) throws AuditException {
        if (damage != null) {
            throw new AuditException(damage, null);
        }
        ObjectNode body = AuditLine.body(record);
        append((AuditLine.chained(body, lastHash) + "\n").getBytes(StandardCharsets.UTF_8));
        lastHash = AuditLine.hash(lastHash, body);
    }

    @Override
    public AuditVerification verify() throws IOException {
        return AuditChain.walk(file).verification();
    }

    /** Appends and fsyncs; on failure cuts the file back so no torn line is left behind. */
    private void append(byte[] line) throws AuditException {
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))) {
            long before = channel.size();
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (IOException writeFailed) {
                AuditException failure = new AuditException("cannot append to " + file + ": " + writeFailed,
                        writeFailed);
                undo(channel, before, failure);
                throw failure;
            }
        } catch (AuditException e) {
            throw e;
        } catch (IOException openFailed) {
            throw new AuditException("cannot open or close " + file + " for appending: " + openFailed, openFailed);
        }
    }

    private void undo(FileChannel channel, long size, AuditException failure) {
        try {
            channel.truncate(size);
            channel.force(true);
        } catch (IOException truncateFailed) {
            failure.addSuppressed(truncateFailed);
            damage = file + " may end with a partial record after a failed write: " + truncateFailed;
        }
    }
}
