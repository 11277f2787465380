/**
 * Notifications: telling people what concerns them. Listens to the other features' events
 * (office hours, recipes, SLOs, the catalog) and decides who must hear; writes each person's inbox
 * (the bell, the notifications page, Home's "For you") and queues e-mails in their language, by
 * the channel they chose per {@link engawa.portal.notifications.Topic}, after their quiet hours;
 * sends a weekly digest. Admins see which e-mails went to whom and why.
 *
 * <p>Owns {@code notifications}, {@code notification_preferences}, {@code notification_settings} and
 * {@code email_outbox}. Offers {@link engawa.portal.notifications.NotificationService} (a person's
 * inbox and preferences) and {@link engawa.portal.notifications.Notifier} (tell people about a
 * {@link engawa.portal.notifications.Notice}). Depends on people, catalog, slo, recipes and office
 * hours; none of them depends on it.
 */
package engawa.portal.notifications;
