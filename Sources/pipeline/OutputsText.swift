import Pipeline

extension ConsoleText {
  public static func outputsRefusal(_ r: OutputsRefusal, lang: Language) -> String {
    let id = lang == .id
    switch r {
    case .holdsInputs(let o, let i):
      return id
        ? "folder keluaran \(o) sama dengan atau memuat folder masukan \(i); setiap proses mengganti seluruh folder keluaran. Pilih folder keluaran lain (--outputs), mis. outputs di samping folder masukan."
        : "the outputs folder \(o) is or holds the inputs folder \(i); every run replaces the whole outputs folder. Choose another outputs folder (--outputs), e.g. outputs beside the inputs folder."
    case .systemFolder(let o):
      return id
        ? "folder keluaran \(o) adalah folder sistem; pilih folder sendiri (--outputs), mis. outputs di folder proyek."
        : "the outputs folder \(o) is a system folder; choose a folder of your own (--outputs), e.g. outputs in the project folder."
    case .homeFolder(let o):
      return id
        ? "folder keluaran \(o) adalah folder rumah (home) atau memuatnya; setiap proses mengganti seluruh folder keluaran. Pilih subfolder (--outputs), mis. outputs."
        : "the outputs folder \(o) is or holds the home folder; every run replaces the whole outputs folder. Choose a subfolder (--outputs), e.g. outputs."
    case .workingFolder(let o):
      return id
        ? "folder keluaran \(o) adalah folder saat ini atau memuatnya; setiap proses mengganti seluruh folder keluaran. Pilih subfolder (--outputs), mis. outputs."
        : "the outputs folder \(o) is or holds the current folder; every run replaces the whole outputs folder. Choose a subfolder (--outputs), e.g. outputs."
    }
  }

  public static func outputsNotice(_ n: OutputsNotice, lang: Language) -> String {
    let id = lang == .id
    switch n {
    case .renamedOneByOne(let p, let reason):
      let why: String
      switch reason {
      case .mountPoint: why = id ? "adalah titik mount" : "is a mount point"
      case .parentNotWritable:
        why =
          id ? "berada di folder yang tidak dapat ditulis" : "is in a folder that cannot be written"
      case .cannotSwap:
        why = id ? "tidak dapat ditukar sekaligus di sini" : "cannot be swapped whole here"
      }
      return id
        ? "catatan: folder keluaran \(p) \(why); keluaran dipindahkan ke tempatnya satu per satu, tidak sekaligus. Bila proses terhenti di tengah, proses berikutnya melengkapinya."
        : "note: the outputs folder \(p) \(why); the outputs are moved into place one by one, not all at once. If the run stops halfway, the next run completes them."
    case .interruptedCommitCompleted(let p):
      return id
        ? "catatan: proses sebelumnya terhenti saat memindahkan keluarannya ke \(p); keluaran itu kini sudah dilengkapi."
        : "note: an earlier run stopped while moving its outputs into \(p); they have now been completed."
    case .metadataNotKept(let p, let owner, let group, let mode):
      var lost: [String] = []
      if let owner { lost.append(id ? "pemilik (\(owner))" : "owner (\(owner))") }
      if let group { lost.append(id ? "grup (\(group))" : "group (\(group))") }
      if let mode { lost.append(id ? "izin (\(mode))" : "permissions (\(mode))") }
      let list = lost.joined(separator: ", ")
      return id
        ? "catatan: folder keluaran \(p) diganti folder baru tanpa \(list) semula; hanya pemiliknya atau root yang dapat memulihkannya (chown/chmod)."
        : "note: the outputs folder \(p) was replaced by a new folder without its former \(list); only its owner or root can restore them (chown/chmod)."
    }
  }
}
