// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "pipeline",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "pipeline", targets: ["pipeline"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // The C libraries, found through pkg-config (Debian: libzip-dev, libxml2-dev,
    // libxlsxwriter-dev, zlib1g-dev).
    .systemLibrary(
      name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "CLibXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

    // Reading spreadsheets: XLSX (OPC package, workbook, shared strings, styles, sheets) and CSV.
    .target(
      name: "Spreadsheet", dependencies: ["CLibZip", "CLibXML2"],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    // The national standard as data: domains, fields, codelists, enumerations, OPDs.
    .target(
      name: "Standard", dependencies: ["Spreadsheet"],
      resources: [.copy("Resources")], swiftSettings: [.swiftLanguageMode(.v6)]),
    // Configuration, the stages and the finding catalog.
    .target(
      name: "Pipeline",
      dependencies: [
        "Spreadsheet", "Standard",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ], swiftSettings: [.swiftLanguageMode(.v6)]),
    // One emitter per output, and safe (atomic, escaped) writing; the blank template.
    .target(
      name: "Emit",
      dependencies: [
        "Spreadsheet", "Standard", "Pipeline", "CLibXlsxWriter", "CLibZip", "CZlib",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      resources: [.copy("Resources")], swiftSettings: [.swiftLanguageMode(.v6)]),
    .executableTarget(
      name: "pipeline",
      dependencies: [
        "Spreadsheet", "Standard", "Pipeline", "Emit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ], swiftSettings: [.swiftLanguageMode(.v6)]),

    .testTarget(
      name: "SpreadsheetTests", dependencies: ["Spreadsheet"], resources: [.copy("Fixtures")],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .testTarget(
      name: "StandardTests", dependencies: ["Standard"], swiftSettings: [.swiftLanguageMode(.v6)]),
    .testTarget(
      name: "PipelineTests", dependencies: ["Pipeline", "Standard", "Spreadsheet"],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .testTarget(
      name: "EmitTests", dependencies: ["Emit", "Pipeline", "Standard", "Spreadsheet"],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .testTarget(
      name: "CLITests", dependencies: ["pipeline", "Pipeline", "Standard"],
      swiftSettings: [.swiftLanguageMode(.v6)]),
    .testTarget(
      name: "EndToEndTests", dependencies: [], exclude: ["Scripts"], resources: [.copy("Fixtures")],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
)
