// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NotoPlan",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Shuraku", path: "../shuraku")
    ],
    targets: [
        .executableTarget(
            name: "NotoPlan",
            dependencies: [
                .product(name: "ShurakuPlan", package: "Shuraku"),
                .product(name: "ShurakuOutput", package: "Shuraku"),
            ]
        )
    ]
)
