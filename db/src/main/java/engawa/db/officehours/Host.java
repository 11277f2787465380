package engawa.db.officehours;

public record Host(long userId, String username, String name, String email) {
}
