#!/usr/bin/env python3
"""Generate many OPD workbooks with a seeded mixture of valid and invalid rows.

    python3 scripts/load/generate.py OUT [--files 500] [--seed 1] [--rows 4-24] [--invalid 0.3]

Standard library only (the XLSX parts are written directly), so tests can run it
in a temporary folder. Every workbook has an Identitas sheet naming one OPD of
the codelist and an Aplikasi sheet; each data row is either clean or carries
exactly one mistake that rejects it (a `kesalahan`). Ids are unique across the
whole set, so no row is rejected for a reason the generator did not choose.

Prints what it wrote, for the tests: {"files", "rows", "invalid", "by_kind"} (JSON).
"""

import argparse
import csv
import json
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CODELISTS = os.path.join(REPO, "Sources", "Standard", "Resources", "codelists")

HEADER = ["No", "ID Aplikasi", "Nama Aplikasi", "Kode RAA", "Basis Aplikasi", "Status",
          "Tahun Pembuatan", "Anggaran"]
BASIS = ["Web", "Mobile", "Desktop"]
STATUS = ["Aktif", "Tidak Aktif", "Dalam Pengembangan"]
WORDS = ["Sistem", "Informasi", "Pelayanan", "Data", "Kepegawaian", "Keuangan", "Aset",
         "Perizinan", "Pengaduan", "Arsip", "Surat", "Monitoring", "Evaluasi", "Portal"]
# One mistake each, all of level kesalahan: column index (0-based) and the value.
MISTAKES = {
    "wajib-diisi": (2, None),                  # Nama Aplikasi empty
    "kode-tidak-dikenal": (3, "RAA.09.09"),
    "pilihan-tidak-dikenal": (5, "Xyzzy"),
    "di-luar-rentang": (6, 1890),
    "tipe-tidak-sesuai": (7, "seratus juta"),
}
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def codelist(name):
    with open(os.path.join(CODELISTS, name + ".csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, v):
    if v is None:
        return ""
    if isinstance(v, int):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'


def sheet_xml(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
           "<sheetData>"]
    for r, values in enumerate(rows, 1):
        cells = "".join(cell(f"{col(c)}{r}", v) for c, v in enumerate(values))
        out.append(f'<row r="{r}">{cells}</row>')
    out.append("</sheetData></worksheet>")
    return "".join(out)


def workbook(path, sheets):
    """A minimal SpreadsheetML package: [(name, rows)]."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    types = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sheet.main+xml"/>']
    sheet_entries, rels = [], []
    for i, (name, _) in enumerate(sheets, 1):
        types.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                     'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        sheet_entries.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{ns}/worksheet" '
                    f'Target="worksheets/sheet{i}.xml"/>')
    types.append("</Types>")
    parts = {
        "[Content_Types].xml": "".join(types),
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://'
        f'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{ns}"><sheets>'
        + "".join(sheet_entries) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>",
    }
    for i, (_, rows) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, FIXED_TIME), text, zipfile.ZIP_DEFLATED)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rows", default="4-24", help="data rows per workbook, MIN-MAX")
    ap.add_argument("--invalid", type=float, default=0.3, help="share of invalid rows")
    a = ap.parse_args()
    lo, hi = map(int, a.rows.split("-"))
    rng = random.Random(a.seed)
    opds = codelist("opd-36.04")
    raa = [r["kode"] for r in codelist("raa") if r["tingkat"] == "2"]
    os.makedirs(a.out, exist_ok=True)
    total = invalid = 0
    by_kind = {k: 0 for k in MISTAKES}
    for i in range(a.files):
        opd = opds[i % len(opds)]
        identitas = [["Identitas Perangkat Daerah"], [], ["Nama Perangkat Daerah", opd["nama"]],
                     ["Kode Perangkat Daerah", opd["kode"]]]
        rows = [HEADER]
        for j in range(rng.randint(lo, hi)):
            name = " ".join(rng.sample(WORDS, 3)) + f" {i:03d}-{j:02d}"
            row = [j + 1, f"APL-{i:03d}-{j:02d}", name, rng.choice(raa), rng.choice(BASIS),
                   rng.choice(STATUS), rng.randint(2005, 2025), rng.randint(1, 900) * 1_000_000]
            if rng.random() < a.invalid:
                kind = rng.choice(sorted(MISTAKES))
                column, value = MISTAKES[kind]
                row[column] = value
                by_kind[kind] += 1
                invalid += 1
            rows.append(row)
            total += 1
        workbook(os.path.join(a.out, f"opd-{i:03d}.xlsx"),
                 [("Identitas", identitas), ("Aplikasi", rows)])
    json.dump({"files": a.files, "rows": total, "invalid": invalid, "by_kind": by_kind}, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
