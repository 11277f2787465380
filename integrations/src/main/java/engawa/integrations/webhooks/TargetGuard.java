package engawa.integrations.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a webhook may be sent to a URL, against server-side request forgery: only http(s);
 * HTTPS unless the host is on the allow list; every address the host resolves to must be public.
 * Entries of {@code ENGAWA_WEBHOOKS_ALLOWED_HOSTS} ({@code host} or {@code host:port}) are exempt,
 * for receivers inside the company network and for tests.
 *
 * <p>Checking a URL when it is saved is not enough, because DNS can answer differently at send
 * time (rebinding); {@link #dns()} applies the same rule to every connection OkHttp makes.
 *
 * <p>Exempt targets are exact addresses of the portal itself (its built-in echo workflow, which the
 * demo recipes run against): that one path is reachable, the rest of an internal host is not.
 */
public final class TargetGuard {

    private final Set<String> allowedHosts;
    private final HostResolver resolver;
    private final List<URI> exemptTargets;

    public TargetGuard(Set<String> allowedHosts, HostResolver resolver) {
        this(allowedHosts, resolver, List.of());
    }

    /** @param exemptTargets addresses allowed exactly (scheme, host, port and path; any query) */
    public TargetGuard(Set<String> allowedHosts, HostResolver resolver, List<URI> exemptTargets) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
        this.exemptTargets = List.copyOf(exemptTargets);
    }

    /** Whether {@code target} is one of the exempt addresses, whatever its query. */
    public boolean isExempt(URI target) {
        return target.getUserInfo() == null && target.getHost() != null && exemptTargets.stream().anyMatch(e ->
                e.getScheme().equalsIgnoreCase(String.valueOf(target.getScheme()))
                        && e.getHost().equalsIgnoreCase(target.getHost()) && port(e) == port(target)
                        && e.getRawPath().equals(target.getRawPath()) && target.getRawFragment() == null);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Parses {@code ENGAWA_WEBHOOKS_ALLOWED_HOSTS}: entries separated by commas or spaces. */
    public static Set<String> parseAllowedHosts(String setting) {
        if (setting == null || setting.isBlank()) {
            return Set.of();
        }
        return Set.of(setting.trim().split("[,\\s]+"));
    }

    /** Throws with a reason when {@code target} must not receive webhooks. */
    public void check(URI target) throws RefusedTargetException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedTargetException("Only https:// URLs can receive webhooks.");
        }
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedTargetException("The URL has no host name.");
        }
        if (isExempt(target)) {
            return;
        }
        if (target.getUserInfo() != null) {
            throw new RefusedTargetException("Put credentials in the receiver's settings, not in the URL.");
        }
        int port = target.getPort() != -1 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        if (isAllowListed(host, port)) {
            return;
        }
        if (!scheme.equals("https")) {
            throw new RefusedTargetException("Use https:// so that events cannot be read or changed on the way.");
        }
        checkAddresses(host);
    }

    boolean isAllowListed(String host, int port) {
        String bare = bareHost(host);
        return allowedHosts.contains(bare) || allowedHosts.contains(bare + ":" + port)
                || allowedHosts.contains("[" + bare + "]:" + port);
    }

    private List<InetAddress> checkAddresses(String host) throws RefusedTargetException {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bareHost(host));
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("The host " + host + " cannot be found. Check the spelling.");
        }
        if (addresses.isEmpty()) {
            throw new RefusedTargetException("The host " + host + " has no address.");
        }
        for (InetAddress address : addresses) {
            if (InternalAddresses.isInternal(address)) {
                throw new RefusedTargetException("The host " + host + " points to an internal address ("
                        + address.getHostAddress() + "). Webhooks can only go to public addresses;"
                        + " an admin can allow an internal receiver with ENGAWA_WEBHOOKS_ALLOWED_HOSTS.");
            }
        }
        return addresses;
    }

    /**
     * OkHttp's name resolution with the same rule, applied to every connection. Allow-listed hosts
     * resolve freely (the port is checked by {@link #check} before sending).
     */
    public okhttp3.Dns dns() {
        return hostname -> {
            // an exempt target's host resolves freely; check() has already refused its other paths
            if (exemptTargets.stream().anyMatch(e -> e.getHost().equalsIgnoreCase(hostname))
                    || allowedHosts.stream().anyMatch(h -> h.equals(hostname) || h.startsWith(hostname + ":")
                    || h.startsWith("[" + hostname + "]"))) {
                return resolver.resolve(hostname);
            }
            try {
                return checkAddresses(hostname);
            } catch (RefusedTargetException e) {
                throw new UnknownHostException(e.getMessage());
            }
        };
    }

    private static String bareHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }
}
