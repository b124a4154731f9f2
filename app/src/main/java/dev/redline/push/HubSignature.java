package dev.redline.push;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Hub-Signature: method=hex} of WebSub content distribution (§7.1): an HMAC of the
 * raw body under the subscription's {@code hub.secret}, with SHA-1, SHA-256, SHA-384 or SHA-512 as
 * the hub chose. Compared in constant time. Stateless and thread-safe.
 */
public final class HubSignature {
    private static final Map<String, String> MACS = Map.of("sha1", "HmacSHA1", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha512", "HmacSHA512");

    private HubSignature() {
    }

    /** Whether {@code header} (or null when absent) signs {@code body} under {@code secret}; an unknown method never does. */
    public static boolean valid(String header, byte[] body, String secret) {
        if (header == null) {
            return false;
        }
        int eq = header.indexOf('=');
        String algorithm = eq < 0 ? null : MACS.get(header.substring(0, eq).strip().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(mac(algorithm, secret, body), given);
    }

    /** The header value a hub sends for {@code body}: {@code method=hex}, method one of sha1, sha256, sha384, sha512. */
    public static String sign(String method, String secret, byte[] body) {
        String algorithm = MACS.get(method);
        if (algorithm == null) {
            throw new IllegalArgumentException("no WebSub signature method " + method);
        }
        return method + "=" + HexFormat.of().formatHex(mac(algorithm, secret, body));
    }

    private static byte[] mac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
