import CGDAL
import Foundation

/// Owns one open GDAL dataset handle; closed in `deinit`.
final class OGRDataset {
    let handle: UnsafeMutableRawPointer
    let path: String

    /// Opens `path` read-only as a vector dataset, with driver open options (`KEY=VALUE`).
    init(openForReading path: String, options: [String] = [], drivers: [String] = []) throws(GeoError) {
        _ = GDALRuntime.ready
        self.path = path
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let h = GDALRuntime.withConstCStringList(options) { opts in
            GDALRuntime.withConstCStringList(drivers) { drv in
                GDALOpenEx(path, flags, drv, opts, nil)
            }
        }
        // GDALOpenEx: NULL when no vector driver recognises the file.
        guard let h else {
            throw GeoError.notVector(path: path, reason: GDALRuntime.lastError(or: "no vector driver recognises it"))
        }
        handle = h
    }

    /// Creates a new dataset with the named driver (e.g. "GPKG", "GeoJSON", "CSV").
    init(creating path: String, driver: String, options: [String] = []) throws(GeoError) {
        _ = GDALRuntime.ready
        self.path = path
        CPLErrorReset()
        // GDALGetDriverByName: NULL when the driver is not built in.
        guard let drv = GDALGetDriverByName(driver) else {
            throw GeoError.writeFailed(path: path, reason: "GDAL has no \(driver) driver")
        }
        let h = GDALRuntime.withCStringList(options) { opts in
            GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, opts)
        }
        // GDALCreate: NULL on failure (unwritable folder, bad option).
        guard let h else {
            throw GeoError.writeFailed(path: path, reason: GDALRuntime.lastError(or: "cannot create the file"))
        }
        handle = h
    }

    deinit { GDALClose(handle) }

    var driverName: String {
        guard let drv = GDALGetDatasetDriver(handle), let name = GDALGetDriverShortName(drv) else { return "?" }
        return String(cString: name)
    }

    var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    var layerNames: [String] {
        (0..<layerCount).compactMap { i in
            guard let l = GDALDatasetGetLayer(handle, Int32(i)), let n = OGR_L_GetName(l) else { return nil }
            return String(cString: n)
        }
    }

    /// The layer handle (borrowed: owned by the dataset) called `name`.
    func layer(named name: String) -> UnsafeMutableRawPointer? {
        GDALDatasetGetLayerByName(handle, name)
    }

    /// Flushes and closes early by releasing the handle via deinit; used by writers that must
    /// finish the file before it is moved into place.
    func flush() { GDALFlushCache(handle) }
}
