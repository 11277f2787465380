package engawa.integrations.webhooks;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one signed webhook and says what came of it. Connect timeout 5 s, whole call 15 s;
 * redirects are not followed (a redirect could lead to an internal address, and a receiver that
 * moved should be updated); only the first {@value #RESPONSE_EXCERPT_BYTES} bytes of a response
 * are read. Thread-safe; share one instance.
 */
public final class WebhookSender {

    public static final int RESPONSE_EXCERPT_BYTES = 1024;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int MAX_IDLE_CONNECTIONS = 64;
    private static final String USER_AGENT = "Engawa-Webhooks/1";

    private final OkHttpClient client;
    private final TargetGuard guard;
    private final Clock clock;

    public WebhookSender(TargetGuard guard, Clock clock) {
        this(guard, clock, CONNECT_TIMEOUT, CALL_TIMEOUT);
    }

    /** With other timeouts, for tests that should not wait 15 s for a slow receiver. */
    public WebhookSender(TargetGuard guard, Clock clock, Duration connectTimeout, Duration callTimeout) {
        this.guard = guard;
        this.clock = clock;
        this.client = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                // dispatchers send whole batches at once; keep those connections for the next batch
                .connectionPool(new okhttp3.ConnectionPool(MAX_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .dns(guard.dns())
                .build();
    }

    public DeliveryResult send(WebhookRequest request) {
        try {
            guard.check(request.target());
        } catch (RefusedTargetException e) {
            return new DeliveryResult(DeliveryOutcome.REFUSED_TARGET, 0, Duration.ZERO, e.getMessage(), "", Optional.empty());
        }
        long timestamp = request.timestamp().getEpochSecond();
        Request http = new Request.Builder()
                .url(request.target().toString())
                .header("webhook-id", request.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(request.secret(), request.eventId(), timestamp, request.jsonBody()))
                .header("User-Agent", USER_AGENT)
                .post(RequestBody.create(request.jsonBody(), JSON))
                .build();
        long started = System.nanoTime();
        try (Response response = client.newCall(http).execute()) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            return classify(response, latency, excerpt(response.body()));
        } catch (UnknownHostException e) {
            // also how the connect-time guard refuses a host that now resolves inside
            return failure(e.getMessage() == null ? "The host cannot be found." : e.getMessage(), started);
        } catch (ConnectException e) {
            return failure("Could not connect: " + e.getMessage(), started);
        } catch (InterruptedIOException e) {
            // OkHttp reports its call timeout and socket timeouts this way
            return failure("No answer within the time limit (" + CALL_TIMEOUT.toSeconds() + " s at most).", started);
        } catch (IOException e) {
            return failure("The connection failed: " + e.getMessage(), started);
        }
    }

    private DeliveryResult classify(Response response, Duration latency, String excerpt) {
        int status = response.code();
        Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
        if (status >= 200 && status < 300) {
            return new DeliveryResult(DeliveryOutcome.DELIVERED, status, latency, null, excerpt, Optional.empty());
        }
        if (status == 410) {
            return new DeliveryResult(DeliveryOutcome.GONE, status, latency,
                    "The receiver answered 410 Gone: it no longer wants these events.", excerpt, Optional.empty());
        }
        String error = status >= 300 && status < 400
                ? "The receiver redirected to " + response.header("Location") + "; redirects are not followed. Update the URL."
                : "The receiver answered " + status + ".";
        return new DeliveryResult(DeliveryOutcome.RETRY, status, latency, error, excerpt, retryAfter);
    }

    private DeliveryResult failure(String error, long started) {
        return new DeliveryResult(DeliveryOutcome.RETRY, 0, Duration.ofNanos(System.nanoTime() - started), error, "",
                Optional.empty());
    }

    private static String excerpt(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        // peek at most the cap, whatever the receiver sends
        okio.BufferedSource source = body.source();
        source.request(RESPONSE_EXCERPT_BYTES);
        long available = Math.min(source.getBuffer().size(), RESPONSE_EXCERPT_BYTES);
        return source.getBuffer().snapshot((int) available).string(StandardCharsets.UTF_8);
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
