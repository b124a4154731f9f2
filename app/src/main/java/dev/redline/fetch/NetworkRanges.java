package dev.redline.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The non-public address ranges an operator opened for fetching ({@code --allow-network CIDR…}).
 * Hand-written CIDR matching: none of the project's libraries parses CIDR for both IPv4 and IPv6.
 * Immutable and thread-safe.
 *
 * @param ranges the opened ranges, in the order given
 */
public record NetworkRanges(List<Range> ranges) {

    /** Nothing opened: public addresses only. */
    public static final NetworkRanges NONE = new NetworkRanges(List.of());

    /**
     * What {@code --allow-private-network} opens: loopback, RFC 1918, carrier-grade NAT, benchmarking
     * and IPv6 unique-local ranges, but never link-local (169.254.0.0/16 holds cloud metadata services).
     */
    public static final NetworkRanges PRIVATE = parse(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8",
            "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "198.18.0.0/15", "fc00::/7"));

    /** One CIDR block: the first {@code prefix} bits of {@code network}. */
    public record Range(InetAddress network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != n[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (a[full] & mask) == (n[full] & mask);
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefix;
        }
    }

    public NetworkRanges {
        ranges = List.copyOf(ranges);
    }

    /**
     * Parses CIDR blocks such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one.
     *
     * @throws IllegalArgumentException naming the first block that is not a literal address with a valid prefix
     */
    public static NetworkRanges parse(Collection<String> blocks) {
        List<Range> ranges = new ArrayList<>();
        for (String block : blocks) {
            ranges.add(parseOne(block.strip()));
        }
        return new NetworkRanges(ranges);
    }

    /** This set with {@code other}'s ranges added. */
    public NetworkRanges with(NetworkRanges other) {
        List<Range> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return new NetworkRanges(all);
    }

    /** Whether {@code address} lies in an opened range. */
    public boolean contains(InetAddress address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public String toString() {
        return ranges.stream().map(Range::toString).collect(Collectors.joining(" "));
    }

    private static Range parseOne(String block) {
        int slash = block.indexOf('/');
        String literal = slash < 0 ? block : block.substring(0, slash);
        // only literals: a host name here would make the guard ask DNS at startup and trust its answer
        if (literal.isEmpty() || !(literal.contains(":") || literal.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw new IllegalArgumentException("not an IP address range: " + block);
        }
        InetAddress network;
        try {
            network = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address range: " + block, e);
        }
        int bits = network.getAddress().length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(block.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IP address range: " + block, e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " is out of range for " + literal + " in " + block);
        }
        return new Range(network, prefix);
    }
}
