package engawa.portal.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenCodecTest {

    @Test
    void tokens_are_prefixed_url_safe_and_never_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ApiTokenCodec.newToken();
            assertThat(token).matches("egw_[A-Za-z0-9_-]{43}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void the_hash_is_stable_hex_and_reveals_nothing_of_the_token() {
        String token = ApiTokenCodec.newToken();
        assertThat(ApiTokenCodec.hash(token)).isEqualTo(ApiTokenCodec.hash(token)).matches("[0-9a-f]{64}")
                .doesNotContain(token.substring(4, 12));
        assertThat(ApiTokenCodec.hash(token)).isNotEqualTo(ApiTokenCodec.hash(token + "x"));
    }

    @Test
    void the_visible_prefix_is_too_short_to_use() {
        String token = ApiTokenCodec.newToken();
        assertThat(ApiTokenCodec.visiblePrefix(token)).hasSize(10).isEqualTo(token.substring(0, 10));
    }

    @Test
    void secrets_compare_equal_only_when_equal() {
        assertThat(ApiTokenCodec.sameSecret("abc", "abc")).isTrue();
        assertThat(ApiTokenCodec.sameSecret("abc", "abd")).isFalse();
        assertThat(ApiTokenCodec.sameSecret("abc", "abcd")).isFalse();
    }
}
