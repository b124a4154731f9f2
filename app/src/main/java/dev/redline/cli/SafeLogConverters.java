package dev.redline.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback converters that pass every log line through {@link Printable}: log messages and exception
 * messages carry text from other sites (status lines, headers, feed errors), which must not reach
 * an operator's terminal as escape sequences. Used by {@code logback.xml} as {@code %safeMsg} and
 * {@code %safeEx}. Stateless and thread-safe, as logback requires.
 */
public final class SafeLogConverters {
    private SafeLogConverters() {
    }

    /** {@code %msg}, on one line with every control character escaped. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Printable.of(super.convert(event));
        }
    }

    /** {@code %ex}, keeping the stack trace's own line breaks and tabs. */
    public static final class Throwable extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Printable.lines(super.throwableProxyToString(proxy));
        }
    }
}
