// swift-tools-version:6.0
import PackageDescription

/// Shuraku: settlement network zones (集落ネットワーク圏) for rural Japanese municipalities.
///
/// Modules follow the pipeline: load & project (ShurakuGeo) → travel times (ShurakuNetwork)
/// → zones (ShurakuPlanner) → bus loops (ShurakuRoutes) → funding (ShurakuFunding)
/// → the whole pipeline behind one call (ShurakuPlan) → writers (ShurakuOutput) → commands
/// (ShurakuCLI). Each depends only on those to its left.
let package = Package(
    name: "Shuraku",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "shuraku", targets: ["shuraku"]),
        .executable(name: "shuraku-bench", targets: ["shuraku-bench"]),
        .executable(name: "shuraku-fuzz", targets: ["shuraku-fuzz"]),
        .library(name: "ShurakuCore", targets: ["ShurakuCore"]),
        .library(name: "ShurakuGeo", targets: ["ShurakuGeo"]),
        .library(name: "ShurakuInput", targets: ["ShurakuInput"]),
        .library(name: "ShurakuNetwork", targets: ["ShurakuNetwork"]),
        .library(name: "ShurakuPlanner", targets: ["ShurakuPlanner"]),
        .library(name: "ShurakuRoutes", targets: ["ShurakuRoutes"]),
        .library(name: "ShurakuFunding", targets: ["ShurakuFunding"]),
        .library(name: "ShurakuPlan", targets: ["ShurakuPlan"]),
        .library(name: "ShurakuOutput", targets: ["ShurakuOutput"]),
    ],
    targets: [
        // C libraries from the system (Debian: libgeos-dev, libproj-dev, libgdal-dev).
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"]), .brew(["geos"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"]), .brew(["proj"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"]), .brew(["gdal"])]),

        // Plain value types shared by every module: coordinates, geometry, seeded randomness.
        .target(name: "ShurakuCore"),
        // The only module that sees GEOS, PROJ and GDAL: geometry, CRS, OGR read/write.
        .target(name: "ShurakuGeo", dependencies: ["ShurakuCore", "CGEOS", "CPROJ", "CGDAL"]),
        // Load & project: settlements, districts, boundary as domain values; field detection; inspect.
        .target(name: "ShurakuInput", dependencies: ["ShurakuCore", "ShurakuGeo"]),
        .target(name: "ShurakuNetwork", dependencies: ["ShurakuCore", "ShurakuGeo"]),
        .target(name: "ShurakuPlanner", dependencies: ["ShurakuCore", "ShurakuGeo", "ShurakuInput", "ShurakuNetwork"]),
        .target(name: "ShurakuRoutes", dependencies: ["ShurakuCore", "ShurakuGeo", "ShurakuNetwork"]),
        .target(name: "ShurakuFunding", dependencies: ["ShurakuCore"]),
        // The planning facade: a typed request in, a plan value out.
        .target(
            name: "ShurakuPlan",
            dependencies: [
                "ShurakuCore", "ShurakuGeo", "ShurakuInput", "ShurakuNetwork", "ShurakuPlanner", "ShurakuRoutes",
                "ShurakuFunding",
            ]
        ),
        // Writers: plan folder (GPKG, GeoJSON, QML, CSV, plan.json, SVG) from a plan value.
        .target(name: "ShurakuOutput", dependencies: ["ShurakuCore", "ShurakuGeo", "ShurakuPlanner", "ShurakuPlan"]),
        .target(
            name: "ShurakuCLI",
            dependencies: [
                "ShurakuCore", "ShurakuGeo", "ShurakuInput", "ShurakuNetwork", "ShurakuPlanner", "ShurakuRoutes",
                "ShurakuFunding", "ShurakuPlan", "ShurakuOutput",
            ]
        ),
        .executableTarget(name: "shuraku", dependencies: ["ShurakuCLI"]),
        .executableTarget(
            name: "shuraku-bench",
            dependencies: [
                "ShurakuCore", "ShurakuGeo", "ShurakuInput", "ShurakuNetwork", "ShurakuPlanner", "ShurakuRoutes", "ShurakuFunding",
            ]
        ),

        // Fuzzing: libFuzzer's driver, declared for the fuzz executable (see scripts/fuzz.sh).
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "shuraku-fuzz", dependencies: ["ShurakuCLI", "CLibFuzzer"]),

        .target(name: "ShurakuTestSupport", dependencies: ["ShurakuCore"], path: "Tests/ShurakuTestSupport"),
        .testTarget(name: "ShurakuCoreTests", dependencies: ["ShurakuCore", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuGeoTests", dependencies: ["ShurakuGeo", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuInputTests", dependencies: ["ShurakuInput", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuNetworkTests", dependencies: ["ShurakuNetwork", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuPlannerTests", dependencies: ["ShurakuPlanner", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuRoutesTests", dependencies: ["ShurakuRoutes", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuFundingTests", dependencies: ["ShurakuFunding", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuPlanTests", dependencies: ["ShurakuPlan", "ShurakuOutput", "ShurakuTestSupport"]),
        .testTarget(name: "ShurakuCLITests", dependencies: ["ShurakuCLI", "ShurakuTestSupport"]),
    ]
)
