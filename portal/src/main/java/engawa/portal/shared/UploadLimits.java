package engawa.portal.shared;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a refused upload (a catalog file over the limit) end with its message rather than a broken
 * connection. A client that asks "Expect: 100-continue" (curl does for large bodies) gets the
 * refusal before it sends the body, because Tomcat answers 100 only once the application reads;
 * a client that sends at once has the rest of its body read and dropped
 * ({@code server.tomcat.max-swallow-size}), so it can read the answer.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    @Bean
    TomcatConnectorCustomizer continueOnlyWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
