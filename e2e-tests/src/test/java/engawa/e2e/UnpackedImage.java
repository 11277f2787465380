package engawa.e2e;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container image that ./mvnw -Pimage package writes (portal/target/jib-image.tar), run as a
 * container runtime would run it but without one: its layers unpacked in order into a root file
 * system, then its entry point started there with chroot as its user (65532) and its environment.
 * chroot needs root, which CI has.
 */
final class UnpackedImage implements AutoCloseable {

    private final Path root;
    private final List<String> entrypoint;
    private final Map<String, String> environment;
    private final String user;

    private UnpackedImage(Path root, List<String> entrypoint, Map<String, String> environment, String user) {
        this.root = root;
        this.entrypoint = entrypoint;
        this.environment = environment;
        this.user = user;
    }

    static Path tarball() {
        return Paths.get(System.getProperty("engawa.portal.image", "../portal/target/jib-image.tar")).toAbsolutePath();
    }

    static boolean canRun() {
        return Files.exists(tarball()) && "root".equals(System.getProperty("user.name"));
    }

    static UnpackedImage unpack(Path directory) throws IOException, InterruptedException {
        Path oci = Files.createDirectories(directory.resolve("oci"));
        Path root = Files.createDirectories(directory.resolve("root"));
        Commands.run(List.of("tar", "-xf", tarball().toString(), "-C", oci.toString()));
        JsonObject index = read(oci, "index.json");
        JsonObject manifest = read(oci, blob(index.getAsJsonArray("manifests").get(0).getAsJsonObject()));
        for (JsonElement layer : manifest.getAsJsonArray("layers")) {
            Commands.run(List.of("tar", "-xzf", oci.resolve(blob(layer.getAsJsonObject())).toString(), "-C", root.toString()));
        }
        JsonObject config = read(oci, blob(manifest.getAsJsonObject("config"))).getAsJsonObject("config");
        List<String> entrypoint = new ArrayList<>();
        config.getAsJsonArray("Entrypoint").forEach(arg -> entrypoint.add(arg.getAsString()));
        Map<String, String> environment = new HashMap<>();
        JsonArray env = config.getAsJsonArray("Env");
        env.forEach(e -> {
            String[] pair = e.getAsString().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        // the JVM reads /proc and /dev/urandom, which a container runtime would mount
        for (String system : List.of("proc", "dev")) {
            Files.createDirectories(root.resolve(system));
            Commands.run(List.of("mount", "--bind", "/" + system, root.resolve(system).toString()));
        }
        return new UnpackedImage(root, List.copyOf(entrypoint), Map.copyOf(environment), config.get("User").getAsString());
    }

    /** The image's environment, as a runtime sets it. */
    Map<String, String> environment() {
        return environment;
    }

    /** The entry point, in the image's root, as its user. */
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + user, root.toString()));
        command.addAll(entrypoint);
        return command;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String system : List.of("proc", "dev")) {
            Commands.run(List.of("umount", "-l", root.resolve(system).toString()));
        }
    }

    private static String blob(JsonObject descriptor) {
        return "blobs/sha256/" + descriptor.get("digest").getAsString().substring("sha256:".length());
    }

    private static JsonObject read(Path oci, String file) throws IOException {
        return JsonParser.parseString(Files.readString(oci.resolve(file))).getAsJsonObject();
    }
}
