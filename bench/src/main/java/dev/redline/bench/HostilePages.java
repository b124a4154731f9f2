package dev.redline.bench;

import dev.redline.extract.Extracted;
import dev.redline.extract.Extractor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Issue 16's hostile pages under the byte cap, one per JVM run ({@code bench/hostile.sh}): the
 * 4.8 MB page of 600,000 tiny paragraphs and the 1.8 MB page of tags never closed, through Redline's
 * extraction ({@code redline}) or through a plain full jsoup parse ({@code jsoup}, the peer: what
 * building the whole DOM costs before any extraction step). Prints wall time, CPU time and peak heap.
 */
public final class HostilePages {
    private HostilePages() {
    }

    public static void main(String[] args) {
        String page = args[0];
        String engine = args[1];
        byte[] body = build(page);
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        String result;
        try {
            if (engine.equals("jsoup")) {
                Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8));
                result = doc.getAllElements().size() + " elements";
            } else {
                Extracted x = new Extractor().extract(body, "text/html", "https://hostile.example/" + page);
                result = x.found() ? x.paragraphs().size() + " paragraphs" : x.reason();
            }
        } catch (OutOfMemoryError e) {
            result = "OutOfMemoryError";
        }
        System.out.printf(Locale.ROOT, "%s %s (%,d bytes): %s; wall %.2f s, CPU %.2f s, peak heap %.0f MB of %d MB%n",
                page, engine, body.length, result, (System.nanoTime() - t0) / 1e9, (cpu() - cpu0) / 1e9,
                peakHeap() / 1e6, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static byte[] build(String page) {
        String filler = page.equals("wide") ? "<p>a</p>" : "<div>x ";
        int bytes = page.equals("wide") ? 4_800_000 : 1_800_000;
        StringBuilder html = new StringBuilder("<html><head><title>Hostile</title></head><body><article>");
        while (html.length() < bytes) {
            html.append(filler);
        }
        return html.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
