package io.wirestream.publish.store;

import io.wirestream.publish.store.jdbc.PostgresArticleStore;
import io.wirestream.publish.testing.PostgresTestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.wirestream.publish.testing.TestArticles.usable;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs against the PostgreSQL server of this machine, in a schema of its own that is dropped afterwards. */
class PostgresArticleStoreTest extends ArticleStoreContractTest {

    private final List<PostgresTestSchema> schemas = new ArrayList<>();

    @Override
    ArticleStore newStore(KillMode killMode) {
        PostgresTestSchema schema = PostgresTestSchema.create();
        schemas.add(schema);
        PostgresArticleStore store = new PostgresArticleStore(schema.settings(), killMode);
        store.open();
        return store;
    }

    @AfterEach
    void dropSchemas() {
        closeStores();
        schemas.forEach(PostgresTestSchema::drop);
    }

    @Test
    void keepsTheArticleAsJsonbWithAGeneratedSearchVector() throws Exception {
        ArticleStore store = store(KillMode.WITHDRAW);
        apply(store, usable("testwire:jsonb", 2));
        try (Connection c = schemas.get(0).connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT document->>'version', document->'wirestream'->>'agency', "
                     + "pg_typeof(document)::text, search_vector @@ websearch_to_tsquery('simple', 'ferry') "
                     + "FROM " + schemas.get(0).name() + ".articles WHERE uri = 'testwire:jsonb'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("2");
            assertThat(rs.getString(2)).isEqualTo("testwire");
            assertThat(rs.getString(3)).isEqualTo("jsonb");
            assertThat(rs.getBoolean(4)).isTrue();
        }
    }
}
