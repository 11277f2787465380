package engawa.portal.people;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo accounts' passwords are printed in the README, so anyone knows them. They open the
 * portal only on the machine that runs it: while Engawa listens on a loopback address alone and
 * the request comes from there. A portal reachable from elsewhere refuses them, whatever the
 * account, so a forgotten demo installation is not an open door.
 */
@Component
public class PublicPasswords {

    private final boolean listeningOnLoopbackOnly;

    PublicPasswords(@Value("${server.address:}") String serverAddress) {
        this.listeningOnLoopbackOnly = isLoopback(serverAddress);
    }

    /** Whether this is one of the passwords the README lists, for any account. */
    public boolean isPublic(String password) {
        return password != null && DemoPeople.ACCOUNTS.stream().anyMatch(a -> a.password().equals(password));
    }

    /** Whether a public password may open an account for a request from this address. */
    public boolean acceptedFrom(String remoteAddress) {
        return listeningOnLoopbackOnly && isLoopback(remoteAddress);
    }

    public boolean listeningOnLoopbackOnly() {
        return listeningOnLoopbackOnly;
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false; // no address: every interface
        }
        try {
            // a literal address never triggers a name lookup; a name (localhost) is resolved once, at start
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
