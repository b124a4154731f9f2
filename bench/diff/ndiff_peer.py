#!/usr/bin/env python3
"""The peer method for Redline's diff benchmark: Python's difflib.ndiff over sentences, as the
NewsEdits work started from. A '-' line followed by a '+' line counts as an edit of one sentence
when SequenceMatcher.ratio() > 0.8; otherwise they are a delete and an add. ndiff has no moves.

Subcommands (bench/diff.sh runs them in order):
  export-labelled DIR OUT       labelled pairs (core/src/test/resources/diff-labelled/*.txt) as JSON
                                for the Java side to diff with Redline
  report PAIRS LABELLED REDLINE speed of the peer on the benchmark pairs, and alignment F1 of the
                                peer and of Redline (its ops in REDLINE) on the labelled set, with
                                one scorer for both
"""
import difflib
import glob
import json
import os
import re
import sys
import time
import unicodedata

# --- the labelled set ------------------------------------------------------------------------

def read_labelled(path):
    """One NN.txt file: titles, paragraphs and sentences of both versions, and the expected links."""
    sides = {"old": {"title": "", "paragraphs": [], "sentences": [], "labels": []},
             "new": {"title": "", "paragraphs": [], "sentences": [], "labels": []}}
    side, paragraph = None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines + [""]:
        if line in ("=== old", "=== new"):
            if side and paragraph:
                side["paragraphs"].append(" ".join(paragraph))
            side, paragraph = sides[line[4:]], None
        elif not line.strip():
            if side and paragraph:
                side["paragraphs"].append(" ".join(paragraph))
            paragraph = None
        else:
            label, text = line.split(": ", 1)
            if label == "T":
                side["title"] = text
                continue
            side["labels"].append(label)
            side["sentences"].append(text)
            paragraph = (paragraph or []) + [text]
    return sides["old"], sides["new"], expected_links(sides["old"], sides["new"])


def key(text):
    """Redline's comparison key (dev.redline.text.Normalize.key), to tell 'same' from 'edit'."""
    s = unicodedata.normalize("NFC", text)
    s = re.sub("[\u2018\u2019\u201A\u201B\u2032\u00B4`]", "'", s)
    s = re.sub("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]", '"', s)
    s = re.sub("[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]", "-", s)
    return re.sub(r"\s+", " ", s).strip()


def expected_links(old, new):
    old_index = {label: i for i, label in enumerate(old["labels"])}
    links, used, by_old = set(), set(), {}
    for j, label in enumerate(new["labels"]):
        if label == "+":
            links.add(("add", -1, j))
            continue
        for ident in label.rstrip(">").split(","):
            by_old.setdefault(ident, []).append(j)
        if label.endswith(">"):
            i = old_index[label[:-1]]
            links.add(("move", i, j))
            used.add(i)
    for ident, js in by_old.items():
        i = old_index[ident]
        if i in used:
            continue
        used.add(i)
        grouped = len(js) > 1 or "," in new["labels"][js[0]]
        for j in js:
            same = not grouped and key(old["sentences"][i]) == key(new["sentences"][j])
            links.add(("same" if same else "edit", i, j))
    for i in range(len(old["labels"])):
        if i not in used:
            links.add(("delete", i, -1))
    return links

# --- the peer -----------------------------------------------------------------------------------

def ndiff_links(a, b):
    """Alignment links of ndiff over sentence lists a and b."""
    links = []
    lines = [l for l in difflib.ndiff(a, b) if not l.startswith("? ")]
    i = j = 0
    k = 0
    while k < len(lines):
        tag = lines[k][:2]
        if tag == "  ":
            links.append(("same", i, j))
            i, j = i + 1, j + 1
        elif tag == "- ":
            nxt = lines[k + 1][:2] if k + 1 < len(lines) else ""
            if nxt == "+ " and difflib.SequenceMatcher(None, a[i], b[j]).ratio() > 0.8:
                links.append(("edit", i, j))
                i, j, k = i + 1, j + 1, k + 1
            else:
                links.append(("delete", i, -1))
                i += 1
        elif tag == "+ ":
            links.append(("add", -1, j))
            j += 1
        k += 1
    return links


def redline_links(diff):
    links = set()
    for op in diff["ops"]:
        kind = op["op"]
        if kind == "add":
            links.add((kind, -1, op["newIndex"]))
        elif kind == "delete":
            links.add((kind, op["oldIndex"], -1))
        else:
            old_end = op.get("oldIndexEnd") or op["oldIndex"]
            new_end = op.get("newIndexEnd") or op["newIndex"]
            for i in range(op["oldIndex"], old_end + 1):
                for j in range(op["newIndex"], new_end + 1):
                    links.add((kind, i, j))
    return links


# the sets of core/src/test/resources/diff-labelled/README.md, by pair number
SETS = (("tuned", 1, 32), ("held_out_1", 33, 38), ("dev", 39, 60), ("held_out_2", 61, 71), ("held_out_3", 72, 83), ("held_out_4", 84, 115), ("held_out_5", 116, 147))


def labelled_set(path):
    number = int(os.path.basename(path).split(".")[0])
    for name, first, last in SETS:
        if first <= number <= last:
            return name
    raise ValueError(f"{path}: in no set of the diff-labelled README")


def f1(pairs):
    """Micro F1 over change links (everything but 'same') of (expected, predicted) pairs."""
    tp = fp = fn = 0
    for expected, predicted in pairs:
        e = {l for l in expected if l[0] != "same"}
        p = {l for l in predicted if l[0] != "same"}
        tp += len(e & p)
        fp += len(p - e)
        fn += len(e - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pairs_per_second(pairs, rounds=5):
    """Best of several rounds over all pairs: (wall-clock pairs/s, CPU-time pairs/s)."""
    best_wall = best_cpu = 0.0
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        for pair in pairs:
            ndiff_links(pair["old"], pair["new"])
        best_wall = max(best_wall, len(pairs) / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, len(pairs) / (time.process_time() - cpu))
    return best_wall, best_cpu


def main(argv):
    if len(argv) == 3 and argv[0] == "export-labelled":
        out = []
        for path in sorted(glob.glob(os.path.join(argv[1], "*.txt"))):
            old, new, _ = read_labelled(path)
            out.append({"name": os.path.basename(path),
                        "old": {"title": old["title"], "paragraphs": old["paragraphs"]},
                        "new": {"title": new["title"], "paragraphs": new["paragraphs"]}})
        with open(argv[2], "w", encoding="utf-8") as f:
            json.dump(out, f)
        return 0
    if len(argv) == 4 and argv[0] == "report":
        with open(argv[1], encoding="utf-8") as f:
            bench = json.load(f)
        labelled_dir, redline_file = argv[2], argv[3]
        with open(redline_file, encoding="utf-8") as f:
            redline = {r["name"]: r["diff"] for r in json.load(f)}
        peer_scored, redline_scored = {}, {}
        for path in sorted(glob.glob(os.path.join(labelled_dir, "*.txt"))):
            old, new, expected = read_labelled(path)
            name = labelled_set(path)
            peer_scored.setdefault(name, []).append((expected, set(ndiff_links(old["sentences"], new["sentences"]))))
            redline_scored.setdefault(name, []).append((expected, redline_links(redline[os.path.basename(path)])))
        wall, cpu = pairs_per_second(bench["typical"])
        start = time.process_time()
        ndiff_links(bench["large"]["old"], bench["large"]["new"])
        large_seconds = time.process_time() - start
        print(f"labelled_pairs {sum(len(v) for v in peer_scored.values())}")
        print(f"peer_f1 {f1([p for v in peer_scored.values() for p in v]):.3f}")
        print(f"redline_f1 {f1([p for v in redline_scored.values() for p in v]):.3f}")
        for name, _, _ in SETS:
            print(f"pairs_{name} {len(peer_scored.get(name, []))}")
            print(f"peer_f1_{name} {f1(peer_scored.get(name, [])):.3f}")
            print(f"redline_f1_{name} {f1(redline_scored.get(name, [])):.3f}")
        print(f"peer_wall_pairs_per_s {wall:.1f}")
        print(f"peer_cpu_pairs_per_s {cpu:.1f}")
        print(f"peer_large_cpu_ms {large_seconds * 1000:.1f}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
