package engawa.portal.slo;

import engawa.portal.shared.UserFacingException;
import engawa.portal.shared.UserFacingException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measurements as a spreadsheet saves them: {@code start,end,good,total} per line, times as ISO
 * 8601 instants, a header line optional, commas or semicolons (as Excel writes them in much of
 * Europe), empty lines skipped. Problems with the file's shape name its line numbers.
 */
public final class MeasurementCsv {

    private MeasurementCsv() {
    }

    /** The measurements of a file, in its order; later checks count rows as this list does (from 1). */
    public static List<SliceInput> parse(String text) {
        List<SliceInput> rows = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        String[] all = text.replace("\uFEFF", "").split("\r?\n", -1);
        for (int i = 0; i < all.length && problems.size() < 20; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(line.contains(";") && !line.contains(",") ? ";" : ",", -1);
            if (rows.isEmpty() && problems.isEmpty()
                    && cells[0].strip().toLowerCase(Locale.ROOT).replace("\"", "").equals("start")) {
                continue;
            }
            if (cells.length != 4) {
                problems.add(new FieldProblem("line " + (i + 1), "slo.csv.columns", i + 1, cells.length));
                continue;
            }
            Long good = number(cells[2]);
            Long total = number(cells[3]);
            if ((good == null && !cells[2].isBlank()) || (total == null && !cells[3].isBlank())) {
                problems.add(new FieldProblem("line " + (i + 1), "slo.csv.number", i + 1));
                continue;
            }
            rows.add(new SliceInput(unquote(cells[0]), unquote(cells[1]), good, total));
        }
        if (!problems.isEmpty()) {
            throw UserFacingException.invalidFields(problems);
        }
        if (rows.isEmpty()) {
            throw UserFacingException.invalid("slo.csv.empty");
        }
        return rows;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Long number(String cell) {
        String s = unquote(cell).replace("_", "");
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
