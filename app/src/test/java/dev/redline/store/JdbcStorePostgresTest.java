package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real (embedded) PostgreSQL, a fresh database per test. */
class JdbcStorePostgresTest extends StoreContractTest {
    private String url;

    @Override
    String databaseUrl() {
        return url;
    }

    @Override
    @BeforeEach
    void openStore() {
        url = TestDatabases.freshPostgresUrl();
        super.openStore();
    }

    @Test
    void reportsPostgres() {
        assertThat(store.isPostgres()).isTrue();
    }
}
