package dev.redline.cli;

import dev.redline.error.BadInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that user input is an absolute http(s) URL, with a message naming what was wrong. */
final class HttpUrl {
    private HttpUrl() {
    }

    /** @param what how to name the input in the message, e.g. {@code --feed} */
    static URI require(String what, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new BadInput(what + " '" + url + "' is not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadInput(what + " '" + url + "' is not a valid URL: " + e.getReason(), e);
        }
    }
}
