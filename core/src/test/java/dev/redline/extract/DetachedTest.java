package dev.redline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class DetachedTest {
    private static final String PAGE = "<body><div id=a>one <nav id=n>menu <span id=s>x</span></nav> two"
            + "<aside id=b>side</aside> three<p id=p>para</p><footer id=f>end</footer></div></body>";

    @Test
    void restoringPutsEveryElementBackWhereItWasAndRemovingAgainLeavesThePageAsCut() {
        Document doc = Jsoup.parse(PAGE);
        String original = doc.outerHtml();
        // an element inside an earlier one (#s in #n) is cut too, as the strict pass does
        Detached cut = Detached.remove(List.of(doc.getElementById("n"), doc.getElementById("s"),
                doc.getElementById("b"), doc.getElementById("f")));
        String removed = doc.outerHtml();
        assertThat(removed).doesNotContain("menu", "side", "end").contains("one", "two", "three", "para");

        cut.restore();
        assertThat(doc.outerHtml()).isEqualTo(original);
        assertThat(doc.getElementById("s").parent().id()).isEqualTo("n");

        cut.removeAgain();
        assertThat(doc.outerHtml()).isEqualTo(removed);
    }
}
