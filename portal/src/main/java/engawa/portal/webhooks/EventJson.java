package engawa.portal.webhooks;

import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an event record becomes its {@code data}: components in snake_case (Zapier shows them as
 * {@code data__service__owner_name}), times as ISO-8601, decimals as written, and null fields kept,
 * so that every event of a type has the same fields. What goes out starts with {@code "test"}: true
 * for "Send test" only, so a Zap may filter on a field that real events carry too.
 */
@Component
public class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** The {@code data} that goes out: {@code "test"}, then the event's own fields. */
    public String write(WebhookEvent event, boolean test) {
        return mapper.writeValueAsString(data(event, test));
    }

    public ObjectNode data(WebhookEvent event, boolean test) {
        ObjectNode fields = tree(event);
        ObjectNode data = fields.objectNode().put("test", test);
        data.setAll(fields);
        return data;
    }

    public ObjectNode tree(WebhookEvent event) {
        return mapper.valueToTree(event);
    }
}
