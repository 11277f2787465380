package engawa.portal.shared.ui;

import com.vaadin.flow.component.Component;
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
 * Monday, month titles and dates year first as Japanese write them ({@code 2026年12月},
 * {@code 2026/12/24}); the hint under the field says how to type one.
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
        yearFirstTitles(picker, locale);
        if (picker.getHelperText() == null || picker.getHelperText().isBlank()) {
            picker.setHelperText(Translations.text("datePicker.hint", Translations.supportedOrEnglish(locale)));
        }
        return picker;
    }

    public static DateTimePicker localised(DateTimePicker picker, Locale locale) {
        picker.setDatePickerI18n(i18n(locale));
        picker.setLocale(Translations.supportedOrEnglish(locale));
        yearFirstTitles(picker, locale);
        return picker;
    }

    /**
     * The calendar's month titles as Japanese write them, "2026年12月" rather than the picker's
     * "12月 2026". The title is a function in the web component's settings, which the Java settings
     * cannot carry, so it is added in the browser each time the picker is shown, after the settings
     * from the server (a date-time picker hands it on to its date picker).
     */
    private static void yearFirstTitles(Component picker, Locale locale) {
        if (!"ja".equals(Translations.supportedOrEnglish(locale).getLanguage())) {
            return;
        }
        // in a timeout: after the settings the picker (a date-time picker's date picker, its child)
        // receives in the same answer
        picker.addAttachListener(attached -> picker.getElement().executeJs("""
                const picker = this.querySelector('[slot=date-picker]') || this;
                setTimeout(() => picker.i18n = Object.assign({}, picker.i18n, {formatTitle: (month, year) => year + '年' + month}));"""));
    }
}
