package dev.redline.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address classification, on literal addresses (parsing a literal asks no DNS server). */
class AddressGuardTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                          | loopback
            10.20.30.40                        | private
            169.254.169.254                    | link-local
            100.64.0.1                         | private (carrier-grade NAT)
            ::1                                | loopback
            ::                                 | unspecified
            fd12:3456::1                       | private (unique local)
            ::ffff:127.0.0.1                   | loopback
            ::ffff:10.0.0.1                    | private
            64:ff9b::7f00:1                    | loopback (embedded IPv4 127.0.0.1)
            64:ff9b::10.1.2.3                  | private (embedded IPv4 10.1.2.3)
            64:ff9b::169.254.169.254           | link-local (embedded IPv4 169.254.169.254)
            2002:c0a8:0101::1                  | private (embedded IPv4 192.168.1.1)
            2002:7f00:0001::                   | loopback (embedded IPv4 127.0.0.1)
            2002:a9fe:a9fe:1:2:3:4:5           | link-local (embedded IPv4 169.254.169.254)
            ::10.0.0.1                         | private (embedded IPv4 10.0.0.1)
            ::127.0.0.2                        | loopback (embedded IPv4 127.0.0.2)
            ::172.16.5.4                       | private (embedded IPv4 172.16.5.4)
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | tunnelled (Teredo)
            2001::1                            | tunnelled (Teredo)
            """)
    void classifiesNonPublicAddressesIncludingIpv4InsideIpv6(String literal, String kind) throws Exception {
        assertThat(AddressGuard.nonPublicKind(InetAddress.getByName(literal))).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "2001:4860:4860::8888",
            "64:ff9b::8.8.8.8", "2002:0808:0808::1", "::93.184.216.34", "64:ff9c::10.0.0.1", "2003::10.0.0.1"})
    void letsPublicAddressesThrough(String literal) throws Exception {
        assertThat(AddressGuard.nonPublicKind(InetAddress.getByName(literal))).isNull();
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsNonPublic() {
        var guard = new AddressGuard(NetworkRanges.NONE, Set.of(),
                host -> new InetAddress[] {literal("93.184.216.34"), literal("64:ff9b::a00:1")});
        assertThatThrownBy(() -> guard.check(URI.create("https://news.example/story")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("news.example resolves to private (embedded IPv4 10.0.0.1) address")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS);
    }

    @Test
    void allowingPrivateNetworksLetsPrivateAddressesThroughEvenInsideIpv6() {
        var guard = new AddressGuard(NetworkRanges.PRIVATE, Set.of(), host -> new InetAddress[] {literal("2002:7f00:1::")});
        assertThatCode(() -> guard.check(URI.create("https://news.example/story"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "64:ff9b::169.254.169.254", "2002:a9fe:a9fe::1", "fe80::1"})
    void allowingPrivateNetworksStillRefusesLinkLocal(String metadata) {
        var guard = new AddressGuard(NetworkRanges.PRIVATE, Set.of(), host -> new InetAddress[] {literal(metadata)});
        assertThatThrownBy(() -> guard.check(URI.create("http://metadata.example/latest/meta-data/")))
                .hasMessageContaining("link-local")
                .hasMessageEndingWith("to allow)")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.BLOCKED_ADDRESS);
    }

    @Test
    void namedRangesOpenOnlyThemselves() {
        NetworkRanges ranges = NetworkRanges.parse(List.of("10.1.0.0/16", "169.254.169.254", "fd00:1::/32"));
        assertThat(ranges.contains(literal("10.1.200.3"))).isTrue();
        assertThat(ranges.contains(literal("10.2.0.1"))).isFalse();
        assertThat(ranges.contains(literal("169.254.169.254"))).isTrue();
        assertThat(ranges.contains(literal("169.254.169.253"))).isFalse();
        assertThat(ranges.contains(literal("fd00:1:ffff::1"))).isTrue();
        assertThat(ranges.contains(literal("fd00:2::1"))).isFalse();
        var guard = new AddressGuard(ranges, Set.of(), host -> new InetAddress[] {literal(host)});
        assertThatCode(() -> guard.check(URI.create("http://10.1.2.3/"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://169.254.169.254/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard.check(URI.create("http://192.168.1.1/"))).hasMessageContaining("private");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "news.example/8", "10.0.0.0/x", "", "::1/129"})
    void malformedRangesAreRefusedByName(String block) {
        assertThatThrownBy(() -> NetworkRanges.parse(List.of(block)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(block);
    }

    @Test
    void anUnresolvableHostIsANetworkError() {
        var guard = new AddressGuard(NetworkRanges.NONE, Set.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> guard.check(URI.create("https://nowhere.example/")))
                .hasMessageContaining("cannot resolve host nowhere.example")
                .extracting(e -> ((FetchException) e).reason()).isEqualTo(FetchException.Reason.NETWORK);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
