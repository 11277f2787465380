/**
 * Open-door office hours: drop-in or seated sessions, once or weekly in their own time zone,
 * joining with what one wants to automate, a waitlist that moves by itself, reminders, calendar
 * files and personal feeds, and for hosts who comes, what they asked, and wishes turned into
 * draft recipes.
 *
 * <p>Owns the {@code office_*} tables and {@code calendar_feeds}. Publishes
 * {@link engawa.portal.officehours.SignupCreated}, {@link engawa.portal.officehours.SignupCancelled},
 * {@link engawa.portal.officehours.WaitlistPromoted} and {@link engawa.portal.officehours.SessionReminderDue}
 * (also webhook events), and for listeners in the portal {@link engawa.portal.officehours.SessionMoved},
 * {@link engawa.portal.officehours.SessionCancelled}, {@link engawa.portal.officehours.HostNoteSent} and
 * {@link engawa.portal.officehours.WishTurnedIntoRecipe}.
 * Depends on people, recipes (linked recipes, drafts from wishes), catalog (sessions about
 * services) and webhooks.
 */
package engawa.portal.officehours;
