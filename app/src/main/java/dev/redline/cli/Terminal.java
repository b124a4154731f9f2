package dev.redline.cli;

import java.lang.reflect.Method;

/** Whether the CLI talks to a person at a terminal (progress bars, colour) or to a pipe or log. */
final class Terminal {
    private Terminal() {
    }

    /**
     * True when the process is attached to an interactive terminal. From JDK 22
     * {@code System.console()} exists even when output is redirected and {@code Console.isTerminal()}
     * tells; this code targets Java 21, so that method is looked up when present.
     */
    static boolean interactive() {
        var console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
