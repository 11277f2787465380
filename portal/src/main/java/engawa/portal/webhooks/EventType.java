package engawa.portal.webhooks;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The events the portal sends, with what each means and a sample of its {@code data}. Payloads
 * keep to flat fields and nested objects, which Zapier turns into readable fields such as
 * {@code data__service__owner}; lists of objects, which it handles poorly, are avoided.
 *
 * <p>{@link Audience} says who may subscribe: catalog and SLO events hold nothing beyond what every
 * member may read in the portal; office-hours events name attendees and recipe runs carry their
 * inputs, so those stay with admins, except that a recipe's owners may watch their own recipe's
 * events ({@link #recipeScoped()}, {@link EventScopes}) and people their own office-hours events
 * ({@link #personScoped()}).
 */
public enum EventType {

    SERVICE_CREATED("service.created", Audience.MEMBERS, "A service was added to the catalog.", """
            {"service": {"name": "payments-api", "title": "Payments API", "type": "service", "lifecycle": "production",
             "tier": 1, "owner": "payments", "url": "https://engawa.example.com/services/payments-api"},
             "actor": "kenji"}"""),
    SERVICE_UPDATED("service.updated", Audience.MEMBERS, "A catalog entry changed; lists the changed fields.", """
            {"service": {"name": "payments-api", "title": "Payments API", "type": "service", "lifecycle": "deprecated",
             "tier": 1, "owner": "payments", "url": "https://engawa.example.com/services/payments-api"},
             "changed_fields": "lifecycle, tier",
             "changes": {"lifecycle": {"from": "production", "to": "deprecated"}, "tier": {"from": "2", "to": "1"}},
             "actor": "kenji"}"""),
    SLO_BUDGET_WARNING("slo.budget.warning", Audience.MEMBERS, "An SLO has used most of its error budget.", """
            {"service": {"name": "payments-api", "owner": "payments"},
             "slo": {"name": "checkout-availability", "objective_percent": 99.9, "window": "28d",
                     "budget_remaining_percent": 18.5},
             "message": "Checkout availability has 18.5% of its error budget left for the next 28 days."}"""),
    SLO_BUDGET_EXHAUSTED("slo.budget.exhausted", Audience.MEMBERS, "An SLO has used all of its error budget.", """
            {"service": {"name": "payments-api", "owner": "payments"},
             "slo": {"name": "checkout-availability", "objective_percent": 99.9, "window": "28d",
                     "budget_remaining_percent": 0},
             "message": "Checkout availability has used all of its error budget: reliability work comes first."}"""),
    SLO_ALERT_CHANGED("slo.alert.changed", Audience.MEMBERS,
            "An SLO's alert level changed (none, ticket, page), by the SRE workbook's multiwindow burn-rate rules.", """
            {"service": {"name": "payments-api", "owner": "payments"},
             "slo": {"name": "checkout-availability", "objective_percent": 99.9, "window": "28d",
                     "budget_remaining_percent": 64.2, "url": "https://engawa.example.com/slos/12"},
             "alert": {"from": "none", "to": "page", "burn_rate_1h": 16.2, "burn_rate_5m": 18.0},
             "message": "Checkout availability is burning its error budget fast: at this pace it is gone in 1 day 17 hours."}"""),
    SESSION_SIGNUP_CREATED("session.signup.created", Audience.ADMINS, "Someone signed up for an office-hours session (a seat or the waitlist).", """
            {"session": {"id": "412", "title": "Automate your spreadsheets",
                         "starts_at": "2026-12-03T05:00:00Z", "ends_at": "2026-12-03T06:00:00Z", "time_zone": "Asia/Tokyo",
                         "location": "Room Sakura", "host": "yuki", "hosts": "Yuki Nakamura",
                         "url": "https://engawa.example.com/office-hours/sessions/412"},
             "attendee": {"username": "hana", "name": "Hana Sato", "email": "hana@example.com"},
             "status": "waitlisted", "waitlist_position": 2,
             "wants_to_automate": "The monthly expense report I copy by hand"}"""),
    SESSION_SIGNUP_CANCELLED("session.signup.cancelled", Audience.ADMINS, "Someone cancelled their office-hours signup.", """
            {"session": {"id": "412", "title": "Automate your spreadsheets",
                         "starts_at": "2026-12-03T05:00:00Z", "ends_at": "2026-12-03T06:00:00Z", "time_zone": "Asia/Tokyo",
                         "location": "Room Sakura", "host": "yuki", "hosts": "Yuki Nakamura",
                         "url": "https://engawa.example.com/office-hours/sessions/412"},
             "attendee": {"username": "hana", "name": "Hana Sato", "email": "hana@example.com"},
             "cancelled_by": "attendee"}"""),
    SESSION_WAITLIST_PROMOTED("session.waitlist.promoted", Audience.ADMINS, "A place opened and someone on the waitlist got it.", """
            {"session": {"id": "412", "title": "Automate your spreadsheets",
                         "starts_at": "2026-12-03T05:00:00Z", "ends_at": "2026-12-03T06:00:00Z", "time_zone": "Asia/Tokyo",
                         "location": "Room Sakura", "host": "yuki", "hosts": "Yuki Nakamura",
                         "url": "https://engawa.example.com/office-hours/sessions/412"},
             "attendee": {"username": "sam", "name": "Sam Okafor", "email": "sam@example.com"}}"""),
    SESSION_REMINDER("session.reminder", Audience.ADMINS, "A session someone signed up for starts soon.", """
            {"session": {"id": "412", "title": "Automate your spreadsheets",
                         "starts_at": "2026-12-03T05:00:00Z", "ends_at": "2026-12-03T06:00:00Z", "time_zone": "Asia/Tokyo",
                         "location": "Room Sakura", "host": "yuki", "hosts": "Yuki Nakamura",
                         "url": "https://engawa.example.com/office-hours/sessions/412"},
             "attendee": {"username": "hana", "name": "Hana Sato", "email": "hana@example.com"},
             "starts_in_minutes": 60}"""),
    RECIPE_RUN_REQUESTED("recipe.run.requested", Audience.ADMINS, "Someone pressed Run on an automation recipe.", """
            {"recipe": {"slug": "expense-reminder", "title": "Remind my team about expense reports", "version": 2,
                        "url": "https://engawa.example.com/recipes/expense-reminder"},
             "run": {"id": "0193f2a4-5b6c-7d8e-9f00-112233445566", "status": "queued", "test": false,
                     "requested_by": "hana", "requested_at": "2026-11-25T09:30:00Z",
                     "url": "https://engawa.example.com/runs/0193f2a4-5b6c-7d8e-9f00-112233445566"},
             "inputs": {"month": "2026-11"}}"""),
    RECIPE_RUN_COMPLETED("recipe.run.completed", Audience.ADMINS, "An automation recipe run finished, with its result.", """
            {"recipe": {"slug": "expense-reminder", "title": "Remind my team about expense reports", "version": 2,
                        "url": "https://engawa.example.com/recipes/expense-reminder"},
             "run": {"id": "0193f2a4-5b6c-7d8e-9f00-112233445566", "status": "succeeded", "test": false,
                     "requested_by": "hana", "requested_at": "2026-11-25T09:30:00Z",
                     "finished_at": "2026-11-25T09:30:04Z", "message": "Reminder posted to #finance",
                     "url": "https://engawa.example.com/runs/0193f2a4-5b6c-7d8e-9f00-112233445566"}}"""),
    RECIPE_HEALTH_CHANGED("recipe.health.changed", Audience.ADMINS,
            "An automation recipe became broken (three failed runs in a row) or works again.", """
            {"recipe": {"slug": "expense-reminder", "title": "Remind my team about expense reports", "version": 2,
                        "url": "https://engawa.example.com/recipes/expense-reminder", "owner": "finance-ops"},
             "health": {"from": "healthy", "to": "broken", "failures_in_a_row": 3,
                        "last_success_at": "2026-11-20T09:00:00Z"},
             "message": "Remind my team about expense reports failed 3 times in a row."}""");

    /** Who may subscribe to an event type and read its recent events. */
    public enum Audience {
        MEMBERS, ADMINS
    }

    private final String id;
    private final Audience audience;
    private final String description;
    private final String sampleJson;

    EventType(String id, Audience audience, String description, String sampleJson) {
        this.id = id;
        this.audience = audience;
        this.description = description;
        this.sampleJson = sampleJson;
    }

    /** The name on the wire, e.g. {@code service.created}. */
    public String id() {
        return id;
    }

    public Audience audience() {
        return audience;
    }

    public String description() {
        return description;
    }

    public String sampleJson() {
        return sampleJson;
    }

    /** Recipe events: admins may watch all of them, a recipe's owners its own ({@link EventScopes}). */
    public boolean recipeScoped() {
        return id.startsWith("recipe.");
    }

    /**
     * Office-hours events: admins may watch all of them; anyone else subscribes to their own
     * ({@code person:<id>}): the sign-ups, promotions and reminders that name them, and every such
     * event of the sessions they host.
     */
    public boolean personScoped() {
        return id.startsWith("session.");
    }

    /** The scope a person's own subscription to a {@link #personScoped()} type watches. */
    public static String personScope(long userId) {
        return "person:" + userId;
    }

    public static Optional<EventType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static String allIds() {
        return Arrays.stream(values()).map(EventType::id).collect(Collectors.joining(", "));
    }
}
