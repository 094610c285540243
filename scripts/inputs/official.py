#!/usr/bin/env python3
"""Workbooks in the shape of the ministry's official forms and of two-row headers seen in the wild.

    python3 scripts/inputs/official.py --fixtures Tests/EndToEndTests/Fixtures/official
    python3 scripts/inputs/official.py --input inputs      # writes only the bundled official form

The official "Domain Arsitektur <Domain>.xlsx" family (column orders in
shared/standard/sia-spbe-forms.md): arrow headers `→ Unit Kerja (Dependency)`, reference cells
`KODE NAMA` (name upper case), links of `ID Nama` pairs one per line, Level 4/5 local columns,
rows of many OPDs with merged unit cells. Files marked LibreOffice are saved again by `soffice`.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import (CL, OPD_LIST, check_code, clean_dir, new_workbook,  # noqa: E402
                      resave_with_libreoffice, save)
from openpyxl.styles import Alignment, Font  # noqa: E402

SETDA, DINKES, SATPOL, DINSOS, KOMINFO, BPBD, DLH = (
    "4.01.0.00.0.00.01.0000", "1.02.0.00.0.00.01.0000", "1.05.0.00.0.00.02.0000",
    "1.06.0.00.0.00.01.0000", "2.16.2.20.2.21.01.0000", "1.05.0.00.0.00.01.0000", "2.11.0.00.0.00.01.0000")


def opd(kode):
    return OPD_LIST[kode]["nama"]


def kode_nama(cl, kode):
    """A reference cell as the official forms write it: the code and its name in upper case."""
    assert kode in CL[cl], kode
    return f"{kode} {CL[cl][kode]['nama'].upper()}"


def levels(cl, kode):
    """Level 1/2/3 cells of a national code, each `KODE NAMA`."""
    parts = kode.split(".")
    return [kode_nama(cl, ".".join(parts[:n + 1])) for n in range(1, len(parts))]


def titles(ws, lines, width):
    for i, t in enumerate(lines, start=1):
        ws.cell(i, 1, t).font = Font(bold=True, size=14 if i == 1 else 11)
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    return len(lines) + 2  # a blank row under the titles


def header(ws, row, labels):
    for c, label in enumerate(labels, start=1):
        cell = ws.cell(row, c, label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def rows(ws, first, data, merge_col=None):
    """Data rows; `merge_col` (1-based) is merged vertically over runs of the same value."""
    for r, values in enumerate(data, start=first):
        for c, v in enumerate(values, start=1):
            if v not in (None, ""):
                ws.cell(r, c, v).alignment = Alignment(wrap_text=True, vertical="top")
    if merge_col:
        start = first
        for r in range(first + 1, first + len(data) + 1):
            end = r == first + len(data)
            if end or data[r - first][merge_col - 1] != data[start - first][merge_col - 1]:
                if r - 1 > start:
                    for k in range(start + 1, r):
                        ws.cell(k, merge_col).value = None
                    ws.merge_cells(start_row=start, start_column=merge_col, end_row=r - 1,
                                   end_column=merge_col)
                start = r


# ---------------------------------------------------------------------------------------------
# the official family

PB_HEADER = ["Nama Bisnis/Urusan", "ID", "Uraian Bisnis/Urusan", "→ Unit Kerja (Dependency)",
             "→ RAB Level 4 (Dependency)", "→ RAB Level 5 (Dependency)", "Sasaran Strategis",
             "Indikator Kinerja Utama (IKU)", "Nilai IKU Target", "Nilai IKU Terealisasi",
             "→ RAB Level 1 Nasional (Dependency)", "→ RAB Level 2 (Dependency)",
             "→ RAB Level 3 (Dependency)", "Status Probis"]


def proses_bisnis(path):
    wb = new_workbook()
    ws = wb.create_sheet("Proses Bisnis")
    r = titles(ws, ["DOMAIN ARSITEKTUR PROSES BISNIS", "Pemerintah Kabupaten Serang"], len(PB_HEADER))
    header(ws, r, PB_HEADER)
    check_code("rab", "RAB.05.01.01")
    data = [
        ["Penyusunan Produk Hukum Daerah", "PB-01", "Penyusunan rancangan peraturan daerah dan peraturan bupati",
         opd(SETDA), "", "", "Meningkatnya kualitas produk hukum daerah", "Persentase produk hukum yang ditetapkan",
         100, 92.5, *levels("rab", "RAB.05.01.01"), "AS-IS"],
        ["Fasilitasi Bantuan Hukum", "PB-02", "Bantuan hukum bagi perangkat daerah", opd(SETDA),
         "RAB.05.01.02.01 FASILITASI BANTUAN HUKUM", "", "Meningkatnya kualitas produk hukum daerah",
         "Jumlah perkara yang didampingi", 12, 10, *levels("rab", "RAB.05.01.02"), "AS-IS"],
        ["Pelayanan Kefarmasian", "PB-01", "Pengawasan obat dan perbekalan kesehatan", opd(DINKES),
         "Pengelolaan obat puskesmas", "", "Meningkatnya mutu pelayanan kesehatan",
         "Persentase puskesmas dengan obat esensial", 90, 87, *levels("rab", "RAB.04.01.02"), "Upgrade"],
        ["Penegakan Peraturan Daerah", "PB-01", "Penertiban pelanggaran perda", opd(SATPOL), "", "",
         "Meningkatnya ketertiban umum", "Persentase pelanggaran perda yang ditindak", 80, 75,
         *levels("rab", "RAB.05.02.02"), "AS-IS"],
    ]
    rows(ws, r + 1, data, merge_col=4)
    save(wb, path)
    return r


DAL_HEADER = ["Nama Layanan", "ID", "Tujuan", "Fungsi", "Urusan Pemerintahan", "Target Layanan",
              "Potensi Manfaat", "Potensi Ekonomi", "→ RAL Level 4 (Dependency)",
              "→ RAL Level 5 (Dependency)", "Metode Layanan", "Kementerian/Lembaga",
              "→ RAL Level 1 (Dependency)", "→ RAL Level 2 (Dependency)", "→ RAL Level 3 (Dependency)",
              "→ Unit Pelaksana (Dependency)", "Potensi Resiko", "Mitigasi", "← Proses Bisnis (Dependency)",
              "Periode"]


def layanan(path, bundled=False):
    wb = new_workbook()
    ws = wb.create_sheet("Layanan")
    r = titles(ws, ["DOMAIN ARSITEKTUR LAYANAN", "Pemerintah Kabupaten Serang"], len(DAL_HEADER))
    header(ws, r, DAL_HEADER)
    check_code("ral", "RAL.01.28.01")
    check_code("ral", "RAL.01.24")
    check_code("ral", "RAL.01.25.02")
    lv = lambda k: (levels("ral", k) + ["", "", ""])[:3]  # noqa: E731
    data = [
        ["Jaringan Dokumentasi dan Informasi Hukum", "LY-01", "Akses publik ke produk hukum daerah",
         "Publikasi produk hukum", "Hukum", "Masyarakat", "Transparansi regulasi", "", "", "", "Elektronik",
         "Kementerian Hukum", *lv("RAL.01.28.01"), opd(SETDA), "Data tidak mutakhir", "Pemutakhiran berkala",
         "PB-01 Penyusunan Produk Hukum Daerah\nPB-02 Fasilitasi Bantuan Hukum", "2025-2029"],
        ["Perizinan Apotek", "LY-01", "Izin operasional apotek", "Penerbitan izin", "Kesehatan",
         "Pelaku Usaha", "Kepastian izin", "Retribusi", "", "", "Hybrid", "Kementerian Kesehatan",
         *lv("RAL.01.25.02"), opd(DINKES), "Berkas tidak lengkap", "Daftar periksa daring",
         "PB-01 Pelayanan Kefarmasian", "2025-2029"],
        ["Pengaduan Pelanggaran Perda", "LY-01", "Menerima aduan pelanggaran perda", "Pengaduan",
         "Ketenteraman dan Ketertiban Umum", "Masyarakat", "Ketertiban umum", "", "", "", "Elektronik",
         "Kementerian Dalam Negeri", *lv("RAL.01.24"), opd(SATPOL), "Aduan palsu",
         "Verifikasi lapangan", "PB-01", "2025-2029"],
    ]
    if bundled:
        # OPDs that sent nothing else; two planted mistakes (see README.md).
        check_code("ral", "RAL.01.25.01")
        data = [
            ["Layanan Informasi Kebencanaan", "LY-01", "Informasi peringatan dini bencana", "Peringatan dini",
             "Ketenteraman dan Ketertiban Umum", "Masyarakat", "Kesiapsiagaan warga", "", "", "", "Elektronik",
             "BNPB", *lv("RAL.01.24"), opd(BPBD), "Informasi terlambat", "Kanal ganda SMS dan aplikasi", "",
             "2025-2029"],
            ["Pendaftaran Pasien Daring", "LY-01", "Pendaftaran rawat jalan", "Pendaftaran", "Kesehatan",
             "Masyarakat", "Antrean lebih singkat", "", "", "", "Online", "Kementerian Kesehatan",
             *lv("RAL.01.25.01"), opd("1.02.0.00.0.00.02.0000"), "Sistem tidak tersedia", "Pendaftaran manual",
             "", "2025-2029"],
            ["Pengaduan Pelanggaran Perda", "LY-01", "Menerima aduan pelanggaran perda", "Pengaduan",
             "Ketenteraman dan Ketertiban Umum", "Masyarakat", "Ketertiban umum", "", "", "", "Elektronik",
             "Kementerian Dalam Negeri", *lv("RAL.01.24"), opd(SATPOL), "Aduan palsu", "Verifikasi lapangan",
             "PB-01 Penegakan Peraturan Daerah", "2025-2029"],
        ]
    rows(ws, r + 1, data)
    save(wb, path)
    return r


SECURITY = ["Standar Teknis dan Prosedur Keamanan SPBE", "Audit Keamanan SPBE",
            "Identifikasi Kerentanan Keamanan SPBE", "Kelaikan Keamanan SPBE",
            "Edukasi Kesadaran Keamanan SPBE", "Penanganan Insiden Keamanan SPBE", "Peningkatan Keamanan SPBE"]
DAD_HEADER = (["Nama Data", "ID", "Uraian Data", "Tujuan Data", "← Penghasil Data/Produsen Data",
               "→ Penanggung Jawab Data/ Wali Data (Dependency)", "Informasi yang Terkait (Output)",
               "Informasi yang Terkait (Input)", "→ RAD Level 4 (Dependency)", "Sifat Data", "Jenis Data",
               "Validitas Data", "Interoperabilitas", "→ RAD Level 1 (Dependency)", "→ RAD Level 2 (Dependency)",
               "→ RAD Level 3 (Dependency)", "← Proses Bisnis (Dependency)", "→ Layanan (Dependency)"]
              + [f"← {s} (Dependency)" for s in SECURITY])


def data_informasi(path):
    wb = new_workbook()
    ws = wb.create_sheet("Data dan Informasi")
    r = titles(ws, ["DOMAIN ARSITEKTUR DATA DAN INFORMASI", "Pemerintah Kabupaten Serang"], len(DAD_HEADER))
    header(ws, r, DAD_HEADER)
    check_code("rad", "RAD.05.01.01")
    check_code("rad", "RAD.04.01.02")
    sec = ["", "KM-01 Audit Keamanan Aplikasi", "", "", "", "", ""]
    data = [
        ["Produk Hukum Daerah", "DT-01", "Peraturan daerah dan peraturan bupati", "Publikasi JDIH",
         "Bagian Hukum", opd(SETDA), "Katalog produk hukum", "Rancangan peraturan", "", "Terbuka", "Data Statistik",
         "Tahunan", "Ya", *levels("rad", "RAD.05.01.01"), "PB-01\r\nPB-02", "LY-01 Jaringan Dokumentasi dan Informasi Hukum",
         *sec],
        ["Data Apotek", "DT-01", "Daftar apotek berizin", "Pengawasan kefarmasian", "Seksi Kefarmasian",
         opd(DINKES), "", "", "", "Terbatas", "Data Statistik", "Bulanan", "Tidak", *levels("rad", "RAD.04.01.02"),
         "PB-01 Pelayanan Kefarmasian", "LY-01", "", "", "", "", "", "", ""],
    ]
    rows(ws, r + 1, data)
    save(wb, path)
    return r


def infrastruktur(path):
    wb = new_workbook()
    sheets = [
        ("Komputasi Awan",
         ["Nama Government Cloud", "Deskripsi", "Nama Pemilik", "Biaya Layanan", "Tipe Goverment Cloud",
          "Status Kepemilikkan", "Unit Pengembang", "→ Unit Operasional (Dependency)", "Jangka Waktu Pelayanan"],
         [["Cloud Pemkab Serang", "Layanan IaaS untuk aplikasi perangkat daerah", "Diskominfosatik", 150000000,
           "IaaS", "Milik Sendiri", "Bidang Aptika", opd(KOMINFO), "12 bulan"]]),
        ("Perangkat Keras Keamanan",
         ["Nama Perangkat", "Deskripsi", "Status Kepemilikkan", "→ Unit Kerja (Dependency)", "Lokasi"],
         [["Firewall Utama", "Next generation firewall ruang server", "Milik Sendiri", opd(KOMINFO),
           "Ruang Server Pemkab"],
          ["Firewall Cadangan", "Firewall pusat data cadangan", "Milik Sendiri", opd(KOMINFO), "Ruang Server Pemkab"]]),
        ("Pusat Data",
         ["Nama Pusat Data", "Deskripsi", "Bandwidth Intranet", "Bandwidth Internet", "Lokasi",
          "Klasifikasi Tier (Tier 1 – Tier 4)", "Sistem Pengamanan", "→ Unit Kerja Penanggung Jawab (Dependency)"],
         [["Pusat Data Pemkab Serang", "Ruang server utama", "1000", "500", "Gedung Setda Lantai 3", "Tier 2",
           "CCTV dan akses kartu", opd(KOMINFO)]]),
    ]
    first = {}
    for name, head, data in sheets:
        ws = wb.create_sheet(name)
        r = titles(ws, [f"DOMAIN ARSITEKTUR INFRASTRUKTUR - {name.upper()}", "Pemerintah Kabupaten Serang"], len(head))
        header(ws, r, head)
        rows(ws, r + 1, data, merge_col=head.index(next(h for h in head if "Unit" in h and "Pengembang" not in h)) + 1)
        first[name] = r
    save(wb, path)
    return first


# ---------------------------------------------------------------------------------------------
# two-row headers

def two_row(ws, top_row, singles, groups, order):
    """Write a two-row header. `order` lists ("s", label) singles and ("g", group, subs, style) groups;
    style "merged" merges the group cell across its columns, "repeated" writes it above every column;
    singles are merged across both rows when `singles` is "merged", else written in the top row only."""
    c = 1
    for item in order:
        if item[0] == "s":
            ws.cell(top_row, c, item[1]).font = Font(bold=True)
            if singles == "merged":
                ws.merge_cells(start_row=top_row, start_column=c, end_row=top_row + 1, end_column=c)
            c += 1
        else:
            _, group, subs, style = item
            for k, sub in enumerate(subs):
                if style == "repeated" or k == 0:
                    ws.cell(top_row, c + k, group).font = Font(bold=True)
                ws.cell(top_row + 1, c + k, sub).font = Font(bold=True)
            if style == "merged":
                ws.merge_cells(start_row=top_row, start_column=c, end_row=top_row, end_column=c + len(subs) - 1)
            c += len(subs)
    return c - 1


def two_row_workbook(path, per_opd, variants):
    """Proses Bisnis, Layanan and Aplikasi sheets with two-row headers; `variants` gives per sheet
    (group style, singles style, sub-labels)."""
    wb = new_workbook()
    if per_opd:
        ws = wb.create_sheet("Identitas")
        for i, (k, v) in enumerate([("Nama Perangkat Daerah", opd(DINSOS)), ("Nama Pengisi", "Rina Marlina"),
                                    ("Jabatan", "Analis Sistem Informasi")], start=1):
            ws.cell(i, 1, k)
            ws.cell(i, 2, v)
    owner = [] if per_opd else [("s", "Perangkat Daerah")]
    opds = [DINSOS] if per_opd else [BPBD, DLH]
    pb_codes = {DINSOS: ["RAB.04.02.02", "RAB.04.02.03"], BPBD: ["RAB.05.02.01"], DLH: ["RAB.02.03.15"]}
    ly_codes = {DINSOS: ["RAL.01.26.02", "RAL.01.26.03"], BPBD: ["RAL.01.24"], DLH: ["RAL.01.20.01"]}
    ap = {DINSOS: [("SIKS-NG", "RAA.02.01", "Web", "Aktif"), ("SRIKANDI", "RAA.01.02", "Web", "Aktif")],
          BPBD: [("InaRISK Serang", "RAA.02.01", "Mobile", "Aktif")],
          DLH: [("SIMPEL DLH", "RAA.02.02", "Web", "Aktif")]}
    names = {"RAB.04.02.02": "Verifikasi Data Terpadu Kesejahteraan Sosial",
             "RAB.04.02.03": "Penyaluran Bantuan Sosial", "RAB.05.02.01": "Kesiapsiagaan Bencana",
             "RAL.01.26.02": "Layanan Pengaduan Bansos", "RAL.01.26.03": "Layanan Rehabilitasi Sosial",
             "RAL.01.24": "Layanan Informasi Kebencanaan", "RAB.02.03.15": "Pengawasan Mutu Air Sungai",
             "RAL.01.20.01": "Layanan Persetujuan Bangunan Gedung"}
    for cl, codes in [("rab", pb_codes), ("ral", ly_codes)]:
        for lst in codes.values():
            for k in lst:
                check_code(cl, k)
    first = {}
    for sheet, cl, nlev in [("Proses Bisnis", "rab", 3), ("Layanan", "ral", 3), ("Aplikasi", "raa", 2)]:
        group, singles, subs = variants[sheet]
        ws = wb.create_sheet(sheet)
        ws.cell(1, 1, f"{sheet.upper()} {'DINAS SOSIAL' if per_opd else 'KABUPATEN SERANG'} TAHUN 2025").font = Font(bold=True)
        top = 3
        if sheet == "Proses Bisnis":
            order = [("s", "No"), ("s", "ID"), ("s", "Nama Proses Bisnis"), *owner,
                     ("g", subs[0], subs[1:], group), ("s", "Status")]
        elif sheet == "Layanan":
            order = [("s", "No"), ("s", "ID"), ("s", "Nama Layanan"), *owner, ("g", subs[0], subs[1:], group),
                     ("s", "Target Layanan"), ("s", "Metode Layanan"), ("s", "Proses Bisnis Terkait")]
        else:
            order = [("s", "No"), ("s", "ID"), ("s", "Nama Aplikasi"), *owner, ("g", subs[0], subs[1:], group),
                     ("s", "Basis Aplikasi"), ("s", "Status"), ("s", "Layanan Terkait")]
        two_row(ws, top, singles, None, order)
        data, n = [], 0
        for o in opds:
            if sheet == "Aplikasi":
                for i, (name, k, basis, status) in enumerate(ap[o], start=1):
                    n += 1
                    lv = [kode_nama("raa", ".".join(k.split(".")[:m + 1])) for m in range(1, nlev + 1)]
                    data.append([n, f"AP-{i:02d}", name, *([opd(o)] if owner else []), *lv, basis, status, "LY-01"])
            else:
                codes = pb_codes if sheet == "Proses Bisnis" else ly_codes
                for i, k in enumerate(codes[o], start=1):
                    n += 1
                    lv = (levels(cl, k) + ["", ""])[:3]
                    prefix = "PB" if sheet == "Proses Bisnis" else "LY"
                    tail = ["AS-IS"] if sheet == "Proses Bisnis" else [
                        "Masyarakat", "Elektronik", "PB-01\nPB-02" if len(codes[o]) > 1 else "PB-01"]
                    data.append([n, f"{prefix}-{i:02d}", names[k], *([opd(o)] if owner else []), *lv, *tail])
        rows(ws, top + 2, data, merge_col=4 if owner else None)
        first[sheet] = top
    save(wb, path)
    return first


def fixtures(out):
    clean_dir(out)
    libre = []
    p = os.path.join(out, "Domain Arsitektur Proses Bisnis.xlsx")
    proses_bisnis(p)
    libre.append(p)
    layanan(os.path.join(out, "Domain Arsitektur Layanan.xlsx"))
    p = os.path.join(out, "Domain Arsitektur Data dan Informasi.xlsx")
    data_informasi(p)
    libre.append(p)
    infrastruktur(os.path.join(out, "Domain Arsitektur Infrastruktur.xlsx"))
    # Per OPD (LibreOffice): merged group over bare sub-labels; group repeated over sub-labels that
    # repeat its word; merged group over sub-labels that extend it.
    p = os.path.join(out, "Dinas Sosial - Arsitektur SPBE.xlsx")
    two_row_workbook(p, True, {
        "Proses Bisnis": ("merged", "merged", ["Kode RAB", "Level 1", "Level 2", "Level 3"]),
        "Layanan": ("repeated", "top", ["RAL", "RAL Level 1", "RAL Level 2", "RAL Level 3"]),
        "Aplikasi": ("merged", "merged", ["Kode RAA", "Kode RAA Level 1", "Kode RAA Level 2"]),
    })
    libre.append(p)
    # Per domain (openpyxl): the same three forms, crossed.
    two_row_workbook(os.path.join(out, "Rekap Dua Baris Kab Serang.xlsx"), False, {
        "Proses Bisnis": ("repeated", "top", ["RAB", "RAB Level 1", "RAB Level 2", "RAB Level 3"]),
        "Layanan": ("merged", "merged", ["Kode RAL", "Kode RAL Level 1", "Kode RAL Level 2", "Kode RAL Level 3"]),
        "Aplikasi": ("merged", "merged", ["RAA", "Level 1", "Level 2"]),
    })
    resave_with_libreoffice(libre)


def bundled_input(out):
    """The official Layanan form among the demonstration inputs (LibreOffice)."""
    p = os.path.join(out, "Domain Arsitektur Layanan.xlsx")
    layanan(p, bundled=True)
    resave_with_libreoffice([p])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fixtures", help="folder of the official-form fixtures (emptied first)")
    ap.add_argument("--input", help="inputs folder to write the bundled official form into")
    args = ap.parse_args()
    if not args.fixtures and not args.input:
        ap.error("give --fixtures and/or --input")
    if args.fixtures:
        fixtures(args.fixtures)
    if args.input:
        bundled_input(args.input)


if __name__ == "__main__":
    main()
