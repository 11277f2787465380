package engawa.integrations.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses a webhook must never reach: this machine, private networks, link-local (including
 * cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved ranges, and IPv6
 * forms that embed any of those IPv4 addresses (mapped, compatible, NAT64, 6to4).
 */
final class InternalAddresses {

    private InternalAddresses() {
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isInternalIpv6(bytes);
        }
        return true;
    }

    private static boolean isInternalIpv4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0                                   // 0.0.0.0/8 "this network"
                || first == 10                              // private
                || first == 127                             // loopback
                || (first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10 carrier-grade NAT
                || (first == 169 && second == 254)          // link-local, cloud metadata
                || (first == 172 && second >= 16 && second <= 31) // private
                || (first == 192 && second == 168)          // private
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 IETF protocol
                || (first == 198 && (second == 18 || second == 19))    // benchmarking
                || first >= 224;                            // multicast, reserved, broadcast
    }

    private static boolean isInternalIpv6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {                       // fc00::/7 unique local
            return true;
        }
        if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {       // fec0::/10 old site-local
            return true;
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isInternal(ipv4(b, 12));                 // ::ffff:a.b.c.d mapped
        }
        if (allZero(b, 0, 12)) {
            return true;                                    // ::a.b.c.d compatible, ::, ::1
        }
        if ((first == 0x00) && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isInternal(ipv4(b, 12));                 // 64:ff9b::/96 NAT64
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return isInternal(ipv4(b, 2));                  // 2002::/16 6to4
        }
        return false;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        return Arrays.equals(bytes, from, to, new byte[to - from], 0, to - from);
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
