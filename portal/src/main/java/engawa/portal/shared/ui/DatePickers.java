package engawa.portal.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import engawa.portal.shared.Translations;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers in the reader's language: month and weekday names, Today and Cancel, weeks from
 * Monday, and dates typed year first as Japanese write them ({@code 2026/12/24}); the hint under
 * the field says how to type one.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker.DatePickerI18n i18n(Locale locale) {
        Locale lang = Translations.supportedOrEnglish(locale);
        boolean ja = "ja".equals(lang.getLanguage());
        // Vaadin wants the weekdays from Sunday, whatever the first day shown
        List<DayOfWeek> fromSunday = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, lang)).toList())
                .setWeekdays(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL, lang)).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT, lang)).toList())
                .setFirstDayOfWeek(1)
                .setToday(Translations.text("datePicker.today", lang))
                .setCancel(Translations.text("datePicker.cancel", lang))
                .setBadInputErrorMessage(Translations.text("datePicker.badInput", lang));
        return ja ? i18n.setDateFormats("yyyy/MM/dd", "yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d")
                : i18n.setDateFormats("yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "M/d/yyyy");
    }

    /** The picker speaks the reader's language, and says how to type a date where no help is given. */
    public static DatePicker localised(DatePicker picker, Locale locale) {
        picker.setI18n(i18n(locale));
        picker.setLocale(Translations.supportedOrEnglish(locale));
        if (picker.getHelperText() == null || picker.getHelperText().isBlank()) {
            picker.setHelperText(Translations.text("datePicker.hint", Translations.supportedOrEnglish(locale)));
        }
        return picker;
    }

    public static DateTimePicker localised(DateTimePicker picker, Locale locale) {
        picker.setDatePickerI18n(i18n(locale));
        picker.setLocale(Translations.supportedOrEnglish(locale));
        return picker;
    }
}
