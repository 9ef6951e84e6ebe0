import ShurakuGeo
import ShurakuInput
import ShurakuNetwork

/// `shuraku inspect SRC`: layers, geometry types, CRS, counts, fields with detected roles,
/// population total and problems.
struct InspectCommand: Command {
    static let spec = CommandSpec(
        name: "inspect",
        abstract: "Show the layers, fields, CRS, counts, population total and problems of a source.",
        usage: "SRC [--format text|json] [--population-field F] [--id-field F] [--encoding ENC] [--snap-tolerance M] [--gap-report-m M]",
        discussion: """
            SRC is any vector source GDAL reads (GeoJSON, GeoPackage as file.gpkg or file.gpkg:layer,
            Shapefile, CSV with lon/lat columns, OSM PBF). Problems that would stop a plan (missing or
            negative population, duplicate ids, empty or invalid geometries) are listed; the exit status
            is 0 when the source could be read, 2 when it could not. A layer of lines is checked as road
            data: crossings without a shared vertex (grade separations by OSM bridge, tunnel or layer
            apart), gaps (line ends within --gap-report-m of another line that --snap-tolerance does not
            join), dead ends and connected pieces, as `plan` reports them.
            """,
        positionals: ("SRC", "The source to inspect.", 1, 1),
        options: [
            OptionSpec("--format", "text|json", "Output format.", default: "text"),
            OptionSpec("--population-field", "FIELD", "Population field (detected: JINKO, 人口, population, pop…)."),
            OptionSpec("--id-field", "FIELD", "Settlement id field (detected: KEY_CODE, id…)."),
            OptionSpec("--name-field", "FIELD", "Settlement name field (detected: S_NAME, MOJI, name, 名称…)."),
            OptionSpec("--encoding", "ENC", "Text encoding of a Shapefile or CSV (e.g. CP932); detected when omitted."),
            OptionSpec("--x-field", "FIELD", "CSV: the longitude / x column (detected: lon, longitude, x, X_CODE, 経度…)."),
            OptionSpec("--y-field", "FIELD", "CSV: the latitude / y column (detected: lat, latitude, y, Y_CODE, 緯度…)."),
            OptionSpec("--snap-tolerance", "M", "Road data: join road ends this close that do not share a vertex.", default: "1"),
            OptionSpec("--gap-report-m", "M", "Road data: report road ends this close to another road, not joined.", default: "25"),
        ],
        examples: [
            "shuraku inspect geodata/noto/settlements.geojson",
            "shuraku inspect villages.shp --encoding CP932 --format json",
            "shuraku inspect plan-out/plan.gpkg:zones",
            "shuraku inspect geodata/noto/roads.geojson --gap-report-m 40",
        ])

    let source: SourceSpec
    let json: Bool
    let roles: FieldRoles
    let read: ReadOptions
    let roadOptions: RoadGraphOptions

    init(_ args: ParsedArgs) throws(UsageError) {
        source = SourceSpec(parsing: args.positionals[0])
        json = try args.choice("--format", ["text", "json"]) == "json"
        roles = FieldRoles(population: args.value("--population-field"), id: args.value("--id-field"), name: args.value("--name-field"))
        if (args.value("--x-field") == nil) != (args.value("--y-field") == nil) {
            throw UsageError("--x-field and --y-field go together")
        }
        var read = ReadOptions(encoding: args.value("--encoding"), xField: args.value("--x-field"), yField: args.value("--y-field"))
        read.osmKeys = Set(RoadLine.attributeKeys(for: .standard))
        self.read = read
        roadOptions = RoadGraphOptions(
            snapToleranceMeters: try args.double("--snap-tolerance", in: 0...1000) ?? 1,
            gapReportMeters: try args.double("--gap-report-m", in: 0...1000) ?? 25)
    }

    func run(_ console: Console) throws -> Int32 {
        let options = roadOptions
        let report = try Inspector.inspect(source, options: read, roles: roles) { layer throws(InputError) in
            try RoadDataInspection.check(layer, options: options)
        }
        console.out(json ? report.renderJSON() : report.renderText())
        return ExitCode.success
    }
}
