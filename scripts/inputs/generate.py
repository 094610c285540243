#!/usr/bin/env python3
"""Generate the demonstration inputs of Pemerintah Kabupaten Serang and the end-to-end fixtures.

    python3 scripts/inputs/generate.py --out inputs
    python3 scripts/inputs/generate.py --fixtures Tests/EndToEndTests/Fixtures
    python3 scripts/inputs/generate.py --out inputs --fixtures Tests/EndToEndTests/Fixtures --list

Needs openpyxl and LibreOffice (`soffice`); see README.md beside this file. The output is
deterministic except for the timestamps LibreOffice writes into the files it saves.
"""

import argparse
import csv
import datetime as dt
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

try:
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
except ImportError:  # pragma: no cover
    sys.exit("openpyxl is missing: see scripts/inputs/README.md")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from content import INFRA, KAM, OPDS, TWIN  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CODELISTS = os.path.join(REPO, "Sources", "Standard", "Resources", "codelists")

# ---------------------------------------------------------------------------------------------
# codelists


def load_codelist(name):
    with open(os.path.join(CODELISTS, name + ".csv"), encoding="utf-8") as f:
        return {r["kode"]: r for r in csv.DictReader(f)}


CL = {n: load_codelist(n) for n in ["rab", "ral", "rad", "raa", "rai", "rak"]}
with open(os.path.join(CODELISTS, "opd-36.04.csv"), encoding="utf-8") as f:
    OPD_LIST = {r["kode"]: r for r in csv.DictReader(f)}
with open(os.path.join(CODELISTS, "enumerasi.csv"), encoding="utf-8") as f:
    ENUMS = {}
    for r in csv.DictReader(f):
        ENUMS.setdefault(r["daftar"], []).append(r["kode"])


def has_children(cl, kode):
    return any(r["induk"] == kode for r in CL[cl].values())


def check_code(cl, kode):
    """The national code a clean record may carry in field `cl`."""
    assert kode in CL[cl], f"{kode} is not in {cl}.csv"
    lvl = int(CL[cl][kode]["tingkat"])
    ok = {"rab": lvl == 3, "ral": lvl == 3 or (lvl == 2 and not has_children("ral", kode)),
          "rad": lvl == 3 or (lvl == 2 and not has_children("rad", kode)),
          "raa": lvl == 2, "rai": lvl == 2, "rak": lvl == 2}[cl]
    assert ok, f"{kode} is at a level {cl} does not accept"
    return kode


def name_of(kode):
    return CL[kode[:3].lower()][kode]["nama"]


def twin(rab, which):
    prefix, last = rab[:9], rab[9:]
    return TWIN[prefix][which] + last


# ---------------------------------------------------------------------------------------------
# records

DOMAINS = ["proses_bisnis", "layanan", "data", "aplikasi", "infrastruktur", "keamanan"]
REF_FIELDS = {"layanan": {"proses_bisnis": "proses_bisnis"},
              "data": {"proses_bisnis": "proses_bisnis", "layanan": "layanan"},
              "aplikasi": {"layanan": "layanan", "data": "data"},
              "infrastruktur": {"aplikasi": "aplikasi"},
              "keamanan": {"objek_terkait": ("aplikasi", "infrastruktur")}}

# SPEC §3 labels, in SPEC order (without `opd`, which a sheet adds as "Perangkat Daerah" when it has one)
LABELS = {
    "proses_bisnis": [("id", "ID Proses Bisnis"), ("nama", "Nama Proses Bisnis"), ("uraian", "Uraian"),
                      ("rab", "Kode RAB"), ("sasaran_strategis", "Sasaran Strategis"),
                      ("indikator_kinerja", "Indikator Kinerja"), ("target", "Target"),
                      ("realisasi", "Realisasi"), ("status", "Status")],
    "layanan": [("id", "ID Layanan"), ("nama", "Nama Layanan"), ("tujuan", "Tujuan"), ("fungsi", "Fungsi"),
                ("ral", "Kode RAL"), ("target_layanan", "Target Layanan"), ("metode_layanan", "Metode Layanan"),
                ("kementerian_lembaga", "Kementerian/Lembaga Terkait"), ("potensi_manfaat", "Potensi Manfaat"),
                ("potensi_risiko", "Potensi Risiko"), ("mitigasi_risiko", "Mitigasi Risiko"),
                ("proses_bisnis", "Proses Bisnis Terkait")],
    "data": [("id", "ID Data"), ("nama", "Nama Data"), ("uraian", "Uraian"), ("tujuan", "Tujuan"),
             ("produsen_data", "Produsen Data"), ("rad", "Kode RAD"), ("sifat_data", "Sifat Data"),
             ("jenis_data", "Jenis Data"), ("validitas_data", "Validitas Data"),
             ("interoperabilitas", "Interoperabilitas"), ("proses_bisnis", "Proses Bisnis Terkait"),
             ("layanan", "Layanan Terkait")],
    "aplikasi": [("id", "ID Aplikasi"), ("nama", "Nama Aplikasi"), ("uraian", "Uraian"), ("fungsi", "Fungsi"),
                 ("luaran", "Luaran"), ("raa", "Kode RAA"), ("basis_aplikasi", "Basis Aplikasi"),
                 ("tipe_lisensi", "Tipe Lisensi"), ("bahasa_pemrograman", "Bahasa Pemrograman"),
                 ("basis_data", "Basis Data"), ("status", "Status"), ("tahun_pembuatan", "Tahun Pembuatan"),
                 ("url", "URL"), ("lokasi_hosting", "Lokasi Hosting"), ("anggaran", "Anggaran"),
                 ("tanggal_pemutakhiran", "Tanggal Pemutakhiran"), ("layanan", "Layanan Terkait"),
                 ("data", "Data Terkait")],
    "infrastruktur": [("id", "ID Infrastruktur"), ("nama", "Nama Infrastruktur"), ("uraian", "Uraian"),
                      ("jenis", "Jenis Infrastruktur"), ("rai", "Kode RAI"),
                      ("status_kepemilikan", "Status Kepemilikan"), ("nama_pemilik", "Nama Pemilik"),
                      ("lokasi", "Lokasi"), ("spesifikasi", "Spesifikasi"), ("bandwidth_mbps", "Bandwidth (Mbps)"),
                      ("jumlah", "Jumlah"), ("tahun_pengadaan", "Tahun Pengadaan"), ("aplikasi", "Aplikasi Terkait")],
    "keamanan": [("id", "ID Keamanan"), ("uraian", "Uraian"), ("jenis", "Jenis Keamanan"), ("rak", "Kode RAK"),
                 ("tanggal_kegiatan", "Tanggal Kegiatan"), ("nilai_kematangan", "Nilai Kematangan"),
                 ("hasil", "Hasil"), ("tindak_lanjut", "Tindak Lanjut"), ("objek_terkait", "Objek Terkait")],
}
DEFAULT_SHEET = {"proses_bisnis": "Proses Bisnis", "layanan": "Layanan", "data": "Data",
                 "aplikasi": "Aplikasi", "infrastruktur": "Infrastruktur", "keamanan": "Keamanan"}


def opd_row(key):
    return OPD_LIST[OPDS[key]["kode"]]


def build(key, id_prefix=""):
    """All records of one OPD, as dicts of field key -> python value (refs as lists)."""
    o = OPDS[key]
    rng = random.Random("spbe-serang/" + key)
    nama_opd = opd_row(key)["nama"]
    sing = opd_row(key)["singkatan"]
    p = id_prefix
    recs = {d: [] for d in DOMAINS}
    for i, t in enumerate(o["topics"], 1):
        rab = check_code("rab", t[0])
        ral = check_code("ral", t[6] if len(t) > 6 else twin(rab, 0))
        rad = check_code("rad", twin(rab, 1))
        pb_id, ly_id, dt_id = f"{p}PB-{i:02d}", f"{p}LY-{i:02d}", f"{p}DT-{i:02d}"
        target = rng.choice([80, 85, 90, 95, 100])
        recs["proses_bisnis"].append(dict(
            id=pb_id, nama=t[1], uraian=f"{t[1]} yang dilaksanakan {nama_opd}", rab=rab,
            sasaran_strategis=rng.choice(["Meningkatnya kualitas pelayanan publik",
                                          "Meningkatnya akuntabilitas kinerja perangkat daerah",
                                          "Terwujudnya tata kelola pemerintahan berbasis elektronik"]),
            indikator_kinerja=f"Persentase capaian {t[1][0].lower() + t[1][1:]}",
            target=target, realisasi=round(target - rng.choice([0, 0, 2.5, 5, 7.5]), 1),
            status=rng.choice(["AS-IS", "AS-IS", "AS-IS", "Upgrade", "Baru"])))
        recs["layanan"].append(dict(
            id=ly_id, nama=t[2], tujuan=f"Memberikan layanan {t[2][0].lower() + t[2][1:]} yang cepat dan mudah",
            fungsi=f"Sarana {t[2][0].lower() + t[2][1:]}", ral=ral, target_layanan=t[4], metode_layanan=t[5],
            kementerian_lembaga=o["kl"] if rng.random() < 0.6 else None,
            potensi_manfaat=rng.choice(["Waktu layanan lebih singkat", "Data lebih akurat dan mutakhir",
                                        "Pengurangan biaya dan kertas"]),
            potensi_risiko=rng.choice(["Gangguan jaringan", "Kebocoran data pribadi", "Kesalahan input data"]),
            mitigasi_risiko=rng.choice(["Jaringan cadangan", "Pembatasan hak akses dan enkripsi",
                                        "Verifikasi berjenjang"]),
            proses_bisnis=[pb_id]))
        closed = any(w in t[3] for w in ["Penduduk", "Pasien", "Pegawai", "Wajib Pajak", "Pencari Kerja",
                                          "Penerima", "Disabilitas", "Pengaduan", "SP2D", "Kas"])
        recs["data"].append(dict(
            id=dt_id, nama=t[3], uraian=f"{t[3]} yang dikelola {nama_opd}", tujuan=f"Mendukung {t[1].lower()}",
            produsen_data=nama_opd, rad=rad,
            sifat_data=rng.choice(["Terbatas", "Tertutup"]) if closed else rng.choice(["Terbuka", "Terbatas"]),
            jenis_data=rng.choice(["Data Statistik", "Data Statistik", "Lainnya", "Data Geospasial"]),
            validitas_data=rng.choice(["Harian", "Bulanan", "Tahunan", "Realtime", "Tiga Bulanan"]),
            interoperabilitas=rng.choice(["Ya", "Tidak"]), proses_bisnis=[pb_id], layanan=[ly_id]))
    n_topics = len(o["topics"])
    for i, a in enumerate(o["apps"], 1):
        (nama, uraian, raa, basis, lisensi, bahasa, db, url, hosting, tahun, anggaran) = a
        check_code("raa", raa)
        j = (i - 1) % n_topics + 1
        recs["aplikasi"].append(dict(
            id=f"{p}APL-{i:02d}", nama=nama, uraian=uraian, fungsi=f"Mendukung {o['topics'][j - 1][2].lower()}",
            luaran=rng.choice(["Laporan dan dasbor", "Dokumen elektronik", "Data terintegrasi", "Notifikasi"]),
            raa=raa, basis_aplikasi=basis, tipe_lisensi=lisensi, bahasa_pemrograman=bahasa, basis_data=db,
            status="Dalam Pengembangan" if tahun >= 2024 else "Aktif", tahun_pembuatan=tahun,
            url=("https://" + url) if url and rng.random() < 0.5 else url, lokasi_hosting=hosting,
            anggaran=anggaran,
            tanggal_pemutakhiran=dt.date(2024, rng.randint(1, 7), rng.randint(1, 28)),
            layanan=[f"{p}LY-{j:02d}"], data=[f"{p}DT-{j:02d}"]))
    apps = recs["aplikasi"]
    own_apps = [a for a in apps if a["anggaran"]] or apps
    for i, k in enumerate(o["infra"], 1):
        (nama, jenis, rai, milik, pemilik, spek, bw, jumlah) = INFRA[k]
        if rai:
            check_code("rai", rai)
        related = [own_apps[(i - 1) % len(own_apps)]["id"]] if k in ("server", "hosting", "dc") else []
        recs["infrastruktur"].append(dict(
            id=f"{p}INF-{i:02d}", nama=nama.format(s=sing), uraian=f"{nama.format(s=sing)} untuk operasional {sing}",
            jenis=jenis, rai=rai, status_kepemilikan=milik, nama_pemilik=pemilik, lokasi=o["lokasi"],
            spesifikasi=spek, bandwidth_mbps=bw, jumlah=jumlah if k not in ("pc", "printer")
            else rng.randint(jumlah - 8, jumlah + 8), tahun_pengadaan=rng.randint(2016, 2024), aplikasi=related))
    infra = recs["infrastruktur"]
    for i, k in enumerate(o["kam"], 1):
        (uraian, jenis, rak, hasil, tl, objek) = KAM[k]
        check_code("rak", rak)
        app = own_apps[(i - 1) % len(own_apps)]
        obj = [app["id"]] if objek == "app" else [infra[min(2, len(infra) - 1)]["id"]] if objek == "infra" else []
        recs["keamanan"].append(dict(
            id=f"{p}KAM-{i:02d}", uraian=uraian.format(a=app["nama"]), jenis=jenis, rak=rak,
            tanggal_kegiatan=dt.date(2024, rng.randint(1, 7), rng.randint(1, 28)),
            nilai_kematangan=rng.choice([2, 2.5, 3, 3, 3.5, 4]), hasil=hasil, tindak_lanjut=tl, objek_terkait=obj))
    for d in DOMAINS:
        for r in recs[d]:
            r["_opd"] = key
            r["_m"] = []
    return recs


def prune_refs(recs, known):
    """Keep only references to records whose ids the reader will see (sheet present, id column filled)."""
    ids = {d: {x["id"] for x in recs[d]} for d in known}
    for d, fields in REF_FIELDS.items():
        for r in recs[d]:
            for f, target in fields.items():
                targets = target if isinstance(target, tuple) else (target,)
                r[f] = [x for x in r[f] if any(x in ids.get(t, ()) for t in targets)]


def mistake(rec, field, value, jenis, note=None):
    """Put a deliberate mistake into a record and remember it for the documentation."""
    if field is not None:
        rec[field] = value
    shown = "; ".join(value) if isinstance(value, list) else repr(value)
    rec["_m"].append((field, jenis, note or (shown if field else "")))


# ---------------------------------------------------------------------------------------------
# writing sheets

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
TITLE_FONT = Font(bold=True, size=13)
LOG = []  # (set, file, sheet, cell, jenis, note)


def cell_value(v):
    if isinstance(v, list):
        return "; ".join(v) if v else None
    return v


def columns_for(domain, keys=None, rename=None, extra=None, drop=()):
    """[(label, key or callable)] in SPEC order, or in the order of `keys`."""
    labels = dict(LABELS[domain])
    order = keys or [k for k, _ in LABELS[domain]]
    cols = [((rename or {}).get(k, labels.get(k, k)), k) for k in order if k not in drop]
    for pos, label, fn in extra or []:
        cols.insert(pos if pos is not None else len(cols), (label, fn))
    return cols


class Sheet:
    def __init__(self, name, domain, records, cols, *, title=(), blank_after_title=True, with_no=True,
                 pd_col=None, groups=None, colnums=None, notes=(), note_col=None, hidden=(),
                 date_format="DD/MM/YYYY", widths=None):
        self.name, self.domain, self.records, self.cols = name, domain, records, cols
        self.title, self.blank_after_title, self.with_no = list(title), blank_after_title, with_no
        self.pd_col, self.groups, self.colnums = pd_col, groups or {}, colnums
        self.notes, self.note_col, self.hidden = list(notes), note_col, set(hidden)
        self.date_format = date_format


def leaf_columns(sheet):
    """[(label, getter, group or None)] with No and Perangkat Daerah where the sheet has them."""
    out = []
    if sheet.with_no:
        out.append(("No", "_no", None))
    if sheet.pd_col:
        out.append((sheet.pd_col, "_pd", None))
    for label, getter in sheet.cols:
        if label in sheet.groups:
            for sub_label, sub_getter in sheet.groups[label]:
                out.append((sub_label, sub_getter, label))
        else:
            out.append((label, getter, None))
    return out


def get(rec, getter, index):
    if getter == "_no":
        return index
    if getter == "_pd":
        return rec.get("_pd_text") or opd_row(rec["_opd"])["nama"]
    if callable(getter):
        return getter(rec)
    return rec.get(getter)


def write_sheet(wb, sheet, set_name, file_name):
    ws = wb.create_sheet(sheet.name)
    leaves = leaf_columns(sheet)
    r = 1
    for line in sheet.title:
        ws.cell(r, 1, line).font = TITLE_FONT
        r += 1
    if sheet.title and sheet.blank_after_title:
        r += 1
    header = r
    two_rows = any(g for _, _, g in leaves)
    c = 1
    while c <= len(leaves):
        label, _, group = leaves[c - 1]
        if group:
            n = sum(1 for _, _, g in leaves if g == group)
            ws.cell(header, c, group)
            ws.merge_cells(start_row=header, start_column=c, end_row=header, end_column=c + n - 1)
            for k in range(n):
                ws.cell(header + 1, c + k, leaves[c - 1 + k][0])
            c += n
        else:
            ws.cell(header, c, label)
            if two_rows:
                ws.merge_cells(start_row=header, start_column=c, end_row=header + 1, end_column=c)
            c += 1
    last_header = header + (1 if two_rows else 0)
    for row in range(header, last_header + 1):
        for col in range(1, len(leaves) + 1):
            cell = ws.cell(row, col)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = last_header + 1
    if sheet.colnums:
        for col in range(1, len(leaves) + 1):
            ws.cell(r, col, sheet.colnums.format(n=col) if "{" in sheet.colnums else col)
            ws.cell(r, col).alignment = Alignment(horizontal="center")
        r += 1
    ws.freeze_panes = ws.cell(r, 1)
    first_data = r
    col_of = {}
    for idx, (label, getter, _) in enumerate(leaves, 1):
        key = getter if isinstance(getter, str) else getattr(getter, "field", None)
        if key and key not in col_of:
            col_of[key] = idx
        if key and label.startswith("Level "):  # split code columns: rab_l1, rab_l2, …
            col_of.setdefault(f"{key}_l{label[6:]}", idx)
    for i, rec in enumerate(sheet.records, 1):
        for col, (label, getter, _) in enumerate(leaves, 1):
            v = cell_value(get(rec, getter, i))
            if v is None:
                continue
            cell = ws.cell(r, col, v)
            if isinstance(v, (dt.date, dt.datetime)):
                cell.number_format = sheet.date_format
            elif isinstance(v, int) and getter == "anggaran":
                cell.number_format = "#,##0"
        if i - 1 in sheet.hidden:
            ws.row_dimensions[r].hidden = True
        for field, jenis, note in rec["_m"]:
            where = f"{get_column_letter(col_of[field])}{r}" if field in col_of else f"baris {r}"
            LOG.append((set_name, file_name, sheet.name, where, jenis, note))
        r += 1
    # merge the Perangkat Daerah cells of each OPD's block
    if sheet.pd_col:
        pd_idx = [i for i, (_, g, _) in enumerate(leaves, 1) if g == "_pd"][0]
        start = first_data
        for rr in range(first_data + 1, r + 1):
            prev = ws.cell(start, pd_idx).value
            cur = ws.cell(rr, pd_idx).value if rr < r else object()
            if cur != prev:
                if rr - 1 > start:
                    for k in range(start + 1, rr):
                        ws.cell(k, pd_idx).value = None
                    ws.merge_cells(start_row=start, start_column=pd_idx, end_row=rr - 1, end_column=pd_idx)
                    ws.cell(start, pd_idx).alignment = Alignment(vertical="top", wrap_text=True)
                start = rr
    if sheet.notes:
        r += 1
        nc = sheet.note_col or max(2, len(leaves) - 2)
        for line in sheet.notes:
            if line:
                ws.cell(r, nc, line)
            r += 1
        LOG.append((set_name, file_name, sheet.name, f"baris {r - len(sheet.notes)}-{r - 1}",
                    "catatan-diabaikan", "catatan/tanda tangan di bawah tabel"))
    for idx, (label, _, _) in enumerate(leaves, 1):
        width = 6 if label == "No" else min(45, max(12, len(str(label)) + 4))
        ws.column_dimensions[get_column_letter(idx)].width = width
    return ws


def field(name, fn):
    fn.field = name
    return fn


def identitas(wb, key, *, kode=None, nama=None, tanggal=dt.date(2024, 8, 19), title=True):
    o, row = OPDS[key], opd_row(key)
    ws = wb.create_sheet("Identitas")
    r = 1
    if title:
        ws.cell(1, 1, "IDENTITAS PERANGKAT DAERAH").font = TITLE_FONT
        r = 3
    pengisi = o.get("pengisi", ("-", "-", "-"))
    rows = [("Nama Perangkat Daerah", nama if nama is not None else row["nama"]),
            ("Kode Perangkat Daerah", kode if kode is not None else row["kode"]),
            ("Nama Pengisi", pengisi[0]), ("Jabatan", pengisi[1]), ("Kontak", pengisi[2]),
            ("Tanggal Pengisian", tanggal)]
    for label, value in rows:
        ws.cell(r, 1, label).font = HEADER_FONT
        c = ws.cell(r, 2, value)
        if isinstance(value, dt.date):
            c.number_format = "DD/MM/YYYY"
        r += 1
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 48


def new_workbook():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "Diskominfosatik Kabupaten Serang"
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 8, 19, 9, 0, 0)
    return wb


def save(wb, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb.save(path)
    normalize_zip(path)


def normalize_zip(path):
    """Give every zip entry a fixed timestamp so that openpyxl output is byte-for-byte reproducible."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":  # openpyxl stamps the save time into `modified`
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-08-19T09:00:00Z", data)
            if name.startswith("xl/worksheets/"):  # a formula without a cached value has no <v> at all
                data = data.replace(b"</f><v /></c>", b"</f></c>").replace(b"</f><v></v></c>", b"</f></c>")
            info = zipfile.ZipInfo(name, date_time=(2024, 8, 19, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def signature(jabatan, nama, nip, tempat_tanggal="Serang, 19 Agustus 2024"):
    return [tempat_tanggal, jabatan, "", "", nama, f"NIP {nip}"]


# ---------------------------------------------------------------------------------------------
# CSV


def fmt_csv(v, decimal=".", date_fmt="%d/%m/%Y"):
    v = cell_value(v)
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.strftime(date_fmt)
    if isinstance(v, float):
        s = f"{v:g}"
        return s.replace(".", decimal)
    return str(v)


def write_csv(path, domain, records, cols, *, delimiter=",", bom=False, decimal=".", set_name="", with_no=False,
              crlf=True, date_fmt="%d/%m/%Y"):
    sheet = Sheet("", domain, records, cols, with_no=with_no)
    leaves = leaf_columns(sheet)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    w.writerow([label for label, _, _ in leaves])
    col_of = {g if isinstance(g, str) else getattr(g, "field", None): i for i, (_, g, _) in enumerate(leaves, 1)}
    for i, rec in enumerate(records, 1):
        w.writerow([fmt_csv(get(rec, g, i), decimal, date_fmt) for _, g, _ in leaves])
        for fld, jenis, note in rec["_m"]:
            where = f"{get_column_letter(col_of[fld])}{i + 1}" if fld in col_of else f"baris {i + 1}"
            LOG.append((set_name, os.path.basename(path), None, where, jenis, note))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue())


# ---------------------------------------------------------------------------------------------
# LibreOffice


def resave_with_libreoffice(paths):
    """Open and save each workbook with LibreOffice Calc (headless), in place."""
    if not paths:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) is missing: see scripts/inputs/README.md")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "src"), os.path.join(tmp, "out")
        os.makedirs(src)
        names = []
        for i, p in enumerate(paths):
            name = f"f{i:02d}.xlsx"
            shutil.copy(p, os.path.join(src, name))
            names.append(name)
        cmd = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out] + [os.path.join(src, n) for n in names]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        for p, n in zip(paths, names):
            produced = os.path.join(out, n)
            if not os.path.exists(produced):
                sys.exit(f"LibreOffice did not convert {p}")
            shutil.copy(produced, p)


# ---------------------------------------------------------------------------------------------
# helpers for code columns


def level_getter(kind, level, style, key):
    """A getter for the Level N column of a split code field."""
    def fn(rec):
        override = rec.get(f"_{key}_l{level}")
        if override is not None:
            return override
        code = rec[key]
        if not isinstance(code, str) or not code.startswith(kind):
            return code if level == 3 else None
        parts = code.split(".")
        want = ".".join(parts[:level + 1])
        if len(parts) < level + 1:
            return None
        st = style(level, rec) if callable(style) else style
        if st == "code":
            return want
        if st == "code+name":
            return f"{want} {name_of(want)}"
        return name_of(want)
    fn.field = key if level == max_level(kind) else None
    return fn


def max_level(kind):
    return 2 if kind in ("RAA", "RAI", "RAK") else 3


def split_group(kind, key, style, levels=None):
    levels = levels or max_level(kind)
    return [(f"Level {lv}", level_getter(kind, lv, style, key)) for lv in range(1, levels + 1)]


# ---------------------------------------------------------------------------------------------
# the demonstration set


def demo(out):
    LOG.clear()
    xlsx_by_lo = []
    S = "inputs"

    def p(name):
        return os.path.join(out, name)

    # --- 1. dinkes.xlsx: Layout 1, openpyxl, all six domains -------------------------------
    r = build("dinkes")
    ap = r["aplikasi"]
    mistake(ap[3], "anggaran", "Rp 120.000.000,-", "(none)", "rupiah as text, Indonesian notation: normalized")
    mistake(ap[4], "anggaran", "75 juta", "(none)", "rupiah with 'juta' multiplier: normalized")
    mistake(ap[1], "tanggal_pemutakhiran", "17 Agustus 2024", "(none)", "date as Indonesian text: normalized")
    mistake(ap[2], "tanggal_pemutakhiran", "17/08/2024", "(none)", "date as dd/mm/yyyy text: normalized")
    mistake(ap[3], "basis_aplikasi", "Websit", "pilihan-tidak-dikenal", "'Websit' (saran: Web)")
    for a in ap:
        a["_ket"] = "Aplikasi pusat" if a["anggaran"] is None else None
    mistake(r["infrastruktur"][0], "nama_pemilik", "-", "(none)", "'-' in an empty cell: read as empty")
    mistake(r["infrastruktur"][2], "nama_pemilik", "-", "(none)", "'-' in an empty cell: read as empty")
    wb = new_workbook()
    identitas(wb, "dinkes")
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S,
                "dinkes.xlsx")
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan"),
                          notes=signature("Kepala Dinas Kesehatan", "dr. Hj. Ratu Fitriani, M.Kes.",
                                          "19700101 199503 2 001")), S, "dinkes.xlsx")
    write_sheet(wb, Sheet("Data", "data", r["data"], columns_for("data")), S, "dinkes.xlsx")
    write_sheet(wb, Sheet(
        "Aplikasi", "aplikasi", ap,
        columns_for("aplikasi", rename={"basis_aplikasi": "Platform", "anggaran": "Biaya",
                                        "tanggal_pemutakhiran": "Update Terakhir"},
                    extra=[(None, "Keterangan", lambda rec: rec.get("_ket"))]),
        title=["DAFTAR APLIKASI SPBE", "Dinas Kesehatan Kabupaten Serang - Tahun 2024"]), S, "dinkes.xlsx")
    LOG.append((S, "dinkes.xlsx", "Aplikasi", "baris 1-3", "(header)",
                "title + subtitle + blank row above the header (header on row 4)"))
    LOG.append((S, "dinkes.xlsx", "Aplikasi", "T4", "kolom-tidak-dikenal", "extra column 'Keterangan'"))
    LOG.append((S, "dinkes.xlsx", "Aplikasi", "H4, P4, Q4", "(none)",
                "aliases 'Platform', 'Biaya', 'Update Terakhir'"))
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", r["infrastruktur"], columns_for("infrastruktur")), S,
                "dinkes.xlsx")
    write_sheet(wb, Sheet("Keamanan", "keamanan", r["keamanan"], columns_for("keamanan")), S, "dinkes.xlsx")
    save(wb, p("dinkes.xlsx"))
    # an office lock file, as Excel leaves it while the workbook is open
    with open(p("~$dinkes.xlsx"), "wb") as f:
        owner = "rina.marlina".encode("ascii")
        f.write(bytes([len(owner)]) + owner + b"\x00" * (54 - len(owner)) + b"\x0c\x00"
                + "rina.marlina".encode("utf-16-le") + b"\x00" * (110 - 24))
    LOG.append((S, "~$dinkes.xlsx", None, "-", "(none)", "office lock file: skipped without a finding"))

    # --- 2. Disdukcapil: Layout 1, LibreOffice, aliases of sheet names, codes in odd forms ---------
    r = build("disdukcapil")
    pb = r["proses_bisnis"]
    rab_txt = {0: "RAB.09.01.07 Kependudukan dan Pencatatan Sipil", 2: "rab.09.01.07", 4: "RAB 09.01.07"}
    for i, v in rab_txt.items():
        mistake(pb[i], "rab", v, "(none)", f"code written as {v!r}: normalized")
    mistake(pb[3], "rab", "Kependudukan dan Pencatatan Sipil", "nilai-dinormalisasi", "name alone -> RAB.09.01.07")
    for rec in r["layanan"]:
        rec["ral"] = rec["ral"] + " " + name_of(rec["ral"])
    r["layanan"][0]["_m"].append(("ral", "(none)", "every Kode RAL is 'code name': normalized"))
    r["layanan"][2]["_m"].append((None, "baris-tersembunyi", "hidden row"))
    ap = r["aplikasi"]
    mistake(ap[1], "raa", "raa.01.01", "(none)", "lower-case code: normalized")
    mistake(ap[4], "raa", "RAA 01.01", "(none)", "space instead of dot: normalized")
    mistake(ap[0], "raa", "RAA.02.01 Aplikasi Khusus Misi Tertentu", "(none)", "code and name: normalized")
    mistake(r["infrastruktur"][3], "rai", "-", "(none)", "'-' in an empty optional cell: read as empty")
    wb = new_workbook()
    identitas(wb, "disdukcapil", nama="Dinas Kependudukan dan Pencatatan Sipil", kode="",
              tanggal="20 Agustus 2024")
    f = "Disdukcapil - Inventaris SPBE.xlsx"
    write_sheet(wb, Sheet("Probis", "proses_bisnis", pb, columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Layanan SPBE", "layanan", r["layanan"], columns_for("layanan"), hidden={2}), S, f)
    write_sheet(wb, Sheet("Data dan Informasi", "data", r["data"], columns_for("data"), colnums="({n})"), S, f)
    LOG.append((S, f, "Data dan Informasi", "baris 2", "(none)", "row of column numbers (1) (2) (3)…: skipped"))
    write_sheet(wb, Sheet("Aplikasi SPBE", "aplikasi", ap, columns_for(
        "aplikasi", keys=["nama", "id", "raa", "basis_aplikasi", "status", "uraian", "fungsi", "luaran",
                          "tipe_lisensi", "bahasa_pemrograman", "basis_data", "tahun_pembuatan", "url",
                          "lokasi_hosting", "anggaran", "tanggal_pemutakhiran", "layanan", "data"],
        rename={"tipe_lisensi": "Lisensi", "url": "Alamat", "basis_data": "DBMS"})), S, f)
    LOG.append((S, f, "Aplikasi SPBE", "baris 1", "(none)", "columns reordered, aliases 'Lisensi', 'Alamat', 'DBMS'"))
    write_sheet(wb, Sheet("Infrastruktur SPBE", "infrastruktur", r["infrastruktur"],
                          columns_for("infrastruktur")), S, f)
    write_sheet(wb, Sheet("Keamanan SPBE", "keamanan", r["keamanan"],
                          columns_for("keamanan", rename={"tanggal_kegiatan": "Tanggal"})), S, f)
    save(wb, p(f))
    xlsx_by_lo.append(p(f))

    # --- 3. BKPSDM: Layout 1, openpyxl, empty ID column, invalid code, empty required ---------
    r = build("bkpsdm")
    ap = r["aplikasi"]
    for a in ap:
        a["id"] = None
    ap[0]["_m"].append(("id", "id-dibuat", "ID column left empty in every row (one id-dibuat per row)"))
    mistake(ap[3], "raa", "RAA.09.09", "kode-tidak-dikenal")
    mistake(ap[5], "basis_aplikasi", None, "wajib-diisi", "Basis Aplikasi empty")
    prune_refs(r, {"proses_bisnis", "data", "infrastruktur"})
    for a in ap:
        a["layanan"] = []
    wb = new_workbook()
    identitas(wb, "bkpsdm", nama="BKPSDM")
    f = "BKPSDM_Arsitektur_SPBE_2024.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", ap, columns_for("aplikasi", drop=("layanan",))), S, f)
    write_sheet(wb, Sheet("Data", "data", r["data"], columns_for("data", drop=("layanan",))), S, f)
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", r["infrastruktur"], columns_for(
        "infrastruktur", rename={"jumlah": "Jumlah Unit", "status_kepemilikan": "Kepemilikan"})), S, f)
    # security objects point at applications whose ids the tool assigns: keep infrastructure ones only
    for k in r["keamanan"]:
        k["objek_terkait"] = [x for x in k["objek_terkait"] if x.startswith("INF")]
    write_sheet(wb, Sheet("Keamanan", "keamanan", r["keamanan"], columns_for("keamanan")), S, f)
    save(wb, p(f))

    # --- 4. Bapenda: Layout 1, LibreOffice, a multi-value choice, notes below a table ----------
    r = build("bapenda")
    prune_refs(r, {"proses_bisnis", "layanan", "data", "aplikasi"})
    mistake(r["layanan"][2], "target_layanan", "Masyarakat, Pelaku Usaha", "pilihan-tidak-dikenal",
            "two choices in one cell")
    wb = new_workbook()
    identitas(wb, "bapenda", nama="Badan Pendapatan Daerah Kabupaten Serang", kode="5.02.0.00.0.00.02.0000")
    f = "Bapenda.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan")), S, f)
    write_sheet(wb, Sheet("Data", "data", r["data"], columns_for("data")), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", r["aplikasi"], columns_for("aplikasi", rename={
        "anggaran": "Anggaran (Rp)"}), notes=["Catatan: nilai anggaran adalah nilai kontrak pengembangan awal."]
        + signature("Kepala Badan Pendapatan Daerah", "H. Muhammad Rizal, S.E., M.Si.", "19720315 199803 1 004")),
        S, f)
    save(wb, p(f))
    xlsx_by_lo.append(p(f))

    # --- 5. Disdikbud: Layout 1, LibreOffice, dangling reference, required value missing --------
    r = build("disdikbud")
    mistake(r["layanan"][3], "proses_bisnis", ["PB-04", "PB-09"], "referensi-tidak-ditemukan", "PB-09 does not exist")
    mistake(r["layanan"][5], "nama", None, "wajib-diisi", "Nama Layanan empty")
    for a in r["aplikasi"]:
        a["tahun_pembuatan"] = str(a["tahun_pembuatan"])
    r["aplikasi"][0]["_m"].append(("tahun_pembuatan", "(none)", "years typed as text: normalized"))
    wb = new_workbook()
    identitas(wb, "disdikbud", nama="Disdikbud", kode="")
    f = "Dinas Pendidikan dan Kebudayaan - Inventaris SPBE.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan")), S, f)
    write_sheet(wb, Sheet("Data dan Informasi", "data", r["data"], columns_for("data")), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", r["aplikasi"], columns_for("aplikasi")), S, f)
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", r["infrastruktur"], columns_for("infrastruktur")), S, f)
    write_sheet(wb, Sheet("Keamanan", "keamanan", r["keamanan"], columns_for("keamanan")), S, f)
    save(wb, p(f))
    xlsx_by_lo.append(p(f))

    # --- 6. DLH: Layout 1, openpyxl, instructions sheet, hidden dropdown sheet, title rows ---------
    r = build("dlh")
    prune_refs(r, {"proses_bisnis", "layanan", "aplikasi", "infrastruktur", "keamanan"})
    mistake(r["layanan"][0], "ral", "Pengelolaan Sampah", "nilai-dinormalisasi", "name alone -> RAL.01.40.04")
    mistake(r["aplikasi"][3], "anggaran", "Rp 65.000.000", "(none)", "rupiah as text: normalized")
    mistake(r["aplikasi"][4], "anggaran", "40.000.000", "(none)", "dot-grouped thousands as text: normalized")
    r["aplikasi"][0]["tipe_lisensi"] = "-"
    wb = new_workbook()
    ws = wb.create_sheet("Petunjuk Pengisian")
    for i, line in enumerate(["PETUNJUK PENGISIAN INVENTARIS SPBE",
                              "1. Isi lembar Identitas terlebih dahulu.",
                              "2. Isi setiap lembar domain arsitektur sesuai kolom yang tersedia.",
                              "3. Kode referensi mengacu pada Perpres 132 Tahun 2022.",
                              "4. Kirimkan berkas ke Diskominfosatik paling lambat 23 Agustus 2024."], 1):
        ws.cell(i, 1, line)
    LOG.append((S, "DLH Kab Serang - SPBE.xlsx", "Petunjuk Pengisian", "-", "lembar-tidak-dikenal",
                "instructions sheet (visible)"))
    identitas(wb, "dlh", nama="Dinas Lingkungan Hidup", kode="2.11.0.00.0.00.01.0000")
    f = "DLH Kab Serang - SPBE.xlsx"
    title = ["ARSITEKTUR SPBE DINAS LINGKUNGAN HIDUP", "KABUPATEN SERANG TAHUN 2024"]
    write_sheet(wb, Sheet("Probis", "proses_bisnis", r["proses_bisnis"], columns_for(
        "proses_bisnis", rename={"indikator_kinerja": "IKU", "target": "Nilai IKU Target",
                                 "realisasi": "Nilai IKU Terealisasi"}), title=title), S, f)
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan"), title=title), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", r["aplikasi"], columns_for(
        "aplikasi", rename={"anggaran": "Biaya", "tanggal_pemutakhiran": "Update Terakhir"}, drop=("data",)),
        title=title), S, f)
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", r["infrastruktur"], columns_for("infrastruktur"),
                          title=title), S, f)
    write_sheet(wb, Sheet("Keamanan", "keamanan", r["keamanan"], columns_for("keamanan"), title=title), S, f)
    ref = wb.create_sheet("ref")
    for i, v in enumerate(ENUMS["basis_aplikasi"], 1):
        ref.cell(i, 1, v)
    for i, v in enumerate(ENUMS["status_aplikasi"], 1):
        ref.cell(i, 2, v)
    ref.sheet_state = "hidden"
    LOG.append((S, f, "ref", "-", "(none)", "hidden dropdown-source sheet: skipped silently"))
    save(wb, p(f))

    # --- 7. Setda: Layout 1, openpyxl, SRIKANDI again, code with its name, empty ID column --------
    r = build("setda")
    mistake(r["proses_bisnis"][0], "rab", "RAB.09.06.01 Penataan Sistem Tata Laksana", "(none)",
            "code and name: normalized")
    for x in r["layanan"]:
        x["id"] = None
    r["layanan"][0]["_m"].append(("id", "id-dibuat", "ID column left empty in every row"))
    prune_refs(r, {"proses_bisnis", "aplikasi", "infrastruktur"})
    r["aplikasi"][0]["_m"].append(("nama", "duplikat-lintas-opd", "SRIKANDI also reported by Dinas Kesehatan"))
    wb = new_workbook()
    identitas(wb, "setda", nama="Sekretariat Daerah Kab. Serang", kode="")
    f = "Setda - Arsitektur SPBE.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan")), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", r["aplikasi"], columns_for("aplikasi", drop=("layanan", "data"))),
                S, f)
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", r["infrastruktur"], columns_for("infrastruktur")), S, f)
    save(wb, p(f))

    # --- 8. Diskominfosatik: workbook (LibreOffice) + two ';' CSVs with decimal commas -----------
    r = build("diskominfosatik")
    wb = new_workbook()
    identitas(wb, "diskominfosatik", nama="Diskominfosatik")
    f = "Diskominfosatik.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan")), S, f)
    write_sheet(wb, Sheet("Data", "data", r["data"], columns_for("data")), S, f)
    write_sheet(wb, Sheet("Aplikasi SPBE", "aplikasi", r["aplikasi"], columns_for("aplikasi")), S, f)
    save(wb, p(f))
    xlsx_by_lo.append(p(f))
    inf = r["infrastruktur"]
    mistake(inf[2], "bandwidth_mbps", "1.500", "(none)", "'1.500' Indonesian thousands: 1500")
    mistake(inf[4], "rai", "RAI.04.01", "kode-tidak-dikenal", "provisional list: peringatan, record kept")
    write_csv(p("Diskominfosatik - Infrastruktur.csv"), "infrastruktur", inf,
              columns_for("infrastruktur", rename={"bandwidth_mbps": "Bandwidth"}) + [
                  ("Tanggal Pemasangan", lambda rec: dt.date(rec["tahun_pengadaan"], 3, 14))],
              delimiter=";", decimal=",", set_name=S, with_no=True)
    kam = r["keamanan"]
    mistake(kam[2], "nilai_kematangan", 3.5, "(none)", "'3,5' decimal comma: normalized")
    write_csv(p("Diskominfosatik - Keamanan.csv"), "keamanan", kam, columns_for("keamanan"), delimiter=";",
              decimal=",", set_name=S)

    # --- 9. DPMPTSP: workbook (openpyxl) + comma CSV with BOM for Layanan ------------------------
    r = build("dpmptsp")
    wb = new_workbook()
    identitas(wb, "dpmptsp", nama="DPMPTSP")
    f = "DPMPTSP.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Data", "data", r["data"], columns_for("data")), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", r["aplikasi"], columns_for("aplikasi")), S, f)
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", r["infrastruktur"], columns_for("infrastruktur")), S, f)
    write_sheet(wb, Sheet("Keamanan", "keamanan", r["keamanan"], columns_for("keamanan")), S, f)
    save(wb, p(f))
    ly = r["layanan"]
    mistake(ly[4], "target_layanan", None, "wajib-diisi", "Target Layanan empty")
    ly[0]["proses_bisnis"] = ["PB-01", "PB-02"]
    ly[0]["_m"].append(("proses_bisnis", "(none)", "references into DPMPTSP.xlsx (same OPD, other file)"))
    write_csv(p("dpmptsp_layanan.csv"), "layanan", ly, columns_for("layanan"), bom=True, set_name=S)

    # --- 10. Inspektorat: Layout 1, openpyxl, OPD given by its alias in Identitas --------------
    r = build("inspektorat")
    prune_refs(r, {"proses_bisnis", "layanan", "data", "aplikasi", "keamanan"})
    mistake(r["aplikasi"][3], "tahun_pembuatan", "2O19", "tipe-tidak-sesuai", "letter O instead of zero")
    wb = new_workbook()
    identitas(wb, "inspektorat", nama="", kode="Itda", title=False)
    f = "Inspektorat.xlsx"
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", r["proses_bisnis"], columns_for("proses_bisnis")), S, f)
    write_sheet(wb, Sheet("Layanan", "layanan", r["layanan"], columns_for("layanan")), S, f)
    write_sheet(wb, Sheet("Data", "data", r["data"], columns_for("data")), S, f)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", r["aplikasi"], columns_for("aplikasi")), S, f)
    write_sheet(wb, Sheet("Keamanan", "keamanan", r["keamanan"], columns_for("keamanan")), S, f)
    save(wb, p(f))

    # --- 11-15. Layout 2: KemenPAN RB-style, one workbook per domain, merged Perangkat Daerah -------
    group = ["dinsos", "dishub", "dkpp", "disnakertrans", "bpkad"]
    recs = {k: build(k, id_prefix=opd_row(k)["singkatan"].upper() + ".") for k in group}
    sub = "Rekap KemenPAN RB"

    def all_of(domain):
        return [x for k in group for x in recs[k][domain]]

    title2 = lambda what: [f"ARSITEKTUR {what} SPBE", "PEMERINTAH KABUPATEN SERANG", "Periode 2025-2029"]
    # proses bisnis: two-row header, Kode RAB split over Level 1/2/3
    pb = all_of("proses_bisnis")
    styles = {0: "code+name", 1: "name", 2: "code"}
    mistake(pb[7], None, None, "kode-induk-tidak-konsisten", "Level 2 says RAB.04.02 under a RAB.03.03 code")
    pb[7]["_rab_l2"] = "RAB.04.02 Sosial"
    pb[7]["_m"][-1] = ("rab_l2", "kode-induk-tidak-konsisten", "Level 2 'RAB.04.02 Sosial' under RAB.03.03.x (Level 3)")
    pb[12]["_rab_l3"] = name_of(pb[12]["rab"])
    pb[12]["_m"].append(("rab_l3", "nilai-dinormalisasi", f"Level 3 holds the name alone ({pb[12]['_rab_l3']})"))
    f = "Proses Bisnis Kab Serang.xlsx"
    cols = columns_for("proses_bisnis")
    wb = new_workbook()
    write_sheet(wb, Sheet("Proses Bisnis", "proses_bisnis", pb, cols, pd_col="Perangkat Daerah",
                          groups={"Kode RAB": split_group("RAB", "rab", lambda lv, rec: styles[lv - 1])},
                          title=title2("PROSES BISNIS")), S, f"{sub}/{f}")
    LOG.append((S, f"{sub}/{f}", "Proses Bisnis", "baris 5-6", "(none)",
                "two-row header: merged 'Kode RAB' over Level 1 | Level 2 | Level 3; merged Perangkat Daerah"))
    save(wb, p(f"{sub}/{f}"))
    xlsx_by_lo.append(p(f"{sub}/{f}"))
    # layanan: code + name in one column, column numbers row 1 2 3
    ly = all_of("layanan")
    for x in ly:
        if x["ral"].count(".") == 3 and recs_index(ly, x) % 3 == 0:
            x["ral"] = f"{x['ral']} {name_of(x['ral'])}"
    mistake(ly[9], "metode_layanan", "Online", "pilihan-tidak-dikenal", "'Online' is not a Metode Layanan")
    mistake(ly[15], "target_layanan", "masyarakat umum", "pilihan-tidak-dikenal", "near miss (saran: Masyarakat)")
    f = "Template Arsitektur Layanan - Kab Serang.xlsx"
    wb = new_workbook()
    write_sheet(wb, Sheet("Layanan", "layanan", ly, columns_for("layanan", rename={"ral": "RAL Level 3"}),
                          pd_col="Perangkat Daerah", colnums="{n}", title=title2("LAYANAN")), S, f"{sub}/{f}")
    LOG.append((S, f"{sub}/{f}", "Layanan", "baris 6", "(none)", "row of column numbers 1 2 3…: skipped"))
    save(wb, p(f"{sub}/{f}"))
    # data
    dd = all_of("data")
    mistake(dd[5], "sifat_data", None, "wajib-diisi", "Sifat Data empty")
    mistake(dd[11], "jenis_data", "Data Geopasial", "(none)", "alias of Data Geospasial: normalized")
    f = "Arsitektur Data Kab Serang.xlsx"
    wb = new_workbook()
    write_sheet(wb, Sheet("Data dan Informasi", "data", dd, columns_for("data"), pd_col="Wali Data",
                          title=title2("DATA DAN INFORMASI")), S, f"{sub}/{f}")
    LOG.append((S, f"{sub}/{f}", "Data dan Informasi", "B5", "(none)", "'Wali Data' (alias) as the OPD column"))
    save(wb, p(f"{sub}/{f}"))
    # aplikasi: Kode RAA split over Level 1/2, LibreOffice
    aa = all_of("aplikasi")
    mistake(aa[12], "raa", "RAA.09.09", "kode-tidak-dikenal")
    aa[12]["_raa_l1"] = "RAA.09"
    mistake(aa[20], "status", "Aktip", "pilihan-tidak-dikenal", "typo (saran: Aktif)")
    f = "Arsitektur Aplikasi Kab Serang.xlsx"
    wb = new_workbook()
    write_sheet(wb, Sheet("Aplikasi SPBE", "aplikasi", aa, columns_for("aplikasi"), pd_col="Perangkat Daerah",
                          groups={"Kode RAA": split_group("RAA", "raa", "code")}, title=title2("APLIKASI"),
                          notes=signature("Kepala Dinas Komunikasi, Informatika, Persandian dan Statistik",
                                          "Drs. H. Ahmad Hidayat, M.Si.", "19700101 199503 1 001")),
                S, f"{sub}/{f}")
    save(wb, p(f"{sub}/{f}"))
    xlsx_by_lo.append(p(f"{sub}/{f}"))
    # infrastruktur + keamanan in one workbook
    ii, kk = all_of("infrastruktur"), all_of("keamanan")
    mistake(kk[8], "nilai_kematangan", 6, "di-luar-rentang", "Nilai Kematangan 6 (1-5)")
    for x in ii + kk:
        if x["_opd"] == "dinsos":
            x["_pd_text"] = "Dinas Sosial Kab. Serang"
    ii[0]["_m"].append(("_pd", "(none)", "'Dinas Sosial Kab. Serang': suffix tolerated"))
    f = "Infrastruktur dan Keamanan SPBE Kab Serang.xlsx"
    wb = new_workbook()
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", ii, columns_for("infrastruktur"),
                          pd_col="Perangkat Daerah", title=title2("INFRASTRUKTUR")), S, f"{sub}/{f}")
    write_sheet(wb, Sheet("Keamanan", "keamanan", kk, columns_for("keamanan"), pd_col="Perangkat Daerah",
                          title=title2("KEAMANAN")), S, f"{sub}/{f}")
    save(wb, p(f"{sub}/{f}"))

    # --- 16. a file that is not a spreadsheet ---------------------------------------------------
    with open(p("catatan.pdf"), "wb") as fh:
        fh.write(tiny_pdf("Catatan: berkas SPBE Dinas Kesehatan dikirim ulang 19 Agustus 2024."))
    LOG.append((S, "catatan.pdf", None, "-", "format-tidak-didukung", "a PDF among the inputs"))

    resave_with_libreoffice(xlsx_by_lo)
    return [os.path.relpath(x, out) for x in xlsx_by_lo]


def recs_index(lst, x):
    for i, y in enumerate(lst):
        if y is x:
            return i
    return -1


def tiny_pdf(text):
    """A minimal valid one-page PDF showing one line of text."""
    stream = f"BT /F1 11 Tf 50 780 Td ({text}) Tj ET".encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# fixtures: a clean set saved by LibreOffice, and a set of one-mistake rows


def fixtures_clean(out):
    S = "libreoffice"
    files = []
    # Layout 1 for two OPDs, all six domains each
    for key, fname, sheetnames in [
            ("dishub", "Dinas Perhubungan - Inventaris SPBE.xlsx", DEFAULT_SHEET),
            ("bpkad", "bpkad.xlsx", {"proses_bisnis": "Probis", "layanan": "Layanan SPBE",
                                     "data": "Data dan Informasi", "aplikasi": "Aplikasi SPBE",
                                     "infrastruktur": "Infrastruktur SPBE", "keamanan": "Keamanan SPBE"})]:
        r = build(key)
        wb = new_workbook()
        identitas(wb, key)
        for d in DOMAINS:
            write_sheet(wb, Sheet(sheetnames[d], d, r[d], columns_for(d)), S, fname)
        save(wb, os.path.join(out, fname))
        files.append(os.path.join(out, fname))
    # Layout 2 for two other OPDs, one workbook per domain
    group = ["dinsos", "dkpp"]
    recs = {k: build(k, id_prefix=opd_row(k)["singkatan"].upper() + ".") for k in group}
    names = {"proses_bisnis": "Proses Bisnis Kab Serang.xlsx", "layanan": "Layanan Kab Serang.xlsx",
             "data": "Data dan Informasi Kab Serang.xlsx", "aplikasi": "Aplikasi Kab Serang.xlsx",
             "infrastruktur": "Infrastruktur Kab Serang.xlsx", "keamanan": "Keamanan Kab Serang.xlsx"}
    for d in DOMAINS:
        rows = [x for k in group for x in recs[k][d]]
        groups = None
        if d == "proses_bisnis":
            groups = {"Kode RAB": split_group("RAB", "rab", "code")}
        if d == "aplikasi":
            groups = {"Kode RAA": split_group("RAA", "raa", "code")}
        wb = new_workbook()
        write_sheet(wb, Sheet(DEFAULT_SHEET[d], d, rows, columns_for(d), pd_col="Perangkat Daerah",
                              groups=groups), S, names[d])
        save(wb, os.path.join(out, names[d]))
        files.append(os.path.join(out, names[d]))
    resave_with_libreoffice(files)
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(CLEAN_README)


CLEAN_README = """# Clean inventories saved by LibreOffice

Generated by `scripts/inputs/generate.py --fixtures …` and then opened and saved by LibreOffice
Calc (headless), so every workbook here is LibreOffice's own XLSX.

- Layout 1 (one workbook per OPD, `Identitas` sheet, no Perangkat Daerah column):
  `Dinas Perhubungan - Inventaris SPBE.xlsx` (sheet names as the template writes them) and
  `bpkad.xlsx` (the alias sheet names Probis, Layanan SPBE, Data dan Informasi, Aplikasi SPBE,
  Infrastruktur SPBE, Keamanan SPBE).
- Layout 2 (KemenPAN RB style, one workbook per domain, rows of Dinas Sosial and Dinas Ketahanan
  Pangan dan Pertanian, vertically merged Perangkat Daerah cells): six workbooks; Proses Bisnis has
  a two-row header with "Kode RAB" merged over Level 1 | Level 2 | Level 3, Aplikasi the same with
  "Kode RAA" over Level 1 | Level 2.

Every code is valid, every required value is present, ids are filled and unique per OPD and
domain, and every reference resolves. A run over this folder must produce no finding at all
and accept every row.
"""


def fixtures_mistakes(out):
    S = "mistakes"
    LOG_START = len(LOG)
    # file 1: Layout 1, Dinas Sosial, Layanan + Aplikasi
    r = build("dinsos")
    ly = r["layanan"][:]
    while len(ly) < 7:
        extra = dict(ly[len(ly) % 5], _m=[])
        extra["id"] = f"LY-{len(ly) + 1:02d}"
        extra["nama"] = extra["nama"] + " Tahap II"
        ly.append(extra)
    for x in ly:
        x["proses_bisnis"] = []
    mistake(ly[1], "target_layanan", "Masyarakat, Pelaku Usaha", "pilihan-tidak-dikenal")
    mistake(ly[2], "ral", "RAL.01.26", "kode-tingkat-tidak-sesuai", "level-2 code that has children")
    mistake(ly[3], "nama", None, "wajib-diisi", "Nama Layanan empty")
    mistake(ly[4], "proses_bisnis", ["PB-01"], "referensi-tidak-ditemukan", "no Proses Bisnis sheet: PB-01 unknown")
    mistake(ly[5], "metode_layanan", "Online", "pilihan-tidak-dikenal")
    ap = r["aplikasi"][:]
    base = r["aplikasi"]
    k = 0
    while len(ap) < 15:
        extra = dict(base[k % len(base)], _m=[])
        extra["id"] = f"APL-{len(ap) + 1:02d}"
        extra["nama"] = f"{base[k % len(base)]['nama']} Modul {len(ap) + 1}"
        ap.append(extra)
        k += 1
    for a in ap:
        a["data"] = []
        a["layanan"] = []
        a["url"] = a["url"] or f"{a['id'].lower()}.dinsos.serangkab.go.id"
    ap[0]["nama"] = "SRIKANDI"
    ap[0]["_m"].append(("nama", "duplikat-lintas-opd", "also reported by Dinas Perhubungan in the other file"))
    mistake(ap[1], "basis_aplikasi", "Websit", "pilihan-tidak-dikenal", "saran: Web")
    mistake(ap[2], "raa", "RAA.09.09", "kode-tidak-dikenal")
    mistake(ap[3], "raa", "RAA.01", "kode-tingkat-tidak-sesuai", "level-1 code")
    mistake(ap[4], "status", None, "wajib-diisi", "Status empty")
    mistake(ap[5], "anggaran", "seratus juta", "tipe-tidak-sesuai")
    mistake(ap[6], "tahun_pembuatan", 1890, "di-luar-rentang")
    mistake(ap[7], "url", "#N/A", "nilai-galat-excel", "error cell #N/A")
    mistake(ap[8], "id", "APL-01", "id-ganda", "same id as row of APL-01")
    mistake(ap[9], "layanan", ["LY-99"], "referensi-tidak-ditemukan")
    mistake(ap[10], "id", None, "id-dibuat", "ID empty")
    mistake(ap[11], "raa", "Aplikasi Umum Administrasi Pemerintahan", "nilai-dinormalisasi", "name -> RAA.01.02")
    ap[12]["_m"].append((None, "baris-tersembunyi", "hidden row"))
    mistake(ap[13], "tanggal_pemutakhiran", "31/02/2024", "tipe-tidak-sesuai", "no 31 February")
    for a in ap[1:]:
        a["_ket"] = None
    ap[0]["_ket"] = "Aplikasi ANRI"
    f1 = "Dinas Sosial - Inventaris SPBE.xlsx"
    wb = new_workbook()
    identitas(wb, "dinsos")
    write_sheet(wb, Sheet("Layanan", "layanan", ly, columns_for("layanan")), S, f1)
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", ap, columns_for(
        "aplikasi", extra=[(None, "Keterangan", lambda rec: rec.get("_ket"))]), hidden={12},
        notes=signature("Kepala Dinas Sosial", "Hj. Siti Aminah, S.Sos., M.Si.", "19750505 200003 2 002")), S, f1)
    LOG.append((S, f1, "Aplikasi", "T1", "kolom-tidak-dikenal", "extra column 'Keterangan' (kept in tambahan)"))
    save(wb, os.path.join(out, f1))

    # file 2: Layout 2, several sheets with rows of two OPDs and one unknown OPD
    rd, rk = build("dishub", id_prefix="DISHUB."), build("dkpp", id_prefix="DKPP.")
    ap = rd["aplikasi"][:3] + rk["aplikasi"][:3]
    for a in ap:
        a["data"], a["layanan"] = [], []
    ap[0]["nama"] = "SRIKANDI"
    ap[0]["_m"].append(("nama", "duplikat-lintas-opd", "also reported by Dinas Sosial in the other file"))
    mistake(ap[1], "anggaran", "=2*45000000", "formula-tanpa-nilai", "formula without a cached value")
    stranger = dict(rk["aplikasi"][4], _m=[], id="X.APL-01", _pd_text="Dinas Antah Berantah")
    stranger["data"], stranger["layanan"] = [], []
    stranger["_m"].append(("_pd", "opd-tidak-dikenal", "'Dinas Antah Berantah'"))
    ap.append(stranger)
    ii = rd["infrastruktur"][:] + rk["infrastruktur"][:3]
    for x in ii:
        x["aplikasi"] = []
    mistake(ii[1], "rai", "RAI.09.01", "kode-tidak-dikenal", "provisional list: peringatan")
    mistake(ii[2], "jenis", None, "wajib-diisi", "Jenis Infrastruktur empty")
    mistake(ii[3], "bandwidth_mbps", -5, "di-luar-rentang")
    mistake(ii[4], "jumlah", "dua", "tipe-tidak-sesuai")
    mistake(ii[5], "tahun_pengadaan", 2150, "di-luar-rentang")
    mistake(ii[6], "aplikasi", ["DKPP.APL-77"], "referensi-tidak-ditemukan")
    kk = rd["keamanan"][:] + rk["keamanan"][:4]
    for x in kk:
        x["objek_terkait"] = []
    mistake(kk[1], "nilai_kematangan", 7, "di-luar-rentang")
    mistake(kk[2], "tanggal_kegiatan", "kemarin", "tipe-tidak-sesuai")
    mistake(kk[3], "jenis", "Pentest", "pilihan-tidak-dikenal")
    mistake(kk[4], "uraian", None, "wajib-diisi", "Uraian empty")
    mistake(kk[5], "rak", "RAK.01", "kode-tingkat-tidak-sesuai", "level-1 code")
    mistake(kk[6], "objek_terkait", ["DKPP.INF-99"], "referensi-tidak-ditemukan")
    mistake(kk[7], "tindak_lanjut", "#REF!", "nilai-galat-excel", "error cell #REF!")
    f2 = "Rekap SPBE Kab Serang.xlsx"
    wb = new_workbook()
    ws = wb.create_sheet("Petunjuk")
    ws.cell(1, 1, "Isi satu baris untuk setiap aplikasi, infrastruktur dan kegiatan keamanan.")
    LOG.append((S, f2, "Petunjuk", "-", "lembar-tidak-dikenal", "visible sheet matching no domain"))
    write_sheet(wb, Sheet("Aplikasi", "aplikasi", ap, columns_for("aplikasi"), pd_col="Perangkat Daerah"), S, f2)
    icols = columns_for("infrastruktur", extra=[(None, "Jumlah Unit", lambda rec: rec.get("jumlah"))])
    write_sheet(wb, Sheet("Infrastruktur", "infrastruktur", ii, icols, pd_col="Perangkat Daerah"), S, f2)
    LOG.append((S, f2, "Infrastruktur", "M1, P1", "kolom-ganda", "'Jumlah' and 'Jumlah Unit' both map to jumlah"))
    write_sheet(wb, Sheet("Keamanan", "keamanan", kk, columns_for("keamanan"), pd_col="Perangkat Daerah"), S, f2)
    lay = rd["layanan"][:2]
    for x in lay:
        x["proses_bisnis"] = []
    write_sheet(wb, Sheet("Layanan", "layanan", lay, columns_for("layanan", drop=("metode_layanan",)),
                          pd_col="Perangkat Daerah"), S, f2)
    LOG.append((S, f2, "Layanan", "baris 1", "kolom-wajib-tidak-ada",
                "no 'Metode Layanan' column: both rows rejected"))
    ws = wb.create_sheet("Data")
    ws.cell(1, 1, "Data menyusul, masih dalam pengumpulan di setiap bidang.")
    ws.cell(3, 2, 12)
    ws.cell(4, 3, "lihat lampiran")
    LOG.append((S, f2, "Data", "-", "header-tidak-ditemukan", "a sheet named Data without a header row"))
    save(wb, os.path.join(out, f2))
    # the formula must stay a formula without a cached value: openpyxl writes exactly that
    write_mistakes_md(out, LOG[LOG_START:])


def write_mistakes_md(out, entries):
    lines = ["# Deliberate mistakes", "",
             "Generated by `scripts/inputs/generate.py --fixtures …` (openpyxl, no LibreOffice pass, so that",
             "the formula keeps no cached value and the error cells stay error cells). Each data row carries at",
             "most one deliberate mistake; rows not listed are clean. Cells are as a spreadsheet program shows",
             "them. Sheet- and column-level findings have no row.", "",
             "| file | sheet | cell | expected `jenis` | what |", "|---|---|---|---|---|"]
    for _, f, sheet, where, jenis, note in entries:
        lines.append(f"| {f} | {sheet or ''} | {where} | `{jenis}` | {note} |")
    lines += ["", "Expected consequences:", "",
              "- Rows with a `kesalahan` finding go to `ditolak`; `kode-tidak-dikenal` on RAI (provisional list),",
              "  `referensi-tidak-ditemukan`, `duplikat-lintas-opd`, `formula-tanpa-nilai`, `nilai-dinormalisasi`,",
              "  `id-dibuat` and `baris-tersembunyi` do not reject their row.",
              "- `id-ganda` is reported on the later row (APL-01 in row 10 of Aplikasi), not on row 2.",
              "- `duplikat-lintas-opd` concerns the two SRIKANDI rows (Dinas Sosial and Dinas Perhubungan).",
              "- The row of 'Dinas Antah Berantah' is rejected with `opd-tidak-dikenal`.",
              "- The Layanan sheet of the second file has no Metode Layanan column: `kolom-wajib-tidak-ada`",
              "  once, and both of its rows are rejected.", ""]
    with open(os.path.join(out, "MISTAKES.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


# ---------------------------------------------------------------------------------------------


def clean_dir(path):
    if os.path.isdir(path):
        for name in os.listdir(path):
            full = os.path.join(path, name)
            if name == ".gitkeep":
                continue
            shutil.rmtree(full) if os.path.isdir(full) else os.remove(full)
    os.makedirs(path, exist_ok=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="folder for the demonstration inputs (emptied first)")
    ap.add_argument("--fixtures", help="folder holding the libreoffice/ and mistakes/ fixture sets")
    ap.add_argument("--list", action="store_true", help="print every deliberate mistake with its cell")
    args = ap.parse_args()
    if not args.out and not args.fixtures:
        ap.error("give --out and/or --fixtures")
    if args.out:
        clean_dir(args.out)
        demo(args.out)
        if args.list:
            print_log([e for e in LOG if e[0] == "inputs"])
    if args.fixtures:
        for sub, fn in [("libreoffice", fixtures_clean), ("mistakes", fixtures_mistakes)]:
            d = os.path.join(args.fixtures, sub)
            clean_dir(d)
            fn(d)
        if args.list:
            print_log([e for e in LOG if e[0] == "mistakes"])


def print_log(entries):
    for s, f, sheet, where, jenis, note in entries:
        print(f"{f}\t{sheet or '-'}\t{where}\t{jenis}\t{note}")


if __name__ == "__main__":
    main()
