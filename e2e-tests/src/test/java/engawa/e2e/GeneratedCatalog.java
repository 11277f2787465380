package engawa.e2e;

/** Backstage catalog files of any size, written here, for the fault tests' imports. */
final class GeneratedCatalog {

    private GeneratedCatalog() {
    }

    /** People {@code burst-000} and on, each with an address. */
    static String users(int count) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("""
                    apiVersion: backstage.io/v1alpha1
                    kind: User
                    metadata:
                      name: burst-%1$03d
                    spec:
                      profile:
                        displayName: Burst Person %1$03d
                        email: burst-%1$03d@example.com
                      memberOf: []
                    ---
                    """.formatted(i));
        }
        return yaml.toString();
    }

    /** Services {@code <prefix>-00000} and on, owned by the demo's Payments team, tagged with the prefix. */
    static String components(String prefix, int count) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("""
                    apiVersion: backstage.io/v1alpha1
                    kind: Component
                    metadata:
                      name: %1$s-%2$05d
                      description: One of many, imported while something breaks
                      tags: [%1$s]
                    spec:
                      type: service
                      lifecycle: production
                      owner: group:default/payments
                    ---
                    """.formatted(prefix, i));
        }
        return yaml.toString();
    }
}
