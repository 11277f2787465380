package engawa.portal.people;

/** A freshly created token: {@code token} is shown once and cannot be recovered afterwards. */
public record NewApiToken(String token, ApiTokenSummary summary) {

    @Override
    public String toString() {
        return "NewApiToken[" + summary + "]";
    }
}
