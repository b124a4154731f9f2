// Times Mozilla Readability (on jsdom) over the benchmark pages, one page at a time, and writes its
// predictions in the evaluator's format. Peer for bench/extraction.sh; run it pinned to one CPU.
//
// usage: node readability.mjs HTML_DIR URLS.json PREDICTIONS.json TIMING.json [PASSES]
// URLS.json maps page ids to objects with a "url" (the ground truth or segments file); pages
// without an http(s) URL get a placeholder origin.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [htmlDir, truthPath, predPath, timingPath, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 2);
const truth = JSON.parse(readFileSync(truthPath, "utf8"));
const files = readdirSync(htmlDir).filter((f) => f.endsWith(".html.gz")).sort();
const pages = files.map((f) => ({ id: f.replace(/\.html\.gz$/, ""), html: gunzipSync(readFileSync(join(htmlDir, f))).toString("utf8") }));
const quiet = new VirtualConsole();

const output = {};
const seconds = [];
const cpuSeconds = [];
let failures = [];
for (let pass = 0; pass < passes; pass++) {
  failures = [];
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (const { id, html } of pages) {
    try {
      const url = truth[id]?.url ?? "";
      const dom = new JSDOM(html, { url: url.startsWith("http") ? url : "https://example.invalid/", virtualConsole: quiet });
      const article = new Readability(dom.window.document).parse();
      output[id] = { articleBody: article?.textContent ?? "", title: article?.title ?? "" };
      dom.window.close();
    } catch (e) {
      failures.push(id);
      output[id] = { articleBody: "", title: "" };
    }
  }
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  const cpu = process.cpuUsage(cpuStart);
  cpuSeconds.push((cpu.user + cpu.system) / 1e6);
}
writeFileSync(predPath, JSON.stringify({ version: "readability.js 0.6.0 on jsdom 27.0.0", output }));
const timing = {
  pages: pages.length,
  passes,
  seconds_per_pass: seconds,
  pages_per_second_first_pass: pages.length / seconds[0],
  pages_per_second_warm: pages.length / seconds[seconds.length - 1],
  cpu_seconds_per_pass: cpuSeconds,
  pages_per_cpu_second_warm: pages.length / cpuSeconds[cpuSeconds.length - 1],
  failures,
};
writeFileSync(timingPath, JSON.stringify(timing, null, 1));
console.log(`readability: ${pages.length} pages, first pass ${timing.pages_per_second_first_pass.toFixed(1)} pages/s, warm ${timing.pages_per_second_warm.toFixed(1)} pages/s (${timing.pages_per_cpu_second_warm.toFixed(1)} pages per CPU-second), ${failures.length} failures`);
