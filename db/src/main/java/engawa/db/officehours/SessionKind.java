package engawa.db.officehours;

/** Drop-in: no seats, people say they will come by. Seated: a capacity, then a waitlist. */
public enum SessionKind {
    DROP_IN, SEATED
}
