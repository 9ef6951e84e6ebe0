import ShurakuCore
import ShurakuGeo

/// Everything a plan is made from, read, validated and projected into one metric CRS.
public struct StudyInputs: Sendable {
    public var crs: CRS
    public var settlements: LoadedSettlements
    public var districts: LoadedDistricts?
    /// The study-area outline (union of the boundary layer's polygons), metric.
    public var boundary: Geometry?
    /// The road layer, projected, when given (the network module builds the graph from it).
    public var roads: VectorLayer?
    /// Service points (schools, clinics, town hall…), when given.
    public var facilities: LoadedFacilities?
    /// The input layers as read (for checksums and `plan.json`).
    public var sources: [String: SourceSpec]

    public var warnings: [String] {
        settlements.warnings + (districts?.warnings ?? []) + (roads?.warnings ?? []) + (facilities?.warnings ?? [])
    }
}

/// Which sources to read, and how.
public struct InputSpec: Sendable {
    public var settlements: SourceSpec
    public var districts: SourceSpec?
    public var roads: SourceSpec?
    public var boundary: SourceSpec?
    /// Service points for core scores.
    public var facilities: SourceSpec?
    public var facilityOptions = FacilityOptions()
    public var settlementOptions: SettlementOptions
    public var districtNameField: String?
    /// Force the metric CRS (e.g. a 平面直角座標系 zone); chosen from the data when nil.
    public var crs: CRS?
    public var read: ReadOptions
    /// Attributes the road graph reads (class fields, `oneway`, `maxspeed`, access tags): always
    /// spread into fields when the roads come from OSM.
    public var roadTags: Set<String> = []

    public init(
        settlements: SourceSpec, districts: SourceSpec? = nil, roads: SourceSpec? = nil, boundary: SourceSpec? = nil,
        settlementOptions: SettlementOptions = SettlementOptions(), districtNameField: String? = nil, crs: CRS? = nil,
        read: ReadOptions = ReadOptions(), facilities: SourceSpec? = nil, facilityOptions: FacilityOptions = FacilityOptions()
    ) {
        self.facilities = facilities
        self.facilityOptions = facilityOptions
        self.settlements = settlements
        self.districts = districts
        self.roads = roads
        self.boundary = boundary
        self.settlementOptions = settlementOptions
        self.districtNameField = districtNameField
        self.crs = crs
        self.read = read
    }
}

extension StudyInputs {
    /// Reads every source, chooses the metric CRS (JGD2011 UTM zone of the settlements' centre
    /// unless forced) and projects everything into it.
    public static func load(_ spec: InputSpec) throws(InputError) -> StudyInputs {
        do {
            var settleRead = spec.read
            settleRead.defaultLayer = settleRead.defaultLayer ?? "points"
            settleRead.osmKeys.formUnion(spec.settlementOptions.fieldNames)
            let sLayer = try VectorReader.read(spec.settlements, options: settleRead)
            try sLayer.requireGeometry([.point, .polygon], role: "settlements must be points or polygons")
            let crs = try spec.crs ?? chooseCRS(for: sLayer)
            guard crs.isMetric else {
                throw InputError.invalid([InputProblem(file: SettingName.ref("crs"), message: "\(crs) is not a projected CRS in metres")])
            }
            let settlements = try SettlementLoader.load(sLayer, into: crs, options: spec.settlementOptions)

            var districts: LoadedDistricts? = nil
            if let d = spec.districts {
                var o = spec.read
                o.defaultLayer = "multipolygons"
                o.osmKeys.formUnion(DistrictLoader.nameCandidates + [spec.districtNameField].compactMap { $0 })
                let layer = try VectorReader.read(d, options: o)
                try layer.requireGeometry([.polygon], role: "districts must be polygons")
                districts = try DistrictLoader.load(layer, into: crs, nameField: spec.districtNameField)
            }
            var boundary: Geometry? = nil
            if let b = spec.boundary {
                var o = spec.read
                o.defaultLayer = "multipolygons"
                let layer = try VectorReader.read(b, options: o)
                try layer.requireGeometry([.polygon], role: "the boundary must be polygons")
                let loaded = try DistrictLoader.load(layer, into: crs)
                let engine = try GeometryEngine()
                boundary = GeometryEngine.polygonal(try engine.union(loaded.districts.map(\.area)))
            }
            var roads: VectorLayer? = nil
            if let r = spec.roads {
                var o = spec.read
                o.defaultLayer = "lines"
                o.osmKeys.formUnion(spec.roadTags)
                let layer = try VectorReader.read(r, options: o)
                try layer.requireGeometry([.line], role: "roads must be lines")
                roads = try layer.projected(to: crs)
            }
            let facilities = try spec.facilities.map { f throws(InputError) in
                try FacilityLoader.load(f, into: crs, options: spec.facilityOptions, read: spec.read)
            }
            var sources = ["settlements": spec.settlements]
            if let f = spec.facilities { sources["facilities"] = f }
            if let d = spec.districts { sources["districts"] = d }
            if let r = spec.roads { sources["roads"] = r }
            if let b = spec.boundary { sources["boundary"] = b }
            return StudyInputs(
                crs: crs, settlements: settlements, districts: districts, boundary: boundary, roads: roads,
                facilities: facilities, sources: sources)
        } catch let e as InputError {
            throw e
        } catch let e as GeoError {
            throw InputError.source(e)
        } catch {
            throw InputError.invalid([InputProblem(file: spec.settlements.path, message: "\(error)")])
        }
    }

    /// The JGD2011 UTM zone (or WGS 84 UTM abroad) of the layer's centre in lon/lat.
    public static func chooseCRS(for layer: VectorLayer) throws(GeoError) -> CRS {
        guard let source = layer.crs else {
            throw GeoError.crs(
                "\(layer.path): no CRS and the coordinates are not longitude/latitude; give the source CRS («sourceCrs» EPSG:n)")
        }
        guard let env = layer.envelope else { throw GeoError.emptyLayer(path: layer.path, layer: layer.name) }
        let center = try CoordinateTransformer(from: source, to: .lonLat).apply(env.center)
        return try MetricCRS.utm(forLonLat: center)
    }
}
