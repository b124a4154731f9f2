package dev.redline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
    void searchRanksAWindowOfTheNewestMatchesNotTheWholeMatchSet() {
        // the best-ranked match (the word in the title, often) is the oldest; 60 newer ones mention it once
        List<ArticleStore.HistoryImport> histories = new ArrayList<>();
        histories.add(new ArticleStore.HistoryImport("https://bugle.example/old", null,
                List.of(nv(T0, text("Ferry ferry ferry", "The ferry, the ferry and the ferry.")))));
        for (int i = 1; i <= 60; i++) {
            histories.add(new ArticleStore.HistoryImport("https://bugle.example/" + i, null,
                    List.of(nv(T0.plusSeconds(i), text("Harbour news " + i, "A ferry was late.", "Cranes moved.")))));
        }
        store.importHistories(histories);
        // limit 1: 20 candidates per round, ranked among the newest 40 matches, so the oldest is out of the window
        TextSearch.SearchResults found = store.find("ferry", null, null, null, 1);
        assertThat(found.rankedNewest()).isEqualTo(40);
        List<SearchHit> top = found.hits();
        assertThat(top).hasSize(1);
        assertThat(top.getFirst().article().url()).isNotEqualTo("https://bugle.example/old");
        assertThat(Integer.parseInt(top.getFirst().article().url().replaceAll(".*/", ""))).isGreaterThan(20);
        // a limit that asks for every match gets every match: the window grows with the candidates asked for
        assertThat(store.find("ferry ferry", null, null, null, 70)).satisfies(all -> {
            assertThat(all.hits()).hasSize(61);
            assertThat(all.rankedNewest()).isZero();
        });
    }

    @Test
    void reportsPostgres() {
        assertThat(store.isPostgres()).isTrue();
    }
}
