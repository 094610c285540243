#!/usr/bin/env python3
"""Writes the `analisis` fixture set: twelve OPDs of the bundled registry, each
sending one workbook in the template's layout (an Identitas sheet, one sheet
per domain with the standard's column labels), and `expected.json`, the
analyses these files must give, derived here from the same declarations by
the rules README.md states (independently of the tool's code).

Run from the repository root: python3 Tests/EndToEndTests/Fixtures/analisis/make.py
Needs openpyxl. Output is deterministic (fixed workbook dates)."""
import csv, datetime, json, os, re
import openpyxl

ROOT = os.path.dirname(os.path.abspath(__file__))
STD = os.path.join(ROOT, "../../../../Sources/Standard/Resources")
domains = json.load(open(os.path.join(STD, "domains.json")))["domains"]
labels = {d["key"]: {f["key"]: f["label"] for f in d["fields"]} for d in domains}
sheet = {d["key"]: d["sheet_names"][0] for d in domains}
order = [d["key"] for d in domains]


def level3(name, level):
    rows = csv.DictReader(open(os.path.join(STD, "codelists", name + ".csv")))
    return next(r["kode"] for r in rows if r["tingkat"] == str(level))


RAB, RAL, RAD = level3("rab", 3), level3("ral", 3), level3("rad", 3)
opds = {r["singkatan"]: r for r in csv.DictReader(open(os.path.join(STD, "codelists/opd-36.04.csv")))}

# An application: (id, name, uraian, RAA, anggaran or None, lokasi_hosting or None,
# data ids, layanan ids). Every OPD has PB-01 served by LY-01 unless said otherwise.
A = lambda *a: a
OFFICES = {
    "Setda": dict(
        apps=[A("AP-01", "SRIKANDI", "Kearsipan dinamis terintegrasi", "RAA.01.02", 0, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "SPSE Kab. Serang", "Pengadaan barang dan jasa secara elektronik", "RAA.01.02", 350000000, "Pusat Data Daerah", ["DT-01"], ["LY-01"])]),
    "Dinkes": dict(
        pb=["PB-01", "PB-02"], ly=[("LY-01", ["PB-01"]), ("LY-02", ["PB-01"])],
        data=[("DT-01", "Data Kunjungan Pasien", "Dinas Kesehatan", "Tidak"),
              ("DT-02", "Data Kependudukan", "Disdukcapil", "Tidak")],
        apps=[A("AP-01", "SIMPUS Kab. Serang", "Rekam medis puskesmas", "RAA.02.01", 420000000, "Pusat Data Daerah", ["DT-01"], ["LY-01"]),
              A("AP-02", "Antrean Online Puskesmas", "Pengambilan nomor antrean pasien secara daring", "RAA.01.01", 150000000, "Cloud Swasta", ["DT-01"], ["LY-01"]),
              A("AP-03", "SRIKANDI", "Naskah dinas elektronik", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-04", "Antrean Obat Apotek", "Pengambilan nomor antrean obat", "RAA.02.02", 50000000, "Server Lokal OPD", [], ["LY-01"])]),
    "RSDP": dict(
        skip=["keamanan"],
        apps=[A("AP-01", "SATUSEHAT Platform", "Integrasi rekam medis elektronik", "RAA.02.01", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "Antrean Online RSUD", "Pengambilan nomor antrean pasien rumah sakit secara daring", "RAA.01.01", 275000000, "Cloud Swasta", ["DT-01"], ["LY-01"])]),
    "Disdikbud": dict(
        apps=[A("AP-01", "Dapodik", "Data pokok pendidikan", "RAA.02.01", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "SRIKANDI", "Kearsipan dinamis", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-03", "Arsip Foto Kegiatan Sekolah", "Dokumentasi dan arsip foto kegiatan", "RAA.02.01", 25000000, "Server Lokal OPD", ["DT-01"], ["LY-01"])]),
    "DPUPR": dict(
        apps=[A("AP-01", "e-Surat Dinas PUPR", "Persuratan dan disposisi naskah dinas", "RAA.01.02", 80000000, "Pusat Data Daerah", ["DT-01"], ["LY-01"]),
              A("AP-02", "Inventaris Aset Barang", "Pencatatan inventaris barang milik daerah", "RAA.01.02", 120000000, None, ["DT-01"], ["LY-01"])],
        infra=[("IN-01", "Server Ruang Data PUPR", "Perangkat Keras Server", ["AP-02"])]),
    "Dinsos": dict(
        skip=["infrastruktur", "keamanan"],
        data=[("DT-01", "Data Penerima Bantuan Sosial", "Dinas Sosial", "Ya"),
              ("DT-02", "Data Kependudukan", "Dinas Kependudukan dan Pencatatan Sipil", "Tidak")],
        apps=[A("AP-01", "SIKS-NG", "Kesejahteraan sosial next generation", "RAA.02.01", None, "Pusat Data Nasional", ["DT-01", "DT-02"], ["LY-01"]),
              A("AP-02", "Aplikasi Pengaduan Warga", "Pengaduan masyarakat tentang bantuan sosial", "RAA.01.01", 60000000, None, [], [])]),
    "Disdukcapil": dict(
        data=[("DT-01", "Data Kependudukan", "Disdukcapil", "Ya"),
              ("DT-02", "Data Akta Kelahiran", "Disdukcapil", "Ya")],
        apps=[A("AP-01", "SIAK Terpusat", "Administrasi kependudukan", "RAA.02.01", None, "Pusat Data Nasional", ["DT-01", "DT-02"], ["LY-01"]),
              A("AP-02", "Antrean Online Dukcapil", "Pengambilan nomor antrean layanan kependudukan secara daring", "RAA.01.01", 90000000, "Pusat Data Daerah", ["DT-01"], ["LY-01"])]),
    "Diskominfosatik": dict(
        apps=[A("AP-01", "SP4N-LAPOR!", "Pengaduan pelayanan publik nasional", "RAA.01.01", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "Satu Data Serang", "Portal data sektoral", "RAA.01.01", 200000000, None, ["DT-01"], ["LY-01"])],
        infra=[("IN-01", "Pusat Data Daerah Kabupaten Serang", "Fasilitas Komputasi", ["AP-02"])]),
    "DPMPTSP": dict(
        apps=[A("AP-01", "OSS RBA", "Perizinan berusaha berbasis risiko", "RAA.01.01", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "Tracking Berkas Izin", "Pelacakan berkas permohonan izin", "RAA.02.02", 45000000, "Pusat Data Daerah", ["DT-01"], ["LY-01"])]),
    "Bappeda": dict(
        data=[("DT-01", "Data Rencana Pembangunan", "Bappeda", "Tidak"),
              ("DT-02", "Data Realisasi Anggaran", "BPKAD", "Tidak")],
        apps=[A("AP-01", "SIPD", "Perencanaan dan penganggaran daerah", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01", "DT-02"], ["LY-01"]),
              A("AP-02", "SRIKANDI", "Kearsipan dinamis", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-03", "e-Monev Pembangunan", "Pemantauan dan evaluasi kegiatan pembangunan", "RAA.02.02", 110000000, "Cloud Pemerintah", ["DT-01"], ["LY-01"])]),
    "BPKAD": dict(
        data=[("DT-01", "Data Realisasi Anggaran", "BPKAD", "Ya")],
        apps=[A("AP-01", "SIPD RI", "Penatausahaan keuangan daerah", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "e-Aset Barang Milik Daerah", "Pencatatan inventaris barang milik daerah", "RAA.01.02", 300000000, "Pusat Data Daerah", ["DT-01"], ["LY-01"])]),
    "BKPSDM": dict(
        apps=[A("AP-01", "SIASN", "Sistem informasi ASN", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-02", "e-Kinerja", "Penilaian sasaran kinerja pegawai", "RAA.01.02", None, "Pusat Data Nasional", ["DT-01"], ["LY-01"]),
              A("AP-03", "Cuti Online Pegawai", "Pengajuan cuti pegawai", "RAA.02.02", 40000000, None, ["DT-01"], ["LY-01"])]),
}

# What the fixture is built to show (the rules are the tool's, README.md).
UMUM = {"SRIKANDI", "SPSE", "SP4N-LAPOR!", "SIPD", "SIASN", "e-Kinerja"}
CLASS = {  # application name → (class, Aplikasi Umum)
    "SRIKANDI": ("umum", "SRIKANDI"), "SPSE Kab. Serang": ("umum", "SPSE"),
    "SP4N-LAPOR!": ("umum", "SP4N-LAPOR!"), "SIPD": ("umum", "SIPD"), "SIPD RI": ("umum", "SIPD"),
    "SIASN": ("umum", "SIASN"), "e-Kinerja": ("umum", "e-Kinerja"),
    "SIMPUS Kab. Serang": ("khusus-nasional", "SIMPUS"), "SATUSEHAT Platform": ("khusus-nasional", "SATUSEHAT"),
    "Dapodik": ("khusus-nasional", "Dapodik"), "SIKS-NG": ("khusus-nasional", "SIKS-NG"),
    "SIAK Terpusat": ("khusus-nasional", "SIAK"), "OSS RBA": ("khusus-nasional", "OSS RBA"),
}
MIGRATION = {("DPUPR", "AP-01"): "SRIKANDI", ("Dinsos", "AP-02"): "SP4N-LAPOR!"}
GROUPS = [  # the two consolidation groups: (RAA, [(OPD, app id)])
    ("RAA.01.01", [("Dinkes", "AP-02"), ("RSDP", "AP-02"), ("Disdukcapil", "AP-02")]),
    ("RAA.01.02", [("DPUPR", "AP-02"), ("BPKAD", "AP-02")]),
]
HOSTING = {
    "Pusat Data Nasional": "pusat-data-nasional", "Pusat Data Daerah": "pusat-data-daerah",
    "Cloud Pemerintah": "cloud-pemerintah", "Cloud Swasta": "cloud-swasta",
    "Server Lokal OPD": "server-opd", None: "tidak-diketahui",
}
INFRA_PLACE = {"Server Ruang Data PUPR": "server-opd", "Pusat Data Daerah Kabupaten Serang": "pusat-data-daerah"}


def code(abbr):
    return opds[abbr]["kode"]


def write(abbr, o):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Identitas"
    ws.append(["Nama Perangkat Daerah", opds[abbr]["nama"]])
    ws.append(["Kode Perangkat Daerah", code(abbr)])
    ws.append(["Nama Pengisi", "Operator SPBE"])
    rows = records(abbr, o)
    for d in order:
        if d in o.get("skip", []):
            continue
        keys = [k for k in labels[d] if k != "opd"]
        s = wb.create_sheet(sheet[d])
        s.append([labels[d][k] for k in keys])
        for r in rows[d]:
            s.append([r.get(k) for k in keys])
    stamp = datetime.datetime(2024, 8, 1)
    wb.properties.created = wb.properties.modified = stamp
    wb.save(os.path.join(ROOT, f"{abbr} - Inventaris SPBE.xlsx"))


def records(abbr, o):
    name = opds[abbr]["nama"]
    pbs = o.get("pb", ["PB-01"])
    lys = o.get("ly", [("LY-01", ["PB-01"])])
    data = o.get("data", [("DT-01", f"Data Kinerja {abbr}", name, "Tidak")])
    r = {d: [] for d in order}
    for p in pbs:
        r["proses_bisnis"].append(dict(id=p, nama=f"Proses {p} {abbr}", rab=RAB))
    for l, refs in lys:
        r["layanan"].append(dict(id=l, nama=f"Layanan {l} {abbr}", ral=RAL, target_layanan="Masyarakat",
                                 metode_layanan="Elektronik", proses_bisnis="; ".join(refs)))
    for i, n, producer, interop in data:
        r["data"].append(dict(id=i, nama=n, produsen_data=producer, rad=RAD, sifat_data="Terbatas",
                              interoperabilitas=interop))
    for i, n, u, raa, amount, host, dt, ly in o["apps"]:
        r["aplikasi"].append(dict(id=i, nama=n, uraian=u, raa=raa, basis_aplikasi="Web", status="Aktif",
                                  lokasi_hosting=host, anggaran=amount, data="; ".join(dt) or None,
                                  layanan="; ".join(ly) or None))
    for i, n, jenis, apps in o.get("infra", []):
        r["infrastruktur"].append(dict(id=i, nama=n, jenis=jenis, aplikasi="; ".join(apps)))
    if not r["infrastruktur"] and "infrastruktur" not in o.get("skip", []):
        r["infrastruktur"].append(dict(id="IN-01", nama=f"Jaringan Kantor {abbr}", jenis="Perangkat Keras Jaringan"))
    secured = [a[0] for a in o["apps"]][:1]  # the first application has a security activity
    r["keamanan"].append(dict(id="KM-01", uraian=f"Uji penetrasi {abbr}", jenis="Identifikasi Kerentanan Keamanan",
                              objek_terkait="; ".join(secured)))
    return r


def expected():
    ref = lambda abbr, d, i: {"domain": d, "opd": code(abbr), "id": i}
    per_opd, costly, total, without = [], [], 0, 0
    kelas, users, hosting, celah, flows = [], {}, {}, [], {}
    senders = set()
    for abbr, o in OFFICES.items():
        rec = records(abbr, o)
        c = code(abbr)
        amounts = [a[4] for a in o["apps"]]
        known = [x for x in amounts if x is not None]
        per_opd.append({"opd": c, "domain": "aplikasi", "jumlah": sum(known),
                        "tanpa_nilai": amounts.count(None), "rekaman": len(amounts)})
        total += sum(known)
        without += amounts.count(None)
        senders.add(c)
        for i, n, u, raa, amount, host, dt, ly in o["apps"]:
            k, umum = CLASS.get(n, ("khusus-daerah", None))
            kelas.append(dict(ref(abbr, "aplikasi", i), kelas=k, aplikasi_umum=umum))
            if umum:
                users.setdefault(umum, set()).add(c)
            if amount:
                costly.append(dict(ref(abbr, "aplikasi", i), nama=n, jumlah=amount))
            place = HOSTING[host]
            if host is None:
                place = next((INFRA_PLACE[x[1]] for x in o.get("infra", []) if i in x[3]), place)
            hosting.setdefault((place, c), []).append(ref(abbr, "aplikasi", i))
        # gaps
        present = [d for d in order if d not in o.get("skip", [])]
        for d in order:
            if d not in present:
                celah.append(("domain-belum-dikirim", c, d, None))
        served = {p for l in rec["layanan"] for p in l["proses_bisnis"].split("; ")}
        # A missing link towards a domain the OPD did not send is that domain's gap alone.
        sends = lambda d: d in present
        celah += [("proses-tanpa-layanan", c, "proses_bisnis", p["id"]) for p in rec["proses_bisnis"]
                  if sends("layanan") and p["id"] not in served]
        supported = {l for a in rec["aplikasi"] if a["layanan"] for l in a["layanan"].split("; ")}
        celah += [("layanan-tanpa-aplikasi", c, "layanan", l["id"]) for l in rec["layanan"] if l["id"] not in supported]
        celah += [("aplikasi-tanpa-data", c, "aplikasi", a["id"]) for a in rec["aplikasi"] if sends("data") and not a["data"]]
        hosted = {x for n in rec["infrastruktur"] if n.get("aplikasi") for x in n["aplikasi"].split("; ")}
        celah += [("aplikasi-tanpa-infrastruktur", c, "aplikasi", a["id"]) for a in rec["aplikasi"]
                  if sends("infrastruktur") and not a["lokasi_hosting"] and a["id"] not in hosted]
        secured = {x for k in rec["keamanan"] for x in k["objek_terkait"].split("; ")}
        celah += [("aplikasi-tanpa-keamanan", c, "aplikasi", a["id"]) for a in rec["aplikasi"]
                  if sends("keamanan") and a["id"] not in secured]
        for d in rec["data"]:
            p = next((r["kode"] for r in opds.values() if d["produsen_data"] in (r["nama"], r["singkatan"])), None)
            if p and p != c:
                flows.setdefault((p, c), []).append((d["id"], d["nama"]))
    received = {(p, n) for (p, _), ds in flows.items() for _, n in ds}
    for abbr, o in OFFICES.items():
        for d in records(abbr, o)["data"]:
            if d["interoperabilitas"] == "Ya" and (code(abbr), d["nama"]) not in received:
                celah.append(("data-interoperabel-tidak-dipakai", code(abbr), "data", d["id"]))
    kinds = ["domain-belum-dikirim", "proses-tanpa-layanan", "layanan-tanpa-aplikasi", "aplikasi-tanpa-data",
             "aplikasi-tanpa-infrastruktur", "aplikasi-tanpa-keamanan", "data-interoperabel-tidak-dipakai"]
    celah.sort(key=lambda g: (g[0 + 1], kinds.index(g[0]), order.index(g[2]), g[3] or ""))
    places = ["pusat-data-nasional", "pusat-data-daerah", "cloud-pemerintah", "cloud-swasta", "server-opd",
              "lainnya", "tidak-diketahui"]
    key = lambda r: (r["domain"], r["opd"], r["id"])
    costly.sort(key=lambda x: (-x["jumlah"], key(x)))
    groups = []
    for raa, members in GROUPS:
        refs = sorted((ref(a, "aplikasi", i) for a, i in members), key=key)
        amount = sum(next(x[4] for x in OFFICES[a]["apps"] if x[0] == i) or 0 for a, i in members)
        groups.append({"aplikasi": refs, "opd": sorted({code(a) for a, _ in members}), "raa": raa, "anggaran": amount})
    groups.sort(key=lambda g: key(g["aplikasi"][0]))
    migration = {}
    for (a, i), umum in MIGRATION.items():
        migration.setdefault(umum, []).append(ref(a, "aplikasi", i))
    return {
        "anggaran": {"total": total, "tanpa_nilai": without,
                     "per_opd": sorted(per_opd, key=lambda l: l["opd"]), "termahal": costly[:10]},
        "aplikasi_umum_dipakai": {n: sorted(u) for n, u in sorted(users.items())},
        "aplikasi_umum_opd_pengirim": sorted(senders),
        "kandidat_migrasi": {n: sorted(r, key=key) for n, r in migration.items()},
        "kandidat_konsolidasi": groups,
        "celah": [{"jenis": j, "opd": o, "domain": d, "id": i} for j, o, d, i in celah],
        "interoperabilitas": [{"dari_opd": p, "ke_opd": c, "data": sorted(i for i, _ in ds)}
                              for (p, c), ds in sorted(flows.items())],
        "hosting": [{"lokasi": p, "opd": c, "jumlah": len(r), "aplikasi": sorted(x["id"] for x in r)}
                    for (p, c), r in sorted(hosting.items(), key=lambda kv: (places.index(kv[0][0]), kv[0][1]))],
        "kelas_aplikasi": sorted(kelas, key=lambda k: (k["opd"], k["id"])),
    }


if __name__ == "__main__":
    for abbr, o in OFFICES.items():
        write(abbr, o)
    with open(os.path.join(ROOT, "expected.json"), "w") as f:
        json.dump(expected(), f, indent=2, ensure_ascii=False)
        f.write("\n")
