package engawa.portal.webhooks;

import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an event record becomes its {@code data}: components in snake_case (Zapier shows them as
 * {@code data__service__owner_name}), times as ISO-8601, decimals as written, and null fields kept,
 * so that every event of a type has the same fields.
 */
@Component
public class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    public String write(WebhookEvent event) {
        return mapper.writeValueAsString(event);
    }

    public ObjectNode tree(WebhookEvent event) {
        return mapper.valueToTree(event);
    }
}
