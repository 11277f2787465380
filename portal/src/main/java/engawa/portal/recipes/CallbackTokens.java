package engawa.portal.recipes;

import engawa.portal.webhooks.PrivateTargets;
import engawa.portal.webhooks.SendTimeData;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Puts each run's callback token into its workflow's payload as it is sent, so that no stored row holds it. */
@Component
class CallbackTokens implements SendTimeData {

    private final RunPayloads payloads;
    private final JsonMapper json;

    CallbackTokens(RunPayloads payloads, JsonMapper json) {
        this.payloads = payloads;
        this.json = json;
    }

    @Override
    public boolean handles(String eventType) {
        return PrivateTargets.TYPE.equals(eventType);
    }

    @Override
    public String complete(String dataJson) {
        if (!dataJson.contains(RunPayloads.TOKEN_PLACEHOLDER)) {
            return dataJson;
        }
        JsonNode runId = json.readTree(dataJson).path("run").path("id");
        if (!runId.isString()) {
            return dataJson;
        }
        return dataJson.replace(RunPayloads.TOKEN_PLACEHOLDER, payloads.callbackToken(UUID.fromString(runId.asString())));
    }
}
