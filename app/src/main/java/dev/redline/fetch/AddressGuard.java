package dev.redline.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;

/**
 * Refuses hosts that resolve to non-public addresses, so a feed or a redirect cannot make Redline
 * probe the machine it runs on or its private network (SSRF). Checked after DNS resolution, for
 * every redirect hop. IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64,
 * 6to4) are judged by that IPv4 address; Teredo is refused outright. Non-public ranges the operator
 * opened ({@link NetworkRanges}) pass; nothing else does. Stateless and thread-safe.
 */
public final class AddressGuard {
    /** How a host name becomes addresses; a seam so tests can play a DNS server whose answer changes. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final NetworkRanges allowed;
    private final Set<InetAddress> exempt;
    private final Resolver resolver;

    public AddressGuard(NetworkRanges allowed) {
        this(allowed, Set.of());
    }

    /** A guard that lets exactly the {@code exempt} addresses through (tests: one loopback server, nothing else). */
    AddressGuard(NetworkRanges allowed, Set<InetAddress> exempt) {
        this(allowed, exempt, InetAddress::getAllByName);
    }

    AddressGuard(NetworkRanges allowed, Set<InetAddress> exempt, Resolver resolver) {
        this.allowed = allowed;
        this.exempt = Set.copyOf(exempt);
        this.resolver = resolver;
    }

    /** Resolves the URI's host and throws if any of its addresses is not public (unless allowed). */
    public void check(URI uri) throws FetchException {
        String host = uri.getHost();
        if (host == null) {
            throw new FetchException(FetchException.Reason.UNSUPPORTED_URL, uri, "no host in URL " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.NETWORK, uri, "cannot resolve host " + host, e);
        }
        for (InetAddress address : addresses) {
            String kind = exempt.contains(address) || opened(address) ? null : nonPublicKind(address);
            if (kind != null) {
                throw new FetchException(FetchException.Reason.BLOCKED_ADDRESS, uri, "refusing to fetch " + uri
                        + ": host " + host + " resolves to " + kind + " address " + address.getHostAddress()
                        + " (use --allow-network " + address.getHostAddress() + " to allow"
                        + (kind.startsWith("link-local") ? ")" : ", or --allow-private-network)"));
            }
        }
    }

    /** An address inside an opened range, judged like {@link #nonPublicKind} by its embedded IPv4 if it has one. */
    private boolean opened(InetAddress address) {
        if (allowed.contains(address)) {
            return true;
        }
        InetAddress embedded = address instanceof Inet6Address ? embeddedIpv4(address.getAddress()) : null;
        return embedded != null && allowed.contains(embedded);
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
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
                // Teredo 2001:0000::/32 hides the client IPv4 XOR-ed in the last 32 bits; no news site lives there
                return "tunnelled (Teredo)";
            }
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String kind = nonPublicKind(embedded);
                return kind == null ? null : kind + " (embedded IPv4 " + embedded.getHostAddress() + ")";
            }
        }
        return null;
    }

    /**
     * The IPv4 address carried by an IPv4-compatible ({@code ::a.b.c.d}, ::/96), NAT64
     * ({@code 64:ff9b::a.b.c.d}, 64:ff9b::/96) or 6to4 (2002::/16, the IPv4 in {@code 2002:AABB:CCDD::}) address, or null.
     * (IPv4-mapped {@code ::ffff:a.b.c.d} never gets here: the JDK turns it into an Inet4Address.)
     * :: and ::1 are left to the unspecified and loopback checks before this one.
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        int from;
        if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        } else if (zero(b, 0, 12) || (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && zero(b, 4, 12))) {
            from = 12;
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
