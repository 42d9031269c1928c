#!/usr/bin/env python3
"""Writes the same generated articles in the structured input formats, for
bench/run.sh: one saved HTML page per article, one JSON Lines dump and one
Telegram Desktop export (result.json).

    python3 bench/formats.py SOURCE_CORPUS OUT_DIR [ARTICLES]

SOURCE_CORPUS is a folder written by `frontlog gen-corpus` (text articles
with a `date YYYY-MM-DD` stamp line); its manifest gives the dates.
"""
import html
import json
import os
import sys
import tomllib
from datetime import datetime, timezone

src, out = sys.argv[1], sys.argv[2]
limit = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
manifest = tomllib.load(open(os.path.join(src, "manifest.toml"), "rb"))
entries = manifest.get("doc", [])
dates = {e["file"]: str(e.get("published", "")) for e in entries if "file" in e}
files = sorted(f for f in dates)[:limit]
for kind in ("html", "jsonl", "telegram"):
    os.makedirs(os.path.join(out, kind), exist_ok=True)
records, messages = [], []
for i, rel in enumerate(files, 1):
    text = open(os.path.join(src, rel), encoding="utf-8").read()
    lines = [l for l in text.splitlines() if l.strip()]
    title, body = lines[0], lines[1:]
    day = dates[rel][:10]
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
    page = (f"<!DOCTYPE html><html><head><title>{html.escape(title)}</title>"
            f'<meta property="article:published_time" content="{day}T09:00:00Z">'
            f'<meta property="og:site_name" content="Bench Post"></head><body>'
            f"<nav><a href='/'>Home</a></nav><article><h1>{html.escape(title)}</h1>{paras}</article>"
            f"<footer>(c) Bench Post</footer></body></html>")
    open(os.path.join(out, "html", f"a{i:05}.html"), "w", encoding="utf-8").write(page)
    records.append(json.dumps({"title": title, "date": day, "text": "\n".join(body), "source": "Bench Post"}, ensure_ascii=False))
    stamp = int(datetime.fromisoformat(day).replace(hour=9, tzinfo=timezone.utc).timestamp())
    messages.append({"id": i, "type": "message", "date": f"{day}T09:00:00", "date_unixtime": str(stamp),
                     "text": "\n".join(lines)})
open(os.path.join(out, "jsonl", "dump.jsonl"), "w", encoding="utf-8").write("\n".join(records) + "\n")
json.dump({"name": "Bench Channel", "type": "public_channel", "id": 1, "messages": messages},
          open(os.path.join(out, "telegram", "result.json"), "w", encoding="utf-8"), ensure_ascii=False)
print(len(files))
