"""Compares konsolidasi.xlsx with arsitektur-spbe.json of the same run.

usage: check_konsolidasi.py konsolidasi.xlsx arsitektur-spbe.json domains.json [EXPECTED_STRING...]

Read with openpyxl: the same records per domain (ids in the same order), the
same rejected rows, the same findings; ids, OPD codes and codes are text cells;
header rows frozen and filters on; every EXPECTED_STRING is stored as a string
cell, and no worksheet holds a formula. Prints one line per problem; exit 1 if any.
"""
import json
import sys
import zipfile

import openpyxl

book, doc_path, domains_path, *expected = sys.argv[1:]
doc = json.load(open(doc_path, encoding="utf-8"))
std = json.load(open(domains_path, encoding="utf-8"))
wb = openpyxl.load_workbook(book)
problems = []


def rows(ws):
    return list(ws.iter_rows(min_row=2))


names = ["Ringkasan"] + [d["label"] for d in std["domains"]] + ["Ditolak", "Temuan", "Daftar Kirim"]
# The analyses' sheets come after the others.
names += ["Analisis Anggaran", "Analisis Aplikasi", "Analisis Aplikasi Umum", "Analisis Konsolidasi",
          "Analisis Celah", "Analisis Interoperabilitas", "Analisis Hosting"]
if wb.sheetnames != names:
    problems.append(f"sheets {wb.sheetnames} != {names}")

for d in std["domains"]:
    ws = wb[d["label"]]
    header = [c.value for c in ws[1]]
    records = doc[d["key"]]
    body = rows(ws)
    if len(body) != len(records):
        problems.append(f"{d['label']}: {len(body)} rows, JSON has {len(records)}")
    if ws.freeze_panes != "A2":
        problems.append(f"{d['label']}: header not frozen ({ws.freeze_panes})")
    if not ws.auto_filter.ref:
        problems.append(f"{d['label']}: no filter")
    text_fields = [f for f in d["fields"] if f["key"] == "id" or f["type"] in ("kode", "pilihan")]
    for f in text_fields:
        col = header.index(f["label"])
        for r, rec in zip(body, records):
            cell = r[col]
            want = rec[f["key"]]
            if want is None:
                if cell.value is not None:
                    problems.append(f"{d['label']}!{cell.coordinate}: {cell.value!r}, JSON null")
                continue
            if cell.data_type != "s" or cell.value != want:
                problems.append(
                    f"{d['label']}!{cell.coordinate}: {cell.value!r} ({cell.data_type}), JSON {want!r}")
    col = header.index("Kode OPD")
    for r, rec in zip(body, records):
        if r[col].data_type != "s" or r[col].value != rec["opd"]:
            problems.append(f"{d['label']}!{r[col].coordinate}: OPD {r[col].value!r}")

ditolak = rows(wb["Ditolak"])
if len(ditolak) != len(doc["ditolak"]):
    problems.append(f"Ditolak: {len(ditolak)} rows, JSON has {len(doc['ditolak'])}")
for r, rec in zip(ditolak, doc["ditolak"]):
    ids = ", ".join(rec["temuan"])
    if r[6].value != ids or r[5].value != rec["asal"]["baris"]:
        problems.append(f"Ditolak!{r[0].row}: {r[6].value!r} row {r[5].value}, JSON {ids} row {rec['asal']['baris']}")

temuan = rows(wb["Temuan"])
if len(temuan) != len(doc["temuan"]):
    problems.append(f"Temuan: {len(temuan)} rows, JSON has {len(doc['temuan'])}")
for r, f in zip(temuan, doc["temuan"]):
    got = (r[0].value, r[1].value, r[2].value, r[5].value)
    want = (f["id"], f["jenis"], f["tingkat"], f["sel"])
    if got != want:
        problems.append(f"Temuan!{r[0].row}: {got} != {want}")

strings = {}
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                strings.setdefault(c.value, (ws.title, c.coordinate, c.data_type))
for s in expected:
    hit = strings.get(s)
    if hit is None:
        problems.append(f"string {s!r} not found")
    elif hit[2] != "s":
        problems.append(f"{s!r} at {hit[0]}!{hit[1]} is {hit[2]}, not a string")

with zipfile.ZipFile(book) as z:
    for n in z.namelist():
        if n.startswith("xl/worksheets/") and n.endswith(".xml"):
            if b"<f>" in z.read(n) or b"<f " in z.read(n):
                problems.append(f"{n} holds a formula")

for p in problems[:40]:
    print(p)
sys.exit(1 if problems else 0)
