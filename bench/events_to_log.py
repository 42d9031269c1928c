"""Turns a frontlog CSV export (standard input) into a log lnav reads, one
line per event, on standard output:
"<event_date>T00:00:00.000Z INFO <outlet> <place>: <sentence>"."""
import csv
import sys

for r in csv.DictReader(sys.stdin):
    text = " ".join(r["notes"].split())
    place = r["location"] or "-"
    sys.stdout.write(f"{r['event_date']}T00:00:00.000Z INFO {r['source']} {place}: {text}\n")
