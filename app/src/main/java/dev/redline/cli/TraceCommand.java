package dev.redline.cli;

import dev.redline.error.BadInput;
import dev.redline.diff.DiffStats;
import dev.redline.fetch.FetchConfig;
import dev.redline.json.Json;
import dev.redline.provenance.Evidence;
import dev.redline.service.PageReader;
import dev.redline.service.Services;
import dev.redline.text.Counted;
import dev.redline.trace.Floor;
import dev.redline.trace.TraceMatch;
import dev.redline.trace.TraceResult;
import dev.redline.trace.Tracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code redline trace INPUT}: which tracked article, and which version of it, a text copies.
 * INPUT is a UTF-8 text file (first line the headline), an {@code .html}/{@code .htm}/{@code .html.gz} file or an http(s) URL
 * (both through the extractor, so the copier's page furniture is dropped), or {@code -} for stdin.
 * {@code redline trace --reindex} indexes versions stored before the index existed; a trace of a
 * store whose index lacks stored versions does the same first, so stored text is always found.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Which tracked article, and which version of it, a text copies.")
public final class TraceCommand implements Callable<Integer> {
    @ParentCommand
    Redline root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", description = "a text file, an .html/.htm/.html.gz file, an http(s) URL, or - for stdin")
    String input;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--limit", defaultValue = "5", paramLabel = "K", description = "at most K source articles (default ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    NetworkOptions network = new NetworkOptions();

    @Option(names = "--reindex", description = "index every stored version not yet in the trace index, then exit")
    boolean reindex;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new BadInput("--limit must be at least 1, got " + limit);
        }
        if (reindex == (input != null)) {
            throw new BadInput(reindex ? "--reindex takes no INPUT" : "missing INPUT: a file, a URL or - for stdin");
        }
        FetchConfig pageFetch = network.applyTo(FetchConfig.defaults());
        try (Services services = Services.create(Services.Settings.of(root.config()).withPageFetch(pageFetch))) {
            Tracer tracer = services.tracer();
            long behind = tracer.unindexedVersions();
            if (reindex || behind > 0) {
                if (!reindex) {
                    // stored text must be findable: a store from before the index (or emptied by a migration) is indexed first, once
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("redline: " + behind + " stored versions are not in the trace index yet; indexing them first");
                    err.flush();
                }
                // two passes: index, then look for reuse between sources among the newly indexed versions
                Progress progress = Progress.start("reindex", 2 * services.store().versionCount());
                long added = tracer.reindex(progress::advance);
                progress.finish(Counted.of(services.store().versionCount(), "version") + ", " + added + " newly indexed and checked for reuse");
                if (reindex) {
                    return 0;
                }
            }
            print(traceInput(services));
        }
        return 0;
    }

    private TraceResult traceInput(Services services) throws IOException {
        Tracer tracer = services.tracer();
        if (input.equals("-")) {
            // standard input is checked like a file: a size cap, binary and empty input refused
            return tracer.trace(DiffCommand.readText("stdin", System.in), limit);
        }
        if (PageReader.looksLikeUrl(input)) {
            return tracer.trace(services.pages().read(input), limit);
        }
        // files are read as diff and extract read them: the same checks, gzip and size cap
        Path file = Path.of(input);
        if (ExtractCommand.isHtmlFile(file.getFileName().toString())) {
            return tracer.trace(ExtractCommand.extractFile(file), limit);
        }
        return tracer.trace(DiffCommand.readText(file), limit);
    }

    private void print(TraceResult result) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(result));
        } else if (result.matches().isEmpty()) {
            Floor floor = Floor.DEFAULT;
            out.printf(Locale.ROOT, "No tracked article matches (floor: %d shared five-word runs and %.0f%% coverage or containment, "
                            + "or %d figures and names in order and %.0f%% of their runs of three).%n",
                    floor.minShared(), 100 * floor.minShare(), floor.minKeywords(), 100 * floor.minKeywordShare());
        } else {
            int rank = 1;
            for (TraceMatch m : result.matches()) {
                out.printf(Locale.ROOT, "%d. %s%s%n", rank++, Printable.of(m.url()),
                        m.source() == null ? "" : "  (" + Printable.of(m.source()) + ")");
                out.printf(Locale.ROOT, "   version %d of %s, \"%s\"%s%n", m.version(), m.fetchedAt(), Printable.of(m.title()),
                        m.tiedVersions().size() > 1 ? "  (the evidence fits versions " + m.tiedVersions() + " equally; earliest shown)" : "");
                out.printf(Locale.ROOT, "   %.0f%% of the copy is in that version; the copy carries %.0f%% of it; %d figures and names in the same order%n",
                        100 * m.coverage(), 100 * m.containment(), m.keywords());
                DiffStats s = m.diff().stats();
                out.printf(Locale.ROOT, "   the copier added %s, cut %d, changed %d%s%n", Counted.of(s.added(), "sentence"),
                        s.deleted(), s.edited(), m.diff().title().changed() ? " and the headline" : "");
                for (Evidence e : m.evidence()) {
                    out.println("   evidence: " + describe(e));
                }
            }
        }
        out.flush();
    }

    /** One line of evidence, sanitised for the terminal (the texts come from tracked sites and the copy). */
    static String describe(Evidence e) {
        boolean one = e.contradicts().size() == 1;
        if (!e.carried()) {
            return e.kind() + ": the copy lacks \"" + Printable.of(e.text()) + "\", which " + versions(e.contradicts())
                    + (one ? " has" : " have");
        }
        String against = e.contradicts().isEmpty() ? ""
                : "; " + versions(e.contradicts()) + (e.instead() == null ? (one ? " lacks it" : " lack it")
                : (one ? " says \"" : " say \"") + Printable.of(e.instead()) + "\"");
        return e.kind() + ": the copy carries \"" + Printable.of(e.text()) + "\" as in " + versions(e.supports()) + against;
    }

    private static String versions(List<Integer> numbers) {
        return (numbers.size() == 1 ? "version " : "versions ")
                + numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
