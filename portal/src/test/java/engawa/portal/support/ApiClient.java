package engawa.portal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The REST API over real HTTP, as a script or Zapier would call it. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public ApiClient(int port) {
        this.port = port;
    }

    /**
     * @param token a bearer token, or null to send none
     * @param body sent as JSON when it looks like JSON, otherwise as a form, to test bodies that are not JSON
     */
    public HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json"
                    : "application/x-www-form-urlencoded");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
