package engawa.db.slo;

/** Events summed over some slices; {@code slices} 0 means no data at all, not "all good". */
public record Counts(long good, long total, long slices) {

    public static final Counts NONE = new Counts(0, 0, 0);

    public long bad() {
        return total - good;
    }
}
