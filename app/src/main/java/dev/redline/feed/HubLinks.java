package dev.redline.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a feed says it is pushed from (WebSub §4, discovery): its hubs ({@code rel=hub}) and its
 * topic URL ({@code rel=self}), from HTTP {@code Link} headers or from the document (an Atom
 * {@code <link>}, an RSS {@code <atom:link>}, a JSON Feed's {@code hubs} and {@code feed_url}).
 * Immutable.
 *
 * @param hubs absolute hub URLs, in the order given; empty when the feed names none
 * @param self the topic URL, or null when the feed does not name itself
 */
public record HubLinks(List<String> hubs, String self) {
    public static final HubLinks NONE = new HubLinks(List.of(), null);

    /** One link-value of a Link header: {@code <URI>; param; param}. */
    private static final Pattern LINK_VALUE = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+(?:=(?:\"[^\"]*\"|[^;,]*))?)*)");
    private static final Pattern REL = Pattern.compile(";\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))", Pattern.CASE_INSENSITIVE);

    public HubLinks {
        hubs = List.copyOf(hubs);
    }

    public boolean offersPush() {
        return !hubs.isEmpty();
    }

    /**
     * Reads {@code rel=hub} and {@code rel=self} from the values of HTTP {@code Link} headers
     * (RFC 8288), resolved against {@code base}. Hand-parsed: none of Redline's libraries reads Link
     * headers, and only the URI and its {@code rel} matter here.
     */
    public static HubLinks fromHeaders(List<String> linkHeaders, String base) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        for (String header : linkHeaders) {
            Matcher value = LINK_VALUE.matcher(header);
            while (value.find()) {
                Matcher rel = REL.matcher(value.group(2));
                if (!rel.find()) {
                    continue;
                }
                String rels = (rel.group(1) != null ? rel.group(1) : rel.group(2)).toLowerCase(Locale.ROOT);
                String href = absolute(base, value.group(1));
                for (String r : rels.split("\\s+")) {
                    if (href != null && r.equals("hub") && !hubs.contains(href)) {
                        hubs.add(href);
                    } else if (href != null && r.equals("self") && self == null) {
                        self = href;
                    }
                }
            }
        }
        return new HubLinks(hubs, self);
    }

    /** Links found in the HTTP headers win over the document's (WebSub §4: headers are looked at first). */
    public HubLinks or(HubLinks fromDocument) {
        return offersPush() ? new HubLinks(hubs, self != null ? self : fromDocument.self) : fromDocument;
    }

    /** {@code link} resolved against {@code base} when it is an http(s) URL, else null. */
    static String absolute(String base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = URI.create(base).resolve(link.trim().replace(" ", "%20"));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
