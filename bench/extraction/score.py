#!/usr/bin/env python3
"""Scores extraction predictions on both sets, each split into a dev and a held-out part.

usage: score.py BENCH_DIR SET PREDICTIONS.json [PREDICTIONS.json ...] [--part dev|held-out|full]
       score.py BENCH_DIR --report WORK     (the Markdown tables of a bench/extraction.sh run)

BENCH_DIR is ../shared/bench/extraction; SET is scrapinghub or multilingual. Predictions are in the
Scrapinghub evaluator's shape ({"output": {id: {"articleBody": ...}}}). The split is by site: a page
is held out when the SHA-256 of its host (www. dropped; the page id when there is no host) falls in
the lowest 30 % of the hash range, so all pages of one site land on the same side and the held-out
part stands for sites never seen. Scrapinghub is scored with its evaluate.py (shingle F1, mean over
pages), multilingual with its score.py (segment F1, summed over pages). Prints one tab-separated line
per prediction file and part: name, set, part, pages, F1, precision, recall, pages with no text.
"""
import argparse
import hashlib
import importlib.util
import json
import pathlib
import re
import subprocess
import sys
import tempfile
from urllib.parse import urlparse

HELD_OUT_SHARE = 0.3


def site(page_id, url):
    host = urlparse(url).hostname if url and url.startswith("http") else None
    if host is None:
        # multilingual's "hard::host-name.html" pages name their host in the file name
        m = re.match(r"^hard::([a-z0-9.-]+?\.[a-z]{2,})[-.]", url or "")
        host = m.group(1) if m else page_id
    return host.removeprefix("www.")


def held_out(page_id, url):
    digest = hashlib.sha256(site(page_id, url).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64 < HELD_OUT_SHARE


def part_of(truth, part):
    if part == "full":
        return dict(truth)
    want = part == "held-out"
    return {k: v for k, v in truth.items() if held_out(k, v.get("url")) == want}


def predictions(path):
    data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    return data.get("output", data)


def score_scrapinghub(bench, truth, pred):
    spec = importlib.util.spec_from_file_location("evaluate", bench / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    filled = {k: pred.get(k, {"articleBody": ""}) for k in truth}
    m = evaluate.evaluate(truth, filled, n_bootstrap=200)
    empty = sum(1 for k in truth if not (filled[k].get("articleBody") or "").strip())
    return m["f1"], m["precision"], m["recall"], empty


def score_multilingual(bench, truth, pred):
    texts = {k: (pred.get(k) or {}).get("articleBody") or "" for k in truth}
    with tempfile.TemporaryDirectory() as tmp:
        seg, out = pathlib.Path(tmp, "segments.json"), pathlib.Path(tmp, "pred.json")
        seg.write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
        out.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        res = subprocess.run([sys.executable, str(bench / "multilingual" / "score.py"), str(out), str(seg)],
                             capture_output=True, text=True, check=True).stdout
    m = re.search(r"precision ([\d.]+)\s+recall ([\d.]+)\s+accuracy [\d.]+\s+F1 ([\d.]+)", res)
    empty = re.search(r"(\d+) with no output", res)
    return float(m.group(3)), float(m.group(1)), float(m.group(2)), int(empty.group(1))


SETS = {"scrapinghub": ("scrapinghub/ground-truth.json", score_scrapinghub),
        "multilingual": ("multilingual/segments.json", score_multilingual)}
NAMES = {"redline": "Redline", "readability4j": "readability4j 1.0.8 (same JVM)",
         "boilerpipe": "boilerpipe 1.2.2 ArticleExtractor (same JVM)",
         "readability": "Readability.js 0.6.0 + jsdom 27.0.0 (Node)"}


def truth_of(bench, name):
    path, scorer = SETS[name]
    return json.loads((bench / path).read_text(encoding="utf-8")), scorer


def report(bench, work):
    """One Markdown table per set: F1 on dev, held-out and full, P/R on full, pages per CPU-second."""
    for name in SETS:
        truth, scorer = truth_of(bench, name)
        timing = json.loads((work / name / "timing.json").read_text(encoding="utf-8"))
        timing["readability"] = json.loads((work / name / "readability.timing.json").read_text(encoding="utf-8"))
        peer_rate = timing["readability"]["pages_per_cpu_second_warm"]
        parts = {part: part_of(truth, part) for part in ("dev", "held-out", "full")}
        print(f"\n{name} ({len(truth)} pages: dev {len(parts['dev'])}, held-out {len(parts['held-out'])})\n")
        print("| extractor | F1 dev | F1 held-out | F1 full | precision | recall | no text | pages per CPU-second | × Readability.js |")
        print("|---|---|---|---|---|---|---|---|---|")
        for stem in ("redline", "readability4j", "boilerpipe", "readability"):
            pred = predictions(work / name / f"{stem}.json")
            scores = {part: scorer(bench, subset, pred) for part, subset in parts.items()}
            f1, p, r, empty = scores["full"]
            rate = timing[stem]["pages_per_cpu_second_warm"]
            print(f"| {NAMES[stem]} | {scores['dev'][0]:.3f} | {scores['held-out'][0]:.3f} | {f1:.3f} | {p:.3f} | {r:.3f}"
                  f" | {empty} | {rate:.1f} | {rate / peer_rate:.1f}× |")
        rjs = timing["readability"]
        skipped = len(rjs.get("timeouts", [])) + len(rjs.get("crashes", []))
        print(f"\nReadability.js skipped {skipped} page(s) of {len(truth)} (timeouts {rjs.get('timeouts', [])} over"
              f" {rjs.get('timeout_seconds', '–')} s, crashes {rjs.get('crashes', [])}; scored as empty), threw on"
              f" {len(rjs.get('failures', []))}.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bench", type=pathlib.Path)
    ap.add_argument("set", nargs="?", choices=list(SETS))
    ap.add_argument("predictions", nargs="*")
    ap.add_argument("--part", action="append", choices=["dev", "held-out", "full"])
    ap.add_argument("--report", type=pathlib.Path, metavar="WORK")
    args = ap.parse_args()
    if args.report:
        report(args.bench, args.report)
        return
    truth, scorer = truth_of(args.bench, args.set)
    for path in args.predictions:
        pred = predictions(path)
        for part in args.part or ["dev", "held-out", "full"]:
            subset = part_of(truth, part)
            f1, p, r, empty = scorer(args.bench, subset, pred)
            print(f"{pathlib.Path(path).stem}\t{args.set}\t{part}\t{len(subset)}\t{f1:.3f}\t{p:.3f}\t{r:.3f}\t{empty}")


if __name__ == "__main__":
    main()
