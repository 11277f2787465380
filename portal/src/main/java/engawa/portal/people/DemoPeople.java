package engawa.portal.people;

import engawa.db.people.Role;
import engawa.db.people.UserRepository;
import engawa.portal.shared.DemoData;
import engawa.portal.shared.EngawaProperties;
import engawa.portal.shared.SystemAuthentication;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo teams and people, loaded into an empty database only, so a first start has someone to sign
 * in as. Loaded once all beans exist but before the web server opens its port, so nobody can try
 * to sign in while the accounts are still being written. The passwords are public (README): see
 * docs/decisions/004 for why that is acceptable and how to switch it off.
 */
@Component
class DemoPeople implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);
    /** Serialises the emptiness check across portal instances that share one database. */
    static final long DEMO_DATA_LOCK = 0x656e67617761L;

    record DemoAccount(String username, String displayName, String email, Role role, String password, String who) {
    }

    static final DemoAccount ADMIN = new DemoAccount("admin", "Aiko Tanaka", "aiko.tanaka@example.com", Role.ADMIN,
            "engawa-admin", "admin: manages people and teams");
    static final DemoAccount OWNER = new DemoAccount("kenji", "Kenji Watanabe", "kenji.watanabe@example.com", Role.MEMBER,
            "engawa-owner", "service owner in the Payments team");
    static final DemoAccount STAFF = new DemoAccount("hana", "Hana Sato", "hana.sato@example.com", Role.MEMBER,
            "engawa-staff", "staff member in Finance & Operations, not an engineer");

    static final DemoAccount YUKI = new DemoAccount("yuki", "Yuki Nakamura", "yuki.nakamura@example.com", Role.MEMBER,
            "engawa-demo-yuki", "engineer in Site Reliability");
    static final DemoAccount SAM = new DemoAccount("sam", "Sam Okafor", "sam.okafor@example.com", Role.MEMBER,
            "engawa-demo-sam", "engineer in Marketplace");
    /** Every demo account: their passwords are in the README, so {@link PublicPasswords} knows them all. */
    static final List<DemoAccount> ACCOUNTS = List.of(ADMIN, OWNER, STAFF, YUKI, SAM);

    private final EngawaProperties properties;
    private final UserRepository users;
    private final UserAccountService accounts;
    private final TeamService teams;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final SystemAuthentication system;
    private final List<DemoData> features;

    DemoPeople(EngawaProperties properties, UserRepository users, UserAccountService accounts, TeamService teams,
            TransactionTemplate transaction, JdbcTemplate jdbc, SystemAuthentication system, List<DemoData> features) {
        this.properties = properties;
        this.users = users;
        this.accounts = accounts;
        this.teams = teams;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.system = system;
        this.features = features;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.demoData()) {
            return;
        }
        boolean loaded = Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, DEMO_DATA_LOCK);
            if (users.count() > 0) {
                return false;
            }
            system.runAsSystem(() -> {
                load();
                features.forEach(DemoData::load);
                return null;
            });
            return true;
        }));
        if (loaded) {
            StringBuilder text = new StringBuilder("Loaded demo data. Sign in with one of these demo accounts"
                    + " (their passwords are public: they work only from this machine while Engawa listens on it alone;"
                    + " ENGAWA_DEMO_DATA=false skips demo data):");
            for (DemoAccount account : new DemoAccount[] {ADMIN, OWNER, STAFF}) {
                text.append(System.lineSeparator()).append(String.format("    %-6s / %-13s  %s",
                        account.username(), account.password(), account.who()));
            }
            log.warn(text.toString());
        }
    }

    private void load() {
        teams.create(new NewTeam("engineering", "Engineering", "Everyone who builds and runs our services.", null));
        teams.create(new NewTeam("platform", "Platform", "Shared infrastructure, CI/CD and the developer portal.", "engineering"));
        teams.create(new NewTeam("sre", "Site Reliability", "Keeps the common minimum of operations: logs, metrics, alerts, on-call.", "platform"));
        teams.create(new NewTeam("payments", "Payments", "Checkout, payment methods and payouts.", "engineering"));
        teams.create(new NewTeam("marketplace", "Marketplace", "Listings, search and the buyer experience.", "engineering"));
        teams.create(new NewTeam("finance-ops", "Finance & Operations", "Accounting, invoicing and back-office work.", null));

        for (DemoAccount account : ACCOUNTS) {
            accounts.create(new NewUser(account.username(), account.displayName(), account.email(), account.role(),
                    account.password()));
        }

        teams.addMember("platform", ADMIN.username());
        teams.addMember("payments", OWNER.username());
        teams.addMember("sre", YUKI.username());
        teams.addMember("marketplace", SAM.username());
        teams.addMember("finance-ops", STAFF.username());
    }
}
