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
        return send(method, path, token, body, java.util.Map.of());
    }

    /** @param headers sent as given; a Content-Type here replaces the guessed one */
    public HttpResponse<String> send(String method, String path, String token, String body,
            java.util.Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json"
                    : "application/x-www-form-urlencoded");
        }
        headers.forEach((name, value) -> {
            if (name.equalsIgnoreCase("Expect")) {
                // as curl does for large bodies: the server may refuse before the body is sent
                request.expectContinue(true);
            } else {
                request.header(name, value);
            }
        });
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A binary body (an archive, a multipart form) with its media type. */
    public HttpResponse<String> sendBytes(String method, String path, String token, byte[] body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
