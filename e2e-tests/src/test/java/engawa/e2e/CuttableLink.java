package engawa.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between a portal and its database, which a test can cut as a partition does: from
 * the cut on nothing passes either way and nothing is closed, so the portal hears neither an answer
 * nor a refusal. Healing it lets new connections through; the connections that were open at the
 * cut stay silent on the portal's side for good, while the database side of each is closed, as
 * after a database that failed over or was restarted while the network was down. A plain TCP relay
 * on loopback otherwise.
 */
final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private CuttableLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().name("link-accept").daemon().start(this::accept);
    }

    /** A link to the server on this loopback port, forwarding. */
    static CuttableLink to(int targetPort) throws IOException {
        return new CuttableLink(targetPort);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing passes, on the connections open now and on those made during the cut. */
    void cut() {
        cut = true;
        links.forEach(link -> link.severed = true);
    }

    /** New connections pass again; those cut stay silent to the portal, and their database side is closed. */
    void heal() {
        for (Link link : links) {
            if (link.severed) {
                close(link.server);
            }
        }
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                // the portal thinks it is connected; its greeting goes nowhere
                held.add(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, server);
                links.add(link);
                Thread.ofPlatform().name("link-up").daemon().start(() -> pump(link, client, server));
                Thread.ofPlatform().name("link-down").daemon().start(() -> pump(link, server, client));
            } catch (IOException e) {
                // the database not listening: the portal's connection ends at once, as a refused one would
                close(client);
            }
        }
    }

    /** Copies one direction; the first bytes after a cut are dropped, and the copying stops there. */
    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0;) {
                if (link.severed) {
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        }
        if (!link.severed) {
            // an ordinary close on either side reaches the other, as without the link
            close(link.client);
            close(link.server);
            links.remove(link);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        close(listener);
        links.forEach(link -> {
            close(link.client);
            close(link.server);
        });
        held.forEach(CuttableLink::close);
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static final class Link {
        final Socket client;
        final Socket server;
        volatile boolean severed;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }
    }
}
