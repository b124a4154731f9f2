#!/usr/bin/env python3
"""Assembles `redline extract --out DIR` files into the benchmark's prediction format.

usage: predictions.py OUT_DIR PREDICTIONS.json
Each DIR/<id>.json becomes {"<id>": {"articleBody": text, "title": title}}.
"""
import json
import pathlib
import sys

out_dir, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
output = {}
for f in sorted(out_dir.glob("*.json")):
    page = json.loads(f.read_text(encoding="utf-8"))
    output[f.stem] = {"articleBody": page["text"], "title": page["title"] or ""}
target.write_text(json.dumps({"version": "redline 0.1", "output": output}, ensure_ascii=False), encoding="utf-8")
print(f"{len(output)} predictions -> {target}")
