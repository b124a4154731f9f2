package dev.redline.sim;

import dev.redline.extract.ExtractRules;
import dev.redline.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs a generated newsroom as a separate process for load tests ({@code bench/tracker.sh}):
 * {@code java -cp redline.jar dev.redline.sim.SimulatorMain SOURCES ARTICLES_PER_SOURCE VERSIONS [DB]}.
 * Prints one line per site ({@code name rss-url}) and then "ready"; with DB (a SQLite file or JDBC
 * URL) it also registers every site as a source there. Time is virtual and starts two hours after
 * the newsroom's epoch (every story published); it moves only on stdin commands
 * ({@code advance PT3H}, answered with the new time). Ends on {@code quit} or end of input.
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SimulatorMain SOURCES ARTICLES_PER_SOURCE VERSIONS [DB]");
            System.exit(2);
        }
        int sources = Integer.parseInt(args[0]);
        int perSource = Integer.parseInt(args[1]);
        int versions = Integer.parseInt(args[2]);
        Instant epoch = Instant.parse("2026-03-01T00:00:00Z");
        VirtualClock clock = new VirtualClock(epoch.plus(Duration.ofHours(2)));
        Newsroom newsroom = Newsroom.generated(sources, perSource, versions, Duration.ofHours(6), 1);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (NewsroomSimulator sim = NewsroomSimulator.start(clock, newsroom, epoch)) {
            if (args.length > 3) {
                String db = args[3].startsWith("jdbc:") ? args[3] : "jdbc:sqlite:" + args[3];
                try (Store store = Store.open(db)) {
                    for (var site : sim.sites()) {
                        store.addSource(site.name(), List.of(site.rssUrl()), List.of(), ExtractRules.NONE);
                    }
                }
            }
            sim.sites().forEach(site -> out.println(site.name() + " " + site.rssUrl()));
            out.println("ready");
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] cmd = line.trim().split("\\s+");
                if (cmd[0].equals("quit")) {
                    break;
                }
                if (cmd[0].equals("advance") && cmd.length == 2) {
                    out.println("now " + clock.advance(Duration.parse(cmd[1])));
                } else if (cmd[0].equals("requests")) {
                    out.println("requests " + sim.requests().size());
                } else if (!cmd[0].isEmpty()) {
                    out.println("unknown command: " + line);
                }
            }
        }
    }
}
