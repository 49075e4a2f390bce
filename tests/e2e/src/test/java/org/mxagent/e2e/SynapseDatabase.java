package org.mxagent.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opentest4j.AssertionFailedError;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The dev Synapse's SQLite database, opened read-only, searched for strings in every text and blob column of every
 * table ({@code dev/matrix/homeserver} keeps it at {@code $MX_AGENT_HOMESERVER_DIR/homeserver.db}). The same
 * search as the in-framework {@code HomeserverPlaintextIT}, for the multi-process tests.
 */
final class SynapseDatabase implements AutoCloseable {
    private final Connection connection;
    private final Path file;
    private int columnsScanned;

    SynapseDatabase() {
        String dir = System.getenv("MX_AGENT_HOMESERVER_DIR");
        this.file = Path.of(dir != null ? dir : System.getProperty("user.home") + "/.cache/mx-agent/homeserver",
                "homeserver.db");
        if (!Files.isRegularFile(file)) {
            throw new AssertionFailedError("Synapse database not found at " + file
                    + " (set MX_AGENT_HOMESERVER_DIR as for dev/matrix/homeserver)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        try {
            this.connection = source.getConnection();
        } catch (SQLException e) {
            throw new AssertionFailedError("cannot open " + file + " read-only: " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    int columnsScanned() {
        return columnsScanned;
    }

    /** {@code table.column} → matching rows, for every text or blob column holding {@code needle}. */
    Map<String, Integer> columnsContaining(String needle) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        columnsScanned = 0;
        try {
            for (String table : strings("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                for (String column : textColumns(table)) {
                    columnsScanned++;
                    int n = count(table, column, needle);
                    if (n > 0) {
                        hits.merge(table + "." + column, n, Integer::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("cannot search " + file + ": " + e.getMessage(), e);
        }
        return hits;
    }

    /** What the media repository recorded of one local upload: "media_type upload_name" (null parts as null). */
    String localMedia(String mediaId) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT media_type, upload_name FROM local_media_repository WHERE media_id = ?")) {
            query.setString(1, mediaId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionFailedError("no local media " + mediaId + " in " + file);
                }
                return rows.getString(1) + " " + rows.getString(2);
            }
        } catch (SQLException e) {
            throw new AssertionFailedError("cannot read local_media_repository: " + e.getMessage(), e);
        }
    }

    private List<String> textColumns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement info = connection.prepareStatement("PRAGMA table_info(\"" + table + "\")");
                ResultSet rows = info.executeQuery()) {
            while (rows.next()) {
                String type = rows.getString("type").toUpperCase(Locale.ROOT);
                if (type.isEmpty() || type.contains("TEXT") || type.contains("CHAR") || type.contains("BLOB")
                        || type.contains("CLOB") || type.contains("BYTEA")) {
                    columns.add(rows.getString("name"));
                }
            }
        }
        return columns;
    }

    private int count(String table, String column, String needle) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM \"" + table
                + "\" WHERE instr(CAST(\"" + column + "\" AS TEXT), ?) > 0")) {
            count.setString(1, needle);
            try (ResultSet rows = count.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
