// Times Mozilla Readability (on jsdom) over the benchmark pages, one page at a time, and writes its
// predictions in the evaluator's format. Peer for bench/extraction.sh; run it pinned to one CPU.
//
// usage: node readability.mjs HTML_DIR URLS.json PREDICTIONS.json TIMING.json [PASSES] [TIMEOUT_SECONDS]
// URLS.json maps page ids to objects with a "url" (the ground truth or segments file); pages
// without an http(s) URL get a placeholder origin.
//
// Pages are extracted in a worker thread, so that one page cannot stop the run: a page that takes
// longer than TIMEOUT_SECONDS (wall time, default 60) or crashes the worker (out of heap: the worker's
// heap is capped by HEAP_MB, default 2048) is skipped and counted, the worker is replaced, and the run
// goes on with the next page. A skipped page scores as an empty text, as a page it threw on does, and
// the timing file lists it ("timeouts", "crashes"). CPU time is the whole process's (process.cpuUsage
// counts every thread), so the time spent on a skipped page, and the cost of replacing the worker,
// count against Readability.js too.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";

if (!isMainThread) {
  const require = createRequire(join(workerData.cwd, "package.json"));
  const { JSDOM, VirtualConsole } = require("jsdom");
  const { Readability } = require("@mozilla/readability");
  const quiet = new VirtualConsole();
  parentPort.on("message", ({ id, html, url }) => {
    try {
      const dom = new JSDOM(html, { url: url.startsWith("http") ? url : "https://example.invalid/", virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      const out = { articleBody: article?.textContent ?? "", title: article?.title ?? "" };
      dom.window.close();
      parentPort.postMessage({ id, out, failed: false });
    } catch (e) {
      parentPort.postMessage({ id, out: { articleBody: "", title: "" }, failed: true });
    }
  });
} else {
  const [htmlDir, truthPath, predPath, timingPath, passesArg, timeoutArg] = process.argv.slice(2);
  const passes = Number(passesArg ?? 2);
  const timeoutMs = Number(timeoutArg ?? 60) * 1000;
  const heapMb = Number(process.env.HEAP_MB ?? 2048);
  const truth = JSON.parse(readFileSync(truthPath, "utf8"));
  const files = readdirSync(htmlDir).filter((f) => f.endsWith(".html.gz")).sort();
  const pages = files.map((f) => ({ id: f.replace(/\.html\.gz$/, ""), html: gunzipSync(readFileSync(join(htmlDir, f))).toString("utf8") }));

  let worker = null;
  const startWorker = () => new Worker(new URL(import.meta.url), {
    workerData: { cwd: process.cwd() }, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  // one page in the worker: its result, or "timeout" / "crash" (the worker is then replaced)
  const extract = (page) => new Promise((resolve) => {
    worker ??= startWorker();
    const w = worker;
    const done = (result) => {
      clearTimeout(timer);
      w.removeAllListeners("message");
      w.removeAllListeners("error");
      w.removeAllListeners("exit");
      resolve(result);
    };
    const replace = (kind) => {
      worker = null;
      w.terminate();
      done({ kind });
    };
    const timer = setTimeout(() => replace("timeout"), timeoutMs);
    w.on("message", (m) => done({ kind: m.failed ? "failure" : "ok", out: m.out }));
    w.on("error", () => replace("crash"));
    w.on("exit", () => replace("crash"));
    w.postMessage({ id: page.id, html: page.html, url: truth[page.id]?.url ?? "" });
  });

  const output = {};
  const seconds = [];
  const cpuSeconds = [];
  let failures = [];
  let timeouts = [];
  let crashes = [];
  for (let pass = 0; pass < passes; pass++) {
    failures = [];
    timeouts = [];
    crashes = [];
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const [i, page] of pages.entries()) {
      const r = await extract(page);
      if ((i + 1) % 100 === 0) console.log(`readability: pass ${pass + 1}: ${i + 1} of ${pages.length} pages`);
      output[page.id] = r.out ?? { articleBody: "", title: "" };
      if (r.kind === "failure") failures.push(page.id);
      if (r.kind === "timeout") timeouts.push(page.id);
      if (r.kind === "crash") crashes.push(page.id);
    }
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    console.log(`readability: pass ${pass + 1}: ${seconds.at(-1).toFixed(0)} s, ${cpuSeconds.at(-1).toFixed(0)} CPU-s, ${timeouts.length} timeouts, ${crashes.length} crashes`);
  }
  await worker?.terminate();
  writeFileSync(predPath, JSON.stringify({ version: "readability.js 0.6.0 on jsdom 27.0.0", output }));
  const timing = {
    pages: pages.length,
    passes,
    timeout_seconds: timeoutMs / 1000,
    heap_mb: heapMb,
    seconds_per_pass: seconds,
    pages_per_second_first_pass: pages.length / seconds[0],
    pages_per_second_warm: pages.length / seconds[seconds.length - 1],
    cpu_seconds_per_pass: cpuSeconds,
    pages_per_cpu_second_warm: pages.length / cpuSeconds[cpuSeconds.length - 1],
    failures,
    timeouts,
    crashes,
  };
  writeFileSync(timingPath, JSON.stringify(timing, null, 1));
  console.log(`readability: ${pages.length} pages, first pass ${timing.pages_per_second_first_pass.toFixed(1)} pages/s, warm ${timing.pages_per_second_warm.toFixed(1)} pages/s (${timing.pages_per_cpu_second_warm.toFixed(1)} pages per CPU-second), ${failures.length} failures, ${timeouts.length} timeouts, ${crashes.length} crashes`);
}
