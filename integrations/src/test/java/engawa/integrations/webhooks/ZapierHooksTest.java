package engawa.integrations.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ZapierHooksTest {

    @Test
    void catch_hook_urls_are_recognised_and_look_alikes_are_not() {
        assertThat(ZapierHooks.isCatchHook(URI.create("https://hooks.zapier.com/hooks/catch/123456/abcdef/"))).isTrue();
        assertThat(ZapierHooks.isCatchHook(URI.create("https://HOOKS.zapier.com/hooks/catch/1/a"))).isTrue();
        assertThat(ZapierHooks.isCatchHook(URI.create("http://hooks.zapier.com/hooks/catch/1/a"))).isFalse();
        assertThat(ZapierHooks.isCatchHook(URI.create("https://hooks.zapier.com.evil.example/hooks/catch/1/a"))).isFalse();
        assertThat(ZapierHooks.isCatchHook(URI.create("https://hooks.zapier.com/hooks/standard/1/a"))).isFalse();
    }
}
