package engawa.portal.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A real local HTTP server that receives webhooks, answers as told and remembers what came. */
public final class Receiver implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private volatile Function<RecordedRequest, MockResponse> answer = r -> new MockResponse.Builder().code(200).build();

    public Receiver() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request);
                return answer.apply(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return server.url(path).toString();
    }

    public void answer(Function<RecordedRequest, MockResponse> answer) {
        this.answer = answer;
    }

    public void answer(int status) {
        answer(r -> new MockResponse.Builder().code(status).build());
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.close();
    }
}
