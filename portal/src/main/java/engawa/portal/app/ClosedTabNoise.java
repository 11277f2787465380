package engawa.portal.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps out of the log two ERRORs, each with a stack trace, that Vaadin's push library (Atmosphere)
 * writes when a browser tab closes while the server is talking to it: nothing failed, the tab is
 * simply gone (vaadin/flow#7177). An operator watching for ERRORs would otherwise learn to ignore
 * them, and with them the ones that matter. Only these exact two are held back: the same messages
 * with any other cause, and everything else these loggers say, still reach the log.
 */
@org.springframework.stereotype.Component
class ClosedTabNoise extends TurboFilter {

    static final String ATMOSPHERE_PROCESSOR = "org.atmosphere.cpr.AsynchronousProcessor";
    static final String VAADIN_PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";

    /** Joins the logging Spring Boot has set up by now (it sets it up before any bean is made). */
    ClosedTabNoise() {
        start();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable thrown) {
        if (level != Level.ERROR || format == null) {
            return FilterReply.NEUTRAL;
        }
        Throwable cause = thrown != null ? thrown
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        boolean tabGone = switch (logger.getName()) {
            // a closing socket's resource, already let go, or written to as it closes (Tomcat's
            // "session has been closed" or "invalid state for called method")
            case ATMOSPHERE_PROCESSOR -> format.startsWith("Failed to cancel resource")
                    && (cause instanceof NullPointerException || cause instanceof IllegalStateException);
            // a change pushed to a tab whose socket has just closed
            case VAADIN_PUSH_HANDLER -> format.equals("Exception in push connection") && cause instanceof IllegalStateException
                    && String.valueOf(cause.getMessage()).contains("WebSocket session has been closed");
            default -> false;
        };
        return tabGone ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
