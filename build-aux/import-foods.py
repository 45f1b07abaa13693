#!/usr/bin/env python3
"""Convert the USDA SR28 tables and the vitamin K2 CSV into Cofactor's food data.

Usage (from the repository root):

    python3 build-aux/import-foods.py \\
        --usda-sr ../shared/data/usda-sr \\
        --k2 ../shared/data/k2-menaquinones.csv \\
        --output data/foods

Inputs
  * USDA National Nutrient Database for Standard Reference, Release 28, ASCII
    files FD_GROUP.txt, FOOD_DES.txt, NUTR_DEF.txt, NUT_DATA.txt, WEIGHT.txt and
    SRC_CD.txt: ISO-8859-1, one record per line (CRLF), fields separated by '^',
    text fields wrapped in '~', null written as an empty field or '~~'.
  * k2-menaquinones.csv: UTF-8, RFC 4180, one header line; menaquinone amounts
    in micrograms per 100 g, each row naming the publication or table it came
    from.

Outputs (written into --output; UTF-8, tab separated, one header line, '\\n'
line ends, no quoting; tabs and line breaks inside a field become spaces):
  groups.tsv          code, name
  sources.tsv         id, kind, citation, url
  foods.tsv           id, source, group, name, common_name, note
  values.tsv          food, nutrient, value, origin
  portions.tsv        food, seq, amount, description, grams
  value-origins.tsv   code, description

Numbers are copied as the exact text found in the input and never pass through
a float.  The only computed number is vitamin D in micrograms for foods that
have it in IU only (IU / 40, done with decimal.Decimal).  A nutrient that has
no value for a food gets no row at all: "not measured" is not zero.

Every file is fully sorted and carries no timestamp, so the same inputs always
produce byte-identical outputs.  All inputs are read and checked before the
first output file is written; any problem is reported on stderr as
"FILE:LINE: message" and the tool exits with status 1.

Only the Python 3 standard library is used.
"""

from __future__ import annotations

import argparse
import csv
import decimal
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PROG = "import-foods"

# --------------------------------------------------------------------------
# Tables that define the mapping.  Edit these, not the code below.
# --------------------------------------------------------------------------

USDA_SOURCE_ID = "usda-sr28"
USDA_SOURCE_CITATION = (
    "US Department of Agriculture, Agricultural Research Service, Nutrient Data "
    "Laboratory. USDA National Nutrient Database for Standard Reference, "
    "Release 28 (September 2015)"
)

# Catalog nutrient key -> (SR28 Nutr_No, unit that NUTR_DEF.txt must give).
# The unit is only checked, so that a mistyped number cannot slip through.
USDA_NUTRIENTS: dict[str, tuple[str, str]] = {
    "energy": ("208", "kcal"),
    "protein": ("203", "g"),
    "fat": ("204", "g"),
    "carbohydrate": ("205", "g"),
    "fiber": ("291", "g"),
    "sodium": ("307", "mg"),
    "calcium": ("301", "mg"),
    "magnesium": ("304", "mg"),
    "phosphorus": ("305", "mg"),
    "potassium": ("306", "mg"),
    "vitamin_c": ("401", "mg"),
    "vitamin_d": ("328", "\u00b5g"),
    "vitamin_k1": ("430", "\u00b5g"),
    "dihydrophylloquinone": ("429", "\u00b5g"),
    "mk4": ("428", "\u00b5g"),
    "ala": ("851", "g"),
    "fa_18_3": ("619", "g"),
    "epa": ("629", "g"),
    "dpa": ("631", "g"),
    "dha": ("621", "g"),
}

# Vitamin D in IU; used only for foods that lack Nutr_No 328 (1 ug = 40 IU).
VITAMIN_D_KEY = "vitamin_d"
VITAMIN_D_IU = ("324", "IU")
IU_PER_MICROGRAM = decimal.Decimal(40)

# K2 CSV column -> catalog nutrient key.
K2_NUTRIENTS: dict[str, str] = {
    "mk4_ug_per_100g": "mk4",
    "mk7_ug_per_100g": "mk7",
    "mk8_ug_per_100g": "mk8",
    "mk9_ug_per_100g": "mk9",
    "total_k2_ug_per_100g": "vitamin_k2_total",
}

K2_COLUMNS = [
    "food", "food_group", *K2_NUTRIENTS, "source", "note",
]

# K2 CSV food_group -> USDA FdGrp_Cd.  A plain string maps the whole group.
# A tuple of (word, code) pairs is used for CSV groups that span several USDA
# groups: the first word found (as a whole word, case-insensitive) in the food
# name decides.  A value with no entry, or a name matching no word, is an error.
K2_FOOD_GROUPS: dict[str, str | tuple[tuple[str, str], ...]] = {
    "cheese": "0100",                   # Dairy and Egg Products
    "milk": "0100",
    "yogurt/fermented milk": "0100",
    "cream": "0100",
    "eggs": "0100",
    "fats": (                           # SR28 files butter under dairy
        ("butter", "0100"),
    ),
    "poultry": "0500",                  # Poultry Products
    "meat": (
        ("salami", "0700"),             # Sausages and Luncheon Meats
        ("sausage", "0700"),
        ("pepperoni", "0700"),
        ("frankfurter", "0700"),
        ("pork", "1000"),               # Pork Products
        ("beef", "1300"),               # Beef Products
        ("venison", "1700"),            # Lamb, Veal, and Game Products
        ("hare", "1700"),
    ),
    "offal": (
        ("goose", "0500"),              # SR28 files goose liver under poultry
        ("chicken", "0500"),
        ("pork", "1000"),
        ("cow", "1300"),
        ("beef", "1300"),
    ),
    "fish": "1500",                     # Finfish and Shellfish Products
    "soy products": "1600",             # Legumes and Legume Products
    "vegetables": "1100",               # Vegetables and Vegetable Products
    "sweets": "1900",                   # Sweets
}

# First field of a citation that names an organisation rather than an
# author -> short name of the food composition table it publishes.  Sources
# recognised here are of kind "dataset"; all others are "study".
K2_ORGANISATIONS: dict[str, str] = {
    "ANSES": "ciqual",
    "RIVM": "nevo",
}

# --------------------------------------------------------------------------

DECIMAL_RE = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
UNSIGNED_RE = re.compile(r"[0-9]+")
NDB_NO_RE = re.compile(r"[0-9]{5}")
TRAILING_PARENTHESIS_RE = re.compile(r"\s*\([^()]*\)\s*$")

# Characters that may not appear inside an output field: the tab separator and
# everything str.splitlines() treats as a line boundary.
_FIELD_BREAKERS = re.compile("[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")

# Letters that Unicode decomposition does not reduce to ASCII.
_TRANSLITERATION = str.maketrans({
    "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE", "\u00f8": "o", "\u00d8": "O",
    "\u0153": "oe", "\u0152": "OE", "\u0142": "l", "\u0141": "L", "\u0111": "d",
    "\u0110": "D", "\u0131": "i", "\u00fe": "th", "\u00de": "TH", "\u00f0": "d",
    "\u00d0": "D",
})


class InputError(Exception):
    """A missing or malformed input; str() is the message shown to the user."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {message}")


def slugify(text: str) -> str:
    """Lowercase ASCII, runs of anything else turned into one '-'."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def clean_field(value: str) -> str:
    """Make a value safe for a TSV cell."""
    return _FIELD_BREAKERS.sub(" ", value)


# --------------------------------------------------------------------------
# USDA SR28
# --------------------------------------------------------------------------


def read_sr_file(path: Path, field_count: int):
    """Yield (line number, fields) for each record of an SR28 ASCII file.

    Text fields lose their '~' delimiters; '~~' and an empty field both become
    ''.  Lines may end in CRLF or LF; the last line may lack its line end.
    """
    try:
        handle = open(path, encoding="latin-1", newline="\n")
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror}") from None
    with handle:
        for line_no, line in enumerate(handle, 1):
            if line.endswith("\n"):
                line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
            if not line:
                raise InputError(path, "empty line", line_no)
            if "\r" in line:
                raise InputError(path, "stray carriage return", line_no)
            raw_fields = line.split("^")
            if len(raw_fields) != field_count:
                raise InputError(
                    path,
                    f"expected {field_count} '^'-separated fields, "
                    f"found {len(raw_fields)}",
                    line_no,
                )
            fields = []
            for index, raw in enumerate(raw_fields, 1):
                if raw.startswith("~"):
                    if len(raw) < 2 or not raw.endswith("~") or "~" in raw[1:-1]:
                        raise InputError(
                            path, f"field {index}: badly quoted text {raw!r}", line_no
                        )
                    raw = raw[1:-1]
                elif "~" in raw:
                    raise InputError(
                        path, f"field {index}: stray '~' in {raw!r}", line_no
                    )
                fields.append(raw)
            yield line_no, fields


def check(pattern: re.Pattern, value: str, what: str, path: Path, line_no: int) -> str:
    if not pattern.fullmatch(value):
        raise InputError(path, f"{what} {value!r} is not valid", line_no)
    return value


def read_code_table(path: Path, code_re: re.Pattern, what: str) -> dict[str, str]:
    """Read a two-column code/description file (FD_GROUP, SRC_CD)."""
    table: dict[str, str] = {}
    for line_no, (code, desc) in read_sr_file(path, 2):
        check(code_re, code, what, path, line_no)
        if code in table:
            raise InputError(path, f"duplicate {what} {code}", line_no)
        if not desc:
            raise InputError(path, f"{what} {code} has no description", line_no)
        table[code] = desc
    if not table:
        raise InputError(path, "no records")
    return table


@dataclass
class UsdaData:
    groups: dict[str, str]
    origins: dict[str, str]
    foods: list[list[str]]
    values: list[tuple[str, str, str, str]]
    portions: list[tuple[str, str, str, str, str]]
    iu_conversions: int


def iu_to_micrograms(iu: str) -> str:
    """Exact IU / 40 as a plain decimal string ('52' -> '1.3', '40' -> '1')."""
    with decimal.localcontext() as ctx:
        ctx.prec = 60
        ctx.traps[decimal.Inexact] = True
        result = decimal.Decimal(iu) / IU_PER_MICROGRAM
        result = result.normalize()
    return "0" if result.is_zero() else format(result, "f")


def read_usda(directory: Path) -> UsdaData:
    if not directory.is_dir():
        raise InputError(directory, "not a directory")

    groups = read_code_table(directory / "FD_GROUP.txt", re.compile(r"[0-9]{4}"),
                             "food group code")
    origins = read_code_table(directory / "SRC_CD.txt", UNSIGNED_RE,
                              "source code")

    # Nutrient definitions: only used to check the numbers in USDA_NUTRIENTS.
    path = directory / "NUTR_DEF.txt"
    units: dict[str, str] = {}
    for line_no, fields in read_sr_file(path, 6):
        units[fields[0]] = fields[1]
    wanted: dict[str, str] = {}       # Nutr_No -> catalog key
    for key, (number, unit) in [*USDA_NUTRIENTS.items(),
                                (VITAMIN_D_KEY, VITAMIN_D_IU)]:
        if number not in units:
            raise InputError(path, f"nutrient {number} ({key}) is not defined")
        if units[number] != unit:
            raise InputError(
                path, f"nutrient {number} ({key}) has unit {units[number]!r}, "
                f"expected {unit!r}")
        wanted[number] = key

    # Foods.
    path = directory / "FOOD_DES.txt"
    foods: list[list[str]] = []
    known: set[str] = set()
    for line_no, fields in read_sr_file(path, 14):
        ndb, group, long_desc, common = fields[0], fields[1], fields[2], fields[4]
        check(NDB_NO_RE, ndb, "NDB_No", path, line_no)
        if ndb in known:
            raise InputError(path, f"duplicate NDB_No {ndb}", line_no)
        if group not in groups:
            raise InputError(path, f"food group {group!r} not in FD_GROUP.txt",
                             line_no)
        if not long_desc:
            raise InputError(path, f"food {ndb} has no Long_Desc", line_no)
        known.add(ndb)
        foods.append([f"usda:{ndb}", USDA_SOURCE_ID, group, long_desc, common, ""])
    if not foods:
        raise InputError(path, "no records")

    # Nutrient values: keep (value, Src_Cd) per food and nutrient number.
    path = directory / "NUT_DATA.txt"
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for line_no, fields in read_sr_file(path, 18):
        ndb, number, value, src = fields[0], fields[1], fields[2], fields[5]
        if number not in wanted:
            continue
        if ndb not in known:
            raise InputError(path, f"NDB_No {ndb!r} is not in FOOD_DES.txt", line_no)
        check(DECIMAL_RE, value, f"Nutr_Val of {ndb}/{number}", path, line_no)
        if src not in origins:
            raise InputError(path, f"Src_Cd {src!r} is not in SRC_CD.txt", line_no)
        if (ndb, number) in found:
            raise InputError(path, f"second record for {ndb}/{number}", line_no)
        found[(ndb, number)] = (value, src)

    values: list[tuple[str, str, str, str]] = []
    iu_conversions = 0
    iu_number = VITAMIN_D_IU[0]
    for (ndb, number), (value, src) in found.items():
        food = f"usda:{ndb}"
        if number == iu_number:
            if (ndb, USDA_NUTRIENTS[VITAMIN_D_KEY][0]) in found:
                continue        # the microgram value wins
            values.append((food, VITAMIN_D_KEY, iu_to_micrograms(value),
                           f"{number}:{src}"))
            iu_conversions += 1
        else:
            values.append((food, wanted[number], value, f"{number}:{src}"))

    # Household measures.
    path = directory / "WEIGHT.txt"
    portions: list[tuple[str, str, str, str, str]] = []
    seen_seq: set[tuple[str, str]] = set()
    for line_no, fields in read_sr_file(path, 7):
        ndb, seq, amount, desc, grams = fields[:5]
        if ndb not in known:
            raise InputError(path, f"NDB_No {ndb!r} is not in FOOD_DES.txt", line_no)
        check(UNSIGNED_RE, seq, "Seq", path, line_no)
        check(DECIMAL_RE, amount, "Amount", path, line_no)
        check(DECIMAL_RE, grams, "Gm_Wgt", path, line_no)
        if not desc:
            raise InputError(path, "empty Msre_Desc", line_no)
        if (ndb, int(seq)) in seen_seq:
            raise InputError(path, f"duplicate Seq {seq} for {ndb}", line_no)
        seen_seq.add((ndb, int(seq)))
        portions.append((f"usda:{ndb}", seq, amount, desc, grams))

    return UsdaData(groups, origins, foods, values, portions, iu_conversions)


# --------------------------------------------------------------------------
# Vitamin K2 CSV
# --------------------------------------------------------------------------


def is_usda_sr28_citation(citation: str) -> bool:
    return bool(re.search(r"\bUSDA\b", citation)
                and re.search(r"Release 28|\bSR ?28\b", citation))


def derive_source(citation: str) -> tuple[str, str]:
    """Return (id stem, kind) for a K2 citation, e.g. ('kamao-2007', 'study').

    The stem is the first author's surname (or the table's short name for an
    organisation listed in K2_ORGANISATIONS) plus the year, taken from the
    first comma-separated part that is a four-digit year; 'nd' (no date) if
    there is none.  A citation that begins with a quoted title, i.e. has no
    author, uses the first two words of more than three letters of the title.
    """
    parts = [part.strip() for part in citation.split(",")]
    year = next((p for p in parts if re.fullmatch(r"(?:19|20)[0-9]{2}", p)), "nd")
    first = parts[0]
    kind = "study"
    cited_as = re.search(r"\bcited as ([^\W\d_]+)", citation)
    if first in K2_ORGANISATIONS:
        name = K2_ORGANISATIONS[first]
        kind = "dataset"
    elif cited_as:
        name = cited_as.group(1)
    elif first.startswith('"'):
        title = citation[1:].split('"', 1)[0]
        name = "-".join([w for w in slugify(title).split("-") if len(w) > 3][:2])
    else:
        name = first.split()[0]
    stem = slugify(name)
    if not stem:
        raise ValueError(f"cannot derive a source id from {citation!r}")
    return f"{stem}-{year}", kind


def unique_ids(stems: list[str], taken: set[str]) -> list[str]:
    """Keep each stem if free, else add -2, -3, ... in list order."""
    result = []
    for stem in stems:
        candidate, n = stem, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate)
        result.append(candidate)
    return result


def map_food_group(food_group: str, food: str, groups: dict[str, str]) -> str:
    if food_group not in K2_FOOD_GROUPS:
        raise ValueError(f"food_group {food_group!r} has no entry in K2_FOOD_GROUPS")
    rule = K2_FOOD_GROUPS[food_group]
    if isinstance(rule, str):
        code = rule
    else:
        for word, code in rule:
            if re.search(rf"\b{re.escape(word)}\b", food, re.IGNORECASE):
                break
        else:
            raise ValueError(
                f"no K2_FOOD_GROUPS[{food_group!r}] word matches food {food!r}")
    if code not in groups:
        raise ValueError(f"group code {code} is not in FD_GROUP.txt")
    return code


@dataclass
class K2Data:
    sources: list[tuple[str, str, str, str]]
    foods: list[list[str]]
    values: list[tuple[str, str, str, str]]
    rows: int
    skipped_usda: int
    skipped_empty: int
    k1_from_notes: int


def read_k2(path: Path, groups: dict[str, str]) -> K2Data:
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror}") from None

    records = []        # (row number, line number, dict)
    with handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
            if header != K2_COLUMNS:
                raise InputError(path, f"header must be {','.join(K2_COLUMNS)}", 1)
            for row_no, fields in enumerate(reader, 1):
                if len(fields) != len(K2_COLUMNS):
                    raise InputError(
                        path, f"row {row_no}: expected {len(K2_COLUMNS)} fields, "
                        f"found {len(fields)}", reader.line_num)
                records.append((row_no, reader.line_num,
                                dict(zip(K2_COLUMNS, fields))))
        except csv.Error as exc:
            raise InputError(path, f"CSV syntax: {exc}", reader.line_num) from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") \
                from None

    skipped_usda = skipped_empty = 0
    kept = []
    for row_no, line_no, rec in records:
        where = f"row {row_no}"
        food = rec["food"].strip()
        citation = rec["source"].strip()
        if not food or not citation:
            raise InputError(path, f"{where}: empty food or source", line_no)
        if is_usda_sr28_citation(citation):
            skipped_usda += 1
            continue
        amounts = {}
        for column, key in K2_NUTRIENTS.items():
            text = rec[column].strip()
            if not text:
                continue
            if not DECIMAL_RE.fullmatch(text):
                raise InputError(
                    path, f"{where}: {column} {text!r} is not a plain non-negative "
                    "decimal number", line_no)
            amounts[key] = text
        if not amounts:
            skipped_empty += 1
            continue
        try:
            group = map_food_group(rec["food_group"].strip(), food, groups)
        except ValueError as exc:
            raise InputError(path, f"{where}: {exc}", line_no) from None
        kept.append((row_no, line_no, food, citation, group, rec["note"].strip(),
                     amounts))

    # Source ids: derived per distinct citation, collisions settled in
    # citation order.  The SR28 citation is the USDA dataset itself.
    citations = sorted({rec["source"].strip() for _, _, rec in records
                        if not is_usda_sr28_citation(rec["source"].strip())})
    derived = []
    for citation in citations:
        try:
            derived.append(derive_source(citation))
        except ValueError as exc:
            raise InputError(path, str(exc)) from None
    ids = unique_ids([stem for stem, _ in derived], {USDA_SOURCE_ID})
    source_id = dict(zip(citations, ids))
    sources = [(sid, kind, citation, doi_url(citation))
               for citation, sid, (_, kind) in zip(citations, ids, derived)]

    # Food ids.  First try the name up to the first ',' or '('; where rows
    # share that, use the whole name minus a trailing '(...)'; any collision
    # left over gets -2, -3, ... in CSV order.
    def short_stem(food: str, sid: str) -> str:
        head = re.split(r"[,(]", food, maxsplit=1)[0]
        return slugify(head) + "-" + sid

    def long_stem(food: str, sid: str) -> str:
        return slugify(TRAILING_PARENTHESIS_RE.sub("", food)) + "-" + sid

    shorts = [short_stem(food, source_id[cit]) for _, _, food, cit, *_ in kept]
    stems = []
    for (row_no, line_no, food, cit, *_), short in zip(kept, shorts):
        stem = short if shorts.count(short) == 1 else long_stem(food, source_id[cit])
        if stem.startswith("-"):
            raise InputError(path, f"row {row_no}: food name gives an empty id",
                             line_no)
        stems.append(stem)
    food_ids = [f"k2:{fid}" for fid in unique_ids(stems, set())]

    foods, values = [], []
    k1_from_notes = 0
    for fid, (_, _, food, cit, group, note, amounts) in zip(food_ids, kept):
        sid = source_id[cit]
        foods.append([fid, sid, group, food, "", note])
        for key, text in amounts.items():
            values.append((fid, key, text, sid))
        k1 = note_k1(sid, note)
        if k1 is not None:
            values.append((fid, "vitamin_k1", k1, sid))
            k1_from_notes += 1

    return K2Data(sources, foods, values, len(records), skipped_usda, skipped_empty,
                  k1_from_notes)


# The vitamin K1 value a NEVO or CIQUAL row states in its note, from the
# row's own table (a NEVO note may quote CIQUAL for comparison: that is
# not taken).  "< 0.8" and other bounds are not values.
NOTE_K1_RE = {
    "nevo-2021": re.compile(r"\bNEVO VITK1 = ([0-9]+(?:\.[0-9]+)?)(?![0-9.])"),
    "ciqual-2020": re.compile(r"\bCIQUAL Vitamin K1 = ([0-9]+(?:\.[0-9]+)?) ug/100 g"),
}


def note_k1(source_id: str, note: str) -> str | None:
    pattern = NOTE_K1_RE.get(source_id)
    if pattern is None:
        return None
    match = pattern.search(note)
    return match.group(1) if match else None


# README items: "N. **Heading.**" up to the next item
README_ITEM_RE = re.compile(r"^\d+\. \*\*(.+?)\*\*(.*?)(?=^\d+\. \*\*|\Z)", re.M | re.S)
README_DOI_RE = re.compile(r"\bdoi:\s*(10\.[0-9]{4,9}/[^\s,;]+?)\.?(?=[\s,;]|$)", re.I)


def readme_dois(path: Path) -> list[tuple[str, str]]:
    """(heading, DOI) of every numbered source in the K2 README that gives one."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror}") from None
    found = []
    for match in README_ITEM_RE.finditer(text):
        doi = README_DOI_RE.search(match.group(0))
        if doi:
            found.append((match.group(1), doi.group(1)))
    return found


def fill_source_urls(sources, dois):
    """A source without a URL gets the DOI of the README item whose first
    author's surname starts its id, or whose PMID its citation names."""
    filled = []
    for sid, kind, citation, url in sources:
        if not url:
            for heading, doi in dois:
                surname = slugify(heading.split()[0])
                pmid = re.search(r"PMID \d+", heading)
                if (surname and sid.startswith(surname + "-")) or \
                        (pmid and pmid.group(0) in citation):
                    url = f"https://doi.org/{doi}"
                    break
        filled.append((sid, kind, citation, url))
    return filled


def doi_url(citation: str) -> str:
    match = re.search(r"\bdoi:\s*(10\.[0-9]{4,9}/[^\s,;]+)", citation, re.IGNORECASE)
    return f"https://doi.org/{match.group(1)}" if match else ""


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def render_tsv(header: list[str], rows) -> bytes:
    lines = ["\t".join(header)]
    for row in rows:
        if len(row) != len(header):
            raise AssertionError(f"row {row!r} does not fit header {header!r}")
        lines.append("\t".join(clean_field(str(cell)) for cell in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_file(path: Path, data: bytes) -> None:
    """Replace path atomically, so a crash never leaves half a file."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error exits with status 1 like any other error."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: error: {message}\n")


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(
        prog=PROG,
        description="Convert USDA SR28 and the vitamin K2 CSV into data/foods/*.tsv.")
    parser.add_argument("--usda-sr", required=True, type=Path, metavar="DIR",
                        help="directory holding the SR28 ASCII files")
    parser.add_argument("--k2", required=True, type=Path, metavar="CSV",
                        help="k2-menaquinones.csv")
    parser.add_argument("--k2-readme", type=Path, metavar="MD",
                        help="README describing the K2 CSV's sources, for their DOIs "
                        "(default: README.md next to the CSV)")
    parser.add_argument("--output", required=True, type=Path, metavar="DIR",
                        help="directory to write the .tsv files into")
    args = parser.parse_args(argv)
    readme = args.k2_readme or args.k2.parent / "README.md"

    try:
        usda = read_usda(args.usda_sr)
        k2 = read_k2(args.k2, usda.groups)
        k2.sources = fill_source_urls(k2.sources, readme_dois(readme))
    except InputError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1

    foods = sorted(usda.foods + k2.foods, key=lambda row: row[0])
    values = sorted(usda.values + k2.values, key=lambda row: (row[0], row[1]))
    portions = sorted(usda.portions, key=lambda row: (row[0], int(row[1])))
    sources = sorted([(USDA_SOURCE_ID, "dataset", USDA_SOURCE_CITATION, "")]
                     + k2.sources)
    outputs = {
        "groups.tsv": render_tsv(["code", "name"], sorted(usda.groups.items())),
        "sources.tsv": render_tsv(["id", "kind", "citation", "url"], sources),
        "foods.tsv": render_tsv(
            ["id", "source", "group", "name", "common_name", "note"], foods),
        "values.tsv": render_tsv(["food", "nutrient", "value", "origin"], values),
        "portions.tsv": render_tsv(
            ["food", "seq", "amount", "description", "grams"], portions),
        "value-origins.tsv": render_tsv(
            ["code", "description"],
            sorted(usda.origins.items(), key=lambda item: int(item[0]))),
    }

    try:
        args.output.mkdir(parents=True, exist_ok=True)
        for name, data in outputs.items():
            write_file(args.output / name, data)
    except OSError as exc:
        print(f"{PROG}: error: cannot write to {args.output}: {exc}", file=sys.stderr)
        return 1

    print(
        f"{PROG}: {len(foods)} foods ({len(usda.foods)} USDA, {len(k2.foods)} K2), "
        f"{len(values)} values, {len(portions)} portions, {len(sources)} sources\n"
        f"{PROG}: K2 CSV: {k2.rows} rows, skipped {k2.skipped_usda} USDA SR28 rows "
        f"and {k2.skipped_empty} rows without any amount; vitamin K1 from the note "
        f"of {k2.k1_from_notes} rows\n"
        f"{PROG}: vitamin D taken from IU (324) for {usda.iu_conversions} foods",
        file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
