package engawa.db.officehours;

public enum SignupStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
