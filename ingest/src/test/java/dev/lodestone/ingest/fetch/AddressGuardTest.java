package dev.lodestone.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    private final AddressGuard guard = new AddressGuard(false);

    private Optional<String> refusal(String literal) throws UnknownHostException {
        return guard.refusedKind(InetAddress.getByName(literal));
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        assertEquals(Optional.empty(), refusal("93.184.216.34"));
        assertEquals(Optional.empty(), refusal("2606:2800:220:1:248:1893:25c8:1946"));
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() throws Exception {
        assertEquals(Optional.of("loopback"), refusal("127.0.0.1"));
        assertEquals(Optional.of("loopback"), refusal("::1"));
        assertEquals(Optional.empty(), new AddressGuard(true).refusedKind(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void theCloudMetadataServiceIsLinkLocal() throws Exception {
        assertEquals(Optional.of("link-local"), refusal("169.254.169.254"));
        assertEquals(Optional.of("link-local"), refusal("fe80::1"));
    }

    @Test
    void privateNetworksAreRefused() throws Exception {
        for (String address : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "fd00::1"}) {
            assertEquals(Optional.of("private"), refusal(address), address);
        }
    }

    @Test
    void anyLocalAndMulticastAreRefused() throws Exception {
        assertEquals(Optional.of("any-local"), refusal("0.0.0.0"));
        assertEquals(Optional.of("multicast"), refusal("224.0.0.1"));
    }

    @Test
    void aUrlWithoutAHostIsRefusedRatherThanResolvedToLoopback() {
        FetchException error = assertThrows(FetchException.class,
                () -> new AddressGuard(true).check(URI.create("http:///etc/passwd")));
        assertEquals("http:///etc/passwd: refused: no host name", error.getMessage());
    }

    @Test
    void anIpv4MappedIpv6LoopbackIsStillLoopback() throws Exception {
        assertEquals(Optional.of("loopback"), refusal("::ffff:127.0.0.1"));
    }
}
