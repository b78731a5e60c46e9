// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenCore", targets: ["SitegenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The C library cmark, from Debian's libcmark-dev (or Homebrew's cmark on macOS).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // cairo, Pango and libpng, from Debian's libcairo2-dev, libpango1.0-dev and libpng-dev,
        // for share cards, set in the DejaVu fonts (fonts-dejavu-core).
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libpng-dev", "fonts-dejavu-core"]), .brew(["cairo", "pango", "libpng"])]
        ),
        // C helpers: the atomic folder exchange (renameat2 on Linux, renamex_np on macOS), memmem and
        // file times, which the system modules do not export to Swift alike,
        // and the per-thread arena cmark parses into.
        .target(name: "CSystem"),
        // The portal's values: visits, documents, quotes, speakers, themes.
        .target(name: "PortalModel"),
        // Swift templates: model values in, HTML out. Knows nothing about files.
        .target(name: "Templates", dependencies: ["PortalModel"], path: "templates"),
        // Share cards: plain values in, PNG bytes out, drawn by cairo and Pango.
        .target(name: "ShareCards", dependencies: ["CCairo"]),
        // The pipeline: Load → Model → Render → Write.
        .target(
            name: "SitegenCore",
            dependencies: ["CCmark", "CSystem", "PortalModel", "ShareCards", "Templates", "Yams"]
        ),
        // `sitegen serve`: a loopback preview server that rebuilds and reloads on change.
        .target(
            name: "SitegenServe",
            dependencies: ["SitegenCore", "Templates", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenCore",
                "SitegenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SitegenTests",
            dependencies: ["CSystem", "SitegenCore", "SitegenServe", "PortalModel", "ShareCards", "Templates"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
