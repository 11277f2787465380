package engawa.portal.shared.api;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies are read by {@link StrictJsonReader} before Spring's lenient default converter. */
@Configuration(proxyBeanMethods = false)
class ApiBodiesConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;
    private final int maxBytes;

    ApiBodiesConfiguration(JsonMapper json, @Value("${engawa.api.max-body-bytes:5242880}") int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    @Bean
    JsonBodies jsonBodies() {
        return new JsonBodies(json, maxBytes);
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.addFirst(new StrictJsonReader(new JsonBodies(json, maxBytes), json));
    }
}
