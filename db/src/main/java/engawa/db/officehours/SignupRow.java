package engawa.db.officehours;

import java.time.Instant;

public record SignupRow(long id, long sessionId, long userId, String username, String name, String email,
        SignupStatus status, String wish, Instant dropByAt, Boolean attended, Long recipeId, String recipeSlug,
        String recipeTitle, Instant createdAt, Instant promotedAt, Instant cancelledAt, Instant remindedAt) {
}
