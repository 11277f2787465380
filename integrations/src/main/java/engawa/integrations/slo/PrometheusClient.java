package engawa.integrations.slo;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads counters from Prometheus's HTTP API ({@code /api/v1/query_range}). A query must give one
 * series (wrap it in {@code sum(...)}); its value at each step is the counter's total so far, from
 * which the caller takes the increase per slice.
 */
public class PrometheusClient {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PrometheusClient.class);

    /** One value of a series at one moment. */
    public record Sample(Instant at, double value) {
    }

    private final HttpUrl base;
    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param baseUrl e.g. {@code http://prometheus:9090}; the operator's setting, not user input */
    public PrometheusClient(String baseUrl, Duration timeout) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.http = new OkHttpClient.Builder().callTimeout(timeout).followRedirects(false).build();
    }

    /**
     * The query's values from {@code start} to {@code end} every {@code step}.
     *
     * @return empty when the query matches no series
     * @throws PrometheusException when Prometheus cannot be reached, refuses the query, or the
     *         query gives more than one series
     */
    public List<Sample> range(String query, Instant start, Instant end, Duration step) {
        HttpUrl url = base.newBuilder().addPathSegments("api/v1/query_range")
                .addQueryParameter("query", query)
                .addQueryParameter("start", seconds(start))
                .addQueryParameter("end", seconds(end))
                .addQueryParameter("step", step.toSeconds() + "s")
                .build();
        JsonNode answer;
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            String body = response.body().string();
            try {
                answer = json.readTree(body);
            } catch (RuntimeException e) {
                throw new PrometheusException("Prometheus answered HTTP " + response.code() + " without JSON");
            }
            if (!"success".equals(answer.path("status").asString(""))) {
                String error = answer.path("error").asString("");
                throw new PrometheusException("Prometheus refused the query (HTTP " + response.code() + "): "
                        + (error.isEmpty() ? "no reason given" : error));
            }
        } catch (IOException e) {
            // the message goes to every member who reads the SLO: never the address or its credentials,
            // which the operator finds in the log (without the credentials)
            log.warn("Prometheus at {} cannot be reached", base.newBuilder().username("").password("").build(), e);
            throw new PrometheusException("Prometheus cannot be reached: " + reason(e));
        }
        JsonNode result = answer.path("data").path("result");
        if (!"matrix".equals(answer.path("data").path("resultType").asString(""))) {
            throw new PrometheusException("The query does not give a range of numbers (a counter such as sum(http_requests_total))");
        }
        if (result.size() > 1) {
            throw new PrometheusException("The query gives " + result.size()
                    + " series; wrap it in sum(...) so that it gives one number");
        }
        List<Sample> samples = new ArrayList<>();
        if (result.isEmpty()) {
            return samples;
        }
        for (JsonNode point : result.get(0).path("values")) {
            double at = point.get(0).asDouble();
            double value = Double.parseDouble(point.get(1).asString());
            samples.add(new Sample(Instant.ofEpochMilli(Math.round(at * 1000)), value));
        }
        return samples;
    }

    private static String seconds(Instant instant) {
        return String.valueOf(instant.getEpochSecond());
    }

    /** Why a connection failed, in words that name no address. */
    static String reason(IOException e) {
        if (e instanceof java.net.SocketTimeoutException || e instanceof java.io.InterruptedIOException) {
            return "it did not answer in time.";
        }
        if (e instanceof java.net.UnknownHostException) {
            return "its name does not resolve.";
        }
        if (e instanceof java.net.ConnectException) {
            return "the connection was refused.";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "its TLS certificate or protocol was not accepted.";
        }
        return "the connection failed (" + e.getClass().getSimpleName() + ").";
    }
}
