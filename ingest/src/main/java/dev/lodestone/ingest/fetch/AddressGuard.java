package dev.lodestone.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses URLs whose host resolves to an address that is not on the public internet. Feeds and the pages
 * they link to are written by strangers: without this check a feed could make ingest call the cloud
 * metadata service (169.254.169.254), an admin console on the local network, or the Kafka broker itself.
 *
 * <p>A host is refused when any of its addresses is loopback (unless allowed, for the demo and tests),
 * any-local, link-local, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) or multicast. The check
 * resolves the name itself and the HTTP client resolves it again to connect, so a DNS server that answers
 * differently the second time (DNS rebinding) is not stopped here; Java 17's HTTP client offers no hook to
 * connect to the address that was checked.
 */
public final class AddressGuard {
    private final boolean allowLoopback;

    public AddressGuard(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Resolves the URL's host and throws when any of its addresses is refused. */
    public void check(URI url) throws FetchException {
        if (url.getHost() == null) {
            throw new FetchException(url + ": refused: no host name", 0, FetchException.Reason.REFUSED);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(url + ": unknown host " + url.getHost(), 0, FetchException.Reason.UNREACHABLE);
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = refusedKind(address);
            if (kind.isPresent()) {
                throw new FetchException(
                        url + ": refused: resolves to " + kind.get() + " address " + address.getHostAddress(), 0,
                        FetchException.Reason.REFUSED);
            }
        }
    }

    /** The kind of a refused address ({@code loopback}, {@code private}...), empty when it is allowed. */
    Optional<String> refusedKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("any-local");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress() || isCarrierGradeNat(address) || isUniqueLocal(address)) {
            return Optional.of("private");
        }
        return Optional.empty();
    }

    private static boolean isCarrierGradeNat(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
