package engawa.portal.shared.api;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every JSON request body that is a record (or a list of them) through {@link JsonBodies}:
 * bounded in size, unknown fields refused, every wrong field named. Only reads; responses are
 * written by Spring's own JSON converter.
 */
final class StrictJsonReader implements SmartHttpMessageConverter<Object> {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    private final JsonBodies bodies;
    private final JsonMapper json;

    StrictJsonReader(JsonBodies bodies, JsonMapper json) {
        this.bodies = bodies;
        this.json = json;
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        Class<?> raw = type.resolve();
        if (raw == null || mediaType != null && JSON.stream().noneMatch(j -> j.includes(mediaType))) {
            return false;
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return true;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Class<?> element = type.asCollection().resolveGeneric(0);
            return element != null && element.isRecord();
        }
        return raw.isRecord();
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        byte[] body = bodies.readBounded(input.getBody());
        if (JsonNode.class.isAssignableFrom(type.toClass())) {
            try {
                return json.readTree(body);
            } catch (tools.jackson.core.JacksonException e) {
                throw new HttpMessageNotReadableException("The request body is not valid JSON", input);
            }
        }
        JavaType target = json.getTypeFactory().constructType(type.getType());
        try {
            return bodies.read(body, target);
        } catch (JsonBodies.NotJson e) {
            throw new HttpMessageNotReadableException(e.getMessage(), input);
        }
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return false;
    }

    @Override
    public void write(Object value, ResolvableType type, MediaType contentType, HttpOutputMessage output,
            Map<String, Object> hints) {
        throw new UnsupportedOperationException("Reads only");
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return JSON;
    }
}
