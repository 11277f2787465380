package engawa.e2e;

import java.io.IOException;
import java.util.List;

/** A system command the fault tests need (tar, mount, umount), run to its end. */
final class Commands {

    private Commands() {
    }

    /** Runs the command and fails with what it printed unless it exits with 0. */
    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
