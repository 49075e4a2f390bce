package org.mxagent.crypto.impl.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.runtime.api.PrivateFiles;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@link CryptoStore} in one SQLite file per device (sqlite-jdbc, used through its DataSource so no JDBC
 * DriverManager lookup is needed in OSGi). WAL journal with {@code synchronous=FULL}: a {@link #save} is on disk
 * when it returns, so neither {@code kill -9} nor a power cut loses it. The file is created 0600 in a 0700
 * directory; SQLite gives its {@code -wal} and {@code -shm} files the same mode.
 */
public final class SqliteCryptoStore implements CryptoStore {
    static final int SCHEMA_VERSION = 1;

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS account(id INTEGER PRIMARY KEY CHECK (id = 1), pickle TEXT NOT NULL,"
                + " device_keys_uploaded INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS olm_sessions(session_id TEXT PRIMARY KEY, sender_key TEXT NOT NULL,"
                + " pickle TEXT NOT NULL, created_ms INTEGER NOT NULL, last_used_ms INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS inbound_group_sessions(room_id TEXT NOT NULL, session_id TEXT NOT NULL,"
                + " sender_key TEXT NOT NULL, sender_user TEXT, signing_key TEXT, first_known_index INTEGER NOT NULL,"
                + " pickle TEXT NOT NULL, PRIMARY KEY(room_id, session_id))",
        "CREATE TABLE IF NOT EXISTS outbound_group_sessions(room_id TEXT PRIMARY KEY, session_id TEXT NOT NULL,"
                + " pickle TEXT NOT NULL, created_ms INTEGER NOT NULL, message_count INTEGER NOT NULL,"
                + " invalidated INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS shared_with(session_id TEXT NOT NULL, user_id TEXT NOT NULL,"
                + " device_id TEXT NOT NULL, curve_key TEXT NOT NULL, message_index INTEGER NOT NULL,"
                + " PRIMARY KEY(session_id, user_id, device_id))",
        "CREATE TABLE IF NOT EXISTS devices(user_id TEXT NOT NULL, device_id TEXT NOT NULL, curve_key TEXT NOT NULL,"
                + " ed_key TEXT NOT NULL, keys_json TEXT NOT NULL, PRIMARY KEY(user_id, device_id))",
        "CREATE TABLE IF NOT EXISTS tracked_users(user_id TEXT PRIMARY KEY, dirty INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS rooms(room_id TEXT PRIMARY KEY, settings TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS megolm_indices(room_id TEXT NOT NULL, session_id TEXT NOT NULL,"
                + " message_index INTEGER NOT NULL, event_id TEXT NOT NULL,"
                + " PRIMARY KEY(room_id, session_id, message_index))",
        "CREATE TABLE IF NOT EXISTS withheld(room_id TEXT NOT NULL, session_id TEXT NOT NULL, sender_key TEXT,"
                + " code TEXT NOT NULL, reason TEXT, PRIMARY KEY(room_id, session_id))",
        "CREATE TABLE IF NOT EXISTS pending_events(event_id TEXT PRIMARY KEY, room_id TEXT NOT NULL,"
                + " session_id TEXT NOT NULL, raw TEXT NOT NULL, reason TEXT NOT NULL, first_seen_ms INTEGER NOT NULL,"
                + " resolved INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS pending_by_session ON pending_events(room_id, session_id, resolved)",
        // Added after schema 1 without a version change: CREATE IF NOT EXISTS adds it to older stores, and
        // a store that has it still opens in a bundle that does not know it.
        "CREATE TABLE IF NOT EXISTS verified_devices(user_id TEXT NOT NULL, device_id TEXT NOT NULL,"
                + " ed_key TEXT NOT NULL, verified_ms INTEGER NOT NULL, method TEXT NOT NULL,"
                + " PRIMARY KEY(user_id, device_id))",
    };

    /** Most pending events kept; the oldest go first (a room flooded with undecryptable events). */
    static final int MAX_PENDING = 10_000;

    private final Path file;
    private final Connection connection;

    private SqliteCryptoStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store of {@code userId}/{@code deviceId} at {@code file}. A store written
     * for another device is refused, since mixing two identities' keys would corrupt both.
     */
    public static SqliteCryptoStore open(Path file, String userId, String deviceId) {
        try {
            PrivateFiles.ensurePrivateDirectory(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            PrivateFiles.restrictToOwner(file);
        } catch (IOException e) {
            throw new CryptoStoreException("cannot create the crypto store " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Connection connection = null;
        try {
            connection = source.getConnection();
            SqliteCryptoStore store = new SqliteCryptoStore(file, connection);
            store.migrate(userId, deviceId);
            return store;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof CryptoStoreException known) {
                throw known;
            }
            throw new CryptoStoreException("cannot open the crypto store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, Exception primary) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                primary.addSuppressed(e);
            }
        }
    }

    private void migrate(String userId, String deviceId) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SCHEMA) {
                statement.execute(ddl);
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT key, value FROM meta");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                meta.put(rows.getString(1), rows.getString(2));
            }
        }
        if (meta.isEmpty()) {
            putMeta("schema_version", Integer.toString(SCHEMA_VERSION));
            putMeta("user_id", userId);
            putMeta("device_id", deviceId);
        } else if (!userId.equals(meta.get("user_id")) || !deviceId.equals(meta.get("device_id"))) {
            connection.rollback();
            throw new CryptoStoreException("crypto store " + file + " belongs to " + meta.get("user_id") + " device "
                    + meta.get("device_id") + ", not to " + userId + " device " + deviceId);
        } else if (Integer.parseInt(meta.getOrDefault("schema_version", "0")) > SCHEMA_VERSION) {
            connection.rollback();
            throw new CryptoStoreException("crypto store " + file + " has schema " + meta.get("schema_version")
                    + ", newer than this bundle's " + SCHEMA_VERSION);
        }
        connection.commit();
    }

    private void putMeta(String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<AccountRecord> account() {
        return one("SELECT pickle, device_keys_uploaded FROM account WHERE id = 1", List.of(),
                rows -> new AccountRecord(rows.getString(1), rows.getInt(2) != 0));
    }

    @Override
    public synchronized List<OlmSessionRecord> olmSessions() {
        return all("SELECT session_id, sender_key, pickle, created_ms, last_used_ms FROM olm_sessions", List.of(),
                rows -> new OlmSessionRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                        rows.getLong(5)));
    }

    @Override
    public synchronized Optional<InboundSessionRecord> inboundSession(String roomId, String sessionId) {
        return one("SELECT room_id, session_id, sender_key, sender_user, signing_key, first_known_index, pickle"
                + " FROM inbound_group_sessions WHERE room_id = ? AND session_id = ?", List.of(roomId, sessionId),
                rows -> new InboundSessionRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getLong(6), rows.getString(7)));
    }

    @Override
    public synchronized int inboundSessionCount() {
        return one("SELECT count(*) FROM inbound_group_sessions", List.of(), rows -> rows.getInt(1)).orElse(0);
    }

    @Override
    public synchronized List<OutboundSessionRecord> outboundSessions() {
        return all("SELECT room_id, session_id, pickle, created_ms, message_count, invalidated"
                + " FROM outbound_group_sessions", List.of(),
                rows -> new OutboundSessionRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getLong(4), rows.getLong(5), rows.getInt(6) != 0));
    }

    @Override
    public synchronized List<SharedWithRecord> sharedWith(String sessionId) {
        return all("SELECT session_id, user_id, device_id, curve_key, message_index FROM shared_with"
                + " WHERE session_id = ?", List.of(sessionId),
                rows -> new SharedWithRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getLong(5)));
    }

    @Override
    public synchronized List<DeviceRecord> devices() {
        return all("SELECT user_id, device_id, curve_key, ed_key, keys_json FROM devices", List.of(),
                rows -> new DeviceRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
    }

    @Override
    public synchronized List<VerifiedDeviceRecord> verifiedDevices() {
        return all("SELECT user_id, device_id, ed_key, verified_ms, method FROM verified_devices", List.of(),
                rows -> new VerifiedDeviceRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getLong(4), rows.getString(5)));
    }

    @Override
    public synchronized Map<String, Boolean> trackedUsers() {
        Map<String, Boolean> users = new LinkedHashMap<>();
        all("SELECT user_id, dirty FROM tracked_users", List.of(), rows -> users.put(rows.getString(1),
                rows.getInt(2) != 0));
        return users;
    }

    @Override
    public synchronized Map<String, String> roomSettings() {
        Map<String, String> rooms = new LinkedHashMap<>();
        all("SELECT room_id, settings FROM rooms", List.of(), rows -> rooms.put(rows.getString(1), rows.getString(2)));
        return rooms;
    }

    @Override
    public synchronized Optional<String> replayEventId(String roomId, String sessionId, long messageIndex) {
        return one("SELECT event_id FROM megolm_indices WHERE room_id = ? AND session_id = ? AND message_index = ?",
                List.of(roomId, sessionId, messageIndex), rows -> rows.getString(1));
    }

    @Override
    public synchronized Optional<WithheldRecord> withheld(String roomId, String sessionId) {
        return one("SELECT room_id, session_id, sender_key, code, reason FROM withheld"
                + " WHERE room_id = ? AND session_id = ?", List.of(roomId, sessionId),
                rows -> new WithheldRecord(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5)));
    }

    @Override
    public synchronized List<PendingEventRecord> pendingEvents(String roomId, String sessionId) {
        return all("SELECT event_id, room_id, session_id, raw, reason, first_seen_ms, resolved FROM pending_events"
                + " WHERE room_id = ? AND session_id = ? AND resolved = 0 ORDER BY seq", List.of(roomId, sessionId),
                SqliteCryptoStore::pendingRow);
    }

    @Override
    public synchronized List<PendingEventRecord> pendingEvents() {
        return all("SELECT event_id, room_id, session_id, raw, reason, first_seen_ms, resolved FROM pending_events"
                + " WHERE resolved = 0 ORDER BY seq", List.of(), SqliteCryptoStore::pendingRow);
    }

    @Override
    public synchronized List<PendingEventRecord> resolvedPendingEvents() {
        return all("SELECT event_id, room_id, session_id, raw, reason, first_seen_ms, resolved FROM pending_events"
                + " WHERE resolved = 1 ORDER BY seq", List.of(), SqliteCryptoStore::pendingRow);
    }

    private static PendingEventRecord pendingRow(ResultSet rows) throws SQLException {
        return new PendingEventRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getLong(6), rows.getInt(7) != 0);
    }

    @Override
    public synchronized void save(StoreChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            writeAll(changes);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new CryptoStoreException("cannot write the crypto store " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeAll(StoreChanges c) throws SQLException {
        if (c.account != null) {
            update("INSERT OR REPLACE INTO account(id, pickle, device_keys_uploaded) VALUES (1, ?, ?)",
                    c.account.pickle(), c.account.deviceKeysUploaded() ? 1 : 0);
        }
        for (OlmSessionRecord s : c.olmSessions) {
            update("INSERT OR REPLACE INTO olm_sessions(session_id, sender_key, pickle, created_ms, last_used_ms)"
                    + " VALUES (?, ?, ?, ?, ?)", s.sessionId(), s.senderKey(), s.pickle(), s.createdMillis(),
                    s.lastUsedMillis());
        }
        for (InboundSessionRecord s : c.inboundSessions) {
            update("INSERT OR REPLACE INTO inbound_group_sessions(room_id, session_id, sender_key, sender_user,"
                    + " signing_key, first_known_index, pickle) VALUES (?, ?, ?, ?, ?, ?, ?)", s.roomId(),
                    s.sessionId(), s.senderKey(), s.senderUser(), s.signingKey(), s.firstKnownIndex(), s.pickle());
        }
        for (OutboundSessionRecord s : c.outboundSessions) {
            update("INSERT OR REPLACE INTO outbound_group_sessions(room_id, session_id, pickle, created_ms,"
                    + " message_count, invalidated) VALUES (?, ?, ?, ?, ?, ?)", s.roomId(), s.sessionId(), s.pickle(),
                    s.createdMillis(), s.messageCount(), s.invalidated() ? 1 : 0);
        }
        for (SharedWithRecord s : c.sharedWith) {
            update("INSERT OR REPLACE INTO shared_with(session_id, user_id, device_id, curve_key, message_index)"
                    + " VALUES (?, ?, ?, ?, ?)", s.sessionId(), s.userId(), s.deviceId(), s.curveKey(),
                    s.messageIndex());
        }
        for (DeviceRecord d : c.devices) {
            update("INSERT OR REPLACE INTO devices(user_id, device_id, curve_key, ed_key, keys_json)"
                    + " VALUES (?, ?, ?, ?, ?)", d.userId(), d.deviceId(), d.curveKey(), d.edKey(), d.keysJson());
        }
        for (StoreChanges.DeviceId d : c.deletedDevices) {
            update("DELETE FROM devices WHERE user_id = ? AND device_id = ?", d.userId(), d.deviceId());
        }
        for (VerifiedDeviceRecord v : c.verifiedDevices) {
            update("INSERT OR REPLACE INTO verified_devices(user_id, device_id, ed_key, verified_ms, method)"
                    + " VALUES (?, ?, ?, ?, ?)", v.userId(), v.deviceId(), v.edKey(), v.verifiedMs(), v.method());
        }
        for (StoreChanges.DeviceId d : c.unverifiedDevices) {
            update("DELETE FROM verified_devices WHERE user_id = ? AND device_id = ?", d.userId(), d.deviceId());
        }
        for (Map.Entry<String, Boolean> u : c.trackedUsers.entrySet()) {
            update("INSERT OR REPLACE INTO tracked_users(user_id, dirty) VALUES (?, ?)", u.getKey(),
                    u.getValue() ? 1 : 0);
        }
        for (String u : c.untrackedUsers) {
            update("DELETE FROM tracked_users WHERE user_id = ?", u);
        }
        for (Map.Entry<String, String> r : c.roomSettings.entrySet()) {
            update("INSERT OR REPLACE INTO rooms(room_id, settings) VALUES (?, ?)", r.getKey(), r.getValue());
        }
        for (StoreChanges.ReplayEntry r : c.replayEntries) {
            update("INSERT OR IGNORE INTO megolm_indices(room_id, session_id, message_index, event_id)"
                    + " VALUES (?, ?, ?, ?)", r.roomId(), r.sessionId(), r.messageIndex(), r.eventId());
        }
        for (WithheldRecord w : c.withheld) {
            update("INSERT OR REPLACE INTO withheld(room_id, session_id, sender_key, code, reason)"
                    + " VALUES (?, ?, ?, ?, ?)", w.roomId(), w.sessionId(), w.senderKey(), w.code(), w.reason());
        }
        for (PendingEventRecord p : c.pending) {
            update("INSERT INTO pending_events(event_id, room_id, session_id, raw, reason, first_seen_ms, resolved, seq)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 0, (SELECT coalesce(max(seq), 0) + 1 FROM pending_events))"
                    + " ON CONFLICT(event_id) DO UPDATE SET reason = excluded.reason, resolved = 0", p.eventId(), p.roomId(),
                    p.sessionId(), p.rawJson(), p.reason(), p.firstSeenMillis());
        }
        if (!c.pending.isEmpty()) {
            update("DELETE FROM pending_events WHERE seq <= (SELECT max(seq) FROM pending_events) - ?", MAX_PENDING);
        }
        for (String eventId : c.resolvedPending) {
            update("UPDATE pending_events SET resolved = 1 WHERE event_id = ?", eventId);
        }
        for (String eventId : c.deletedPending) {
            update("DELETE FROM pending_events WHERE event_id = ?", eventId);
        }
        for (StoreChanges.PendingReason r : c.pendingReasons) {
            update("UPDATE pending_events SET reason = ? WHERE room_id = ? AND session_id = ? AND resolved = 0",
                    r.reason(), r.roomId(), r.sessionId());
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, Arrays.asList(parameters)); // nullable columns: List.of refuses nulls
            statement.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> Optional<T> one(String sql, List<Object> parameters, RowMapper<T> mapper) {
        List<T> rows = all(sql, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private <T> List<T> all(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            // Reads run inside the connection's open transaction (auto-commit is off); end it so the WAL can be
            // checkpointed and the next read sees the latest committed state.
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new CryptoStoreException("cannot read the crypto store " + file + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (value == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CryptoStoreException("cannot close the crypto store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SqliteCryptoStore[" + file + "]";
    }
}
