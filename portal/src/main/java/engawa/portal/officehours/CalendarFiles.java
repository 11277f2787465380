package engawa.portal.officehours;

import engawa.db.officehours.Host;
import engawa.db.officehours.SeriesRow;
import engawa.db.officehours.SeriesValues;
import engawa.db.officehours.SessionRow;
import engawa.portal.shared.PublicUrl;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import org.springframework.stereotype.Component;

/**
 * Sessions as RFC 5545 iCalendar, written by ical4j. A single date is a VEVENT of its own (UID
 * {@code <series uid>-<date>}); a whole series is one VEVENT with its RRULE, EXDATE for cancelled
 * dates and a RECURRENCE-ID VEVENT for each moved one. Times carry their TZID with the matching
 * VTIMEZONE, so a calendar shows 10:00 Berlin time in both halves of the year. SEQUENCE is the
 * series' change counter, raised on every change; DTSTAMP is when it last changed.
 */
@Component
public class CalendarFiles {

    private static final DateTimeFormatter LOCAL_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final PublicUrl urls;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    CalendarFiles(PublicUrl urls) {
        this.urls = urls;
    }

    /** What a calendar holds: single dates and whole series. */
    public record Entry(SeriesRow series, List<SessionRow> dates, boolean wholeSeries) {
    }

    public String write(String name, List<Entry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Engawa//Office hours//EN"));
        calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zonesAdded = new HashSet<>();
        for (Entry entry : entries) {
            String zone = entry.series().values().timeZone();
            if (zonesAdded.add(zone)) {
                calendar.add(zones.getTimeZone(zone).getVTimeZone());
            }
            if (entry.wholeSeries() && entry.series().values().rrule() != null) {
                series(calendar, entry.series(), entry.dates());
            } else {
                entry.dates().forEach(date -> calendar.add(single(entry.series(), date)));
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private void series(Calendar calendar, SeriesRow series, List<SessionRow> dates) {
        SeriesValues v = series.values();
        ZoneId zone = ZoneId.of(v.timeZone());
        ZonedDateTime first = v.firstStartLocal().atZone(zone);
        VEvent master = event(series, first, first.plusMinutes(v.durationMinutes()), series.uid(), series.cancelledAt() != null);
        master.add(new RRule<ZonedDateTime>(v.rrule()));
        List<ZonedDateTime> cancelled = dates.stream().filter(SessionRow::cancelled)
                .map(d -> d.recurrenceLocal().atZone(zone)).toList();
        if (!cancelled.isEmpty()) {
            master.add(new ExDate<>(new ParameterList(List.of(new TzId(v.timeZone()))), new DateList<>(cancelled)));
        }
        master.add(new Url(URI.create(urls.of("/office-hours/sessions/" + dates.getFirst().id()))));
        calendar.add(master);
        for (SessionRow date : dates) {
            if (date.moved() && !date.cancelled()) {
                VEvent moved = event(series, date.startsAt().atZone(zone), date.endsAt().atZone(zone), series.uid(),
                        series.cancelledAt() != null);
                moved.add(new RecurrenceId<>(new ParameterList(List.of(new TzId(v.timeZone()))), date.recurrenceLocal().atZone(zone)));
                moved.add(new Url(URI.create(urls.of("/office-hours/sessions/" + date.id()))));
                calendar.add(moved);
            }
        }
    }

    private VEvent single(SeriesRow series, SessionRow date) {
        ZoneId zone = ZoneId.of(series.values().timeZone());
        VEvent event = event(series, date.startsAt().atZone(zone), date.endsAt().atZone(zone), uidOf(series, date),
                date.cancelled() || series.cancelledAt() != null);
        event.add(new Url(URI.create(urls.of("/office-hours/sessions/" + date.id()))));
        return event;
    }

    /** A single date's UID: stable, and distinct from its series' so both may sit in one calendar. */
    static String uidOf(SeriesRow series, SessionRow date) {
        return series.uid().replace("@", "-" + LOCAL_ID.format(date.recurrenceLocal()) + "@");
    }

    private VEvent event(SeriesRow series, ZonedDateTime start, ZonedDateTime end, String uid, boolean cancelled) {
        SeriesValues v = series.values();
        VEvent event = new VEvent(start, end, v.titleEn());
        Instant changed = series.updatedAt();
        event.replace(new DtStamp(changed));
        event.add(new LastModified(changed));
        event.add(new Uid(uid));
        event.add(new Sequence(series.sequence()));
        event.add(new Description(description(series)));
        String location = Locations.text(v);
        if (!location.isEmpty()) {
            event.add(new Location(location));
        }
        if (!series.hosts().isEmpty()) {
            Host host = series.hosts().getFirst();
            Organizer organizer = new Organizer(new ParameterList(List.of(new Cn(host.name()))),
                    URI.create("mailto:" + (host.email() == null ? host.username() + "@engawa.invalid" : host.email())));
            event.add(organizer);
        }
        event.add(new Status(cancelled ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        return event;
    }

    private static String description(SeriesRow series) {
        StringBuilder text = new StringBuilder(series.values().description());
        if (!series.hosts().isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n").append("Hosts: ")
                    .append(String.join(", ", series.hosts().stream().map(Host::name).toList()));
        }
        if (series.values().videoUrl() != null) {
            text.append("\nJoin the call: ").append(series.values().videoUrl());
        }
        return text.toString();
    }
}
