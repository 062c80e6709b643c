package io.wirestream.publish.store;

import io.wirestream.publish.store.jdbc.JdbcArticleStore;
import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.testing.PostgresTestSchema;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;

/** Runs against the PostgreSQL server of this machine, in a schema of its own that is dropped afterwards. */
class PostgresReadGrantsTest extends ReadGrantsContractTest {

    private final List<PostgresTestSchema> schemas = new ArrayList<>();

    @Override
    JdbcArticleStore newStore() {
        PostgresTestSchema schema = PostgresTestSchema.create();
        schemas.add(schema);
        PostgresArticleStore store = new PostgresArticleStore(schema.settings(), KillMode.WITHDRAW);
        store.open();
        return store;
    }

    @AfterEach
    void dropSchemas() {
        closeStores();
        schemas.forEach(PostgresTestSchema::drop);
    }
}
