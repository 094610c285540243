"""Fills a `pipeline template` workbook as an OPD would, with openpyxl.

usage: fill_template.py TEMPLATE domains.json OUT [ROWS] [--stamp N]

Every domain sheet gets ROWS rows (default 3): each column found by its header
label in row 1 and typed by domains.json; dropdown columns take the first entry
of their list (read through the defined name, as a spreadsheet program would);
references point at ids filled on the other sheets; an attribute whose
`berlaku_untuk` leaves out the row's `jenis` stays empty, as on the portal's forms. `--stamp N` only rewrites
the template version stamp (A2 of the hidden list sheet) to N.
"""
import datetime
import json
import sys

import openpyxl

args = sys.argv[1:]
stamp = None
if "--stamp" in args:
    i = args.index("--stamp")
    stamp = int(args[i + 1])
    del args[i : i + 2]
template, domains_path, out = args[:3]
count = int(args[3]) if len(args) > 3 else 3
std = json.load(open(domains_path, encoding="utf-8"))
wb = openpyxl.load_workbook(template)

if stamp is not None:
    wb["Daftar Pilihan"]["A2"] = stamp
    wb.save(out)
    sys.exit(0)


def first_of(name):
    sheet, ref = list(wb.defined_names[name].destinations)[0]
    return wb[sheet][ref.split(":")[0].replace("$", "")].value


ids = {d["key"]: [f"{d['id_prefix']}-{n:02d}" for n in range(1, count + 1)] for d in std["domains"]}
for d in std["domains"]:
    ws = wb[d["label"]]
    by_label = {f["label"]: f for f in d["fields"]}
    by_key = {f["key"]: f for f in d["fields"]}
    headers = [c.value for c in ws[1]]
    for n in range(count):
        for col, label in enumerate(headers, start=1):
            f = by_label[label]
            t = f["type"]
            given = {k: first_of("daftar_" + by_key[k]["list"]) for k in f.get("berlaku_untuk", {})}
            if any(given[k] not in codes for k, codes in f.get("berlaku_untuk", {}).items()):
                v = None
            elif f["key"] == "id":
                v = ids[d["key"]][n]
            elif t == "teks":
                v = f"{label} contoh {n + 1}"
            elif t in ("kode", "pilihan"):
                v = first_of("daftar_" + f["list"])
            elif t == "bilangan":
                v = f["max"] if "max" in f else f.get("min", 0) + n + 1.5 * (not f.get("whole"))
            elif t == "rupiah":
                v = 1500000 * (n + 1)
            elif t == "tahun":
                v = 2020 + n
            elif t == "tanggal":
                v = datetime.date(2024, 8, 17 + n)
            elif t == "url":
                v = f"https://aplikasi{n}.contoh.go.id"
            elif t == "ref":
                v = "; ".join(ids[target][n] for target in f["targets"][:1])
            else:
                v = None
            ws.cell(row=n + 2, column=col, value=v)
wb.save(out)
