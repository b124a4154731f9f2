package dev.redline.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Refuses hosts that resolve to non-public addresses, so a feed or a redirect cannot make Redline
 * probe the machine it runs on or its private network (SSRF). Checked after DNS resolution, for
 * every redirect hop. Stateless and thread-safe.
 */
final class AddressGuard {
    private final boolean allowPrivate;
    private final Set<InetAddress> exempt;

    AddressGuard(boolean allowPrivate) {
        this(allowPrivate, Set.of());
    }

    /** A guard that lets exactly the {@code exempt} addresses through (tests: one loopback server, nothing else). */
    AddressGuard(boolean allowPrivate, Set<InetAddress> exempt) {
        this.allowPrivate = allowPrivate;
        this.exempt = Set.copyOf(exempt);
    }

    /** Resolves the URI's host and throws if any of its addresses is not public (unless allowed). */
    void check(URI uri) throws FetchException {
        String host = uri.getHost();
        if (host == null) {
            throw new FetchException(FetchException.Reason.UNSUPPORTED_URL, uri, "no host in URL " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.NETWORK, uri, "cannot resolve host " + host, e);
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            String kind = exempt.contains(address) ? null : nonPublicKind(address);
            if (kind != null) {
                throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, uri, "refusing to fetch " + uri
                        + ": host " + host + " resolves to " + kind + " address " + address.getHostAddress()
                        + " (use --allow-private-network to allow)");
            }
        }
    }

    /** The kind of non-public address, or null for a public one. */
    static String nonPublicKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            if (b0 == 0) {
                return "unspecified";
            }
            if (b0 == 100 && b1 >= 64 && b1 < 128) {
                return "private (carrier-grade NAT)";
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return "private (benchmarking)";
            }
            if (b0 >= 240) {
                return "reserved";
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
        }
        return null;
    }
}
