package io.wirestream.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/** Where a suite's PostgreSQL is and how to log in. */
public record PostgresEndpoint(String jdbcUrl, String user, String password) {

    public PostgresEndpoint {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /**
     * The machine's own server (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth), or the one
     * named by {@code -Dwirestream.postgres.url}, {@code .user} and {@code .password}.
     */
    public static PostgresEndpoint ofThisMachine() {
        return new PostgresEndpoint(System.getProperty("wirestream.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getProperty("wirestream.postgres.user", "postgres"), System.getProperty("wirestream.postgres.password", ""));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Leaves the password out: it can end up in test output. */
    @Override
    public String toString() {
        return user + "@" + jdbcUrl;
    }
}
