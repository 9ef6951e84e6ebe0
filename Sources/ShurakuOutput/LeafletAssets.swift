import Foundation

/// Leaflet's script and style sheet, read from the system (Debian's `libjs-leaflet`) to be
/// inlined into `report.html`, so that the page works offline. Missing or unusable files give no
/// assets, and the report falls back to a static map.
struct LeafletAssets: Sendable {
    /// The script, with the licence notice in its comment header.
    let script: String
    /// The style sheet, its images inlined as data URIs.
    let style: String

    /// Where Debian's `libjs-leaflet` installs Leaflet.
    static let systemDirectory = "/usr/share/javascript/leaflet"

    /// The environment variable that names another folder holding `leaflet.js` and `leaflet.css`.
    static let environmentVariable = "SHURAKU_LEAFLET_DIR"

    /// `$SHURAKU_LEAFLET_DIR` when set, else the system folder.
    static var defaultDirectory: String {
        if let dir = ProcessInfo.processInfo.environment[environmentVariable], !dir.isEmpty { return dir }
        return systemDirectory
    }

    /// The licence notice put before the inlined script (Leaflet is BSD-2-Clause; the notice must
    /// travel with every copy of the script).
    static let licenceNotice = """
        /*
         * Leaflet (https://leafletjs.com), inlined by Shuraku from Debian's libjs-leaflet.
         * Copyright (c) 2010-2019, Vladimir Agafonkin; Copyright (c) 2010-2011, CloudMade.
         * All rights reserved. Licence: BSD-2-Clause.
         *
         * Redistribution and use in source and binary forms, with or without modification, are
         * permitted provided that the following conditions are met:
         *
         *   1. Redistributions of source code must retain the above copyright notice, this list of
         *      conditions and the following disclaimer.
         *
         *   2. Redistributions in binary form must reproduce the above copyright notice, this list
         *      of conditions and the following disclaimer in the documentation and/or other
         *      materials provided with the distribution.
         *
         * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
         * EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
         * MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL
         * THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
         * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT
         * OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
         * INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
         * LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
         * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
         */

        """

    /// Reads `leaflet.js` and `leaflet.css` from `directory`; nil when either is missing,
    /// unreadable, not Leaflet, or would end the page's `<script>`/`<style>` element early.
    static func load(from directory: String) -> LeafletAssets? {
        let dir = URL(fileURLWithPath: directory)
        guard let js = text(dir.appendingPathComponent("leaflet.js")),
            let css = text(dir.appendingPathComponent("leaflet.css")),
            js.contains("Leaflet"),
            !js.lowercased().contains("</script"), !css.lowercased().contains("</style")
        else { return nil }
        return LeafletAssets(script: licenceNotice + js, style: inlineImages(css, from: dir.appendingPathComponent("images")))
    }

    private static func text(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url), !data.isEmpty else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// `url(images/NAME)` references replaced by `data:` URIs of the files (so the page needs no
    /// other file); a reference whose image is missing becomes `none`.
    static func inlineImages(_ css: String, from images: URL) -> String {
        var out = ""
        var rest = Substring(css)
        while let r = rest.range(of: "url(images/") {
            out += rest[..<r.lowerBound]
            guard let close = rest[r.upperBound...].firstIndex(of: ")") else {
                rest = rest[r.lowerBound...]
                break
            }
            let name = String(rest[r.upperBound..<close]).trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
            if !name.contains("/"), let data = try? Data(contentsOf: images.appendingPathComponent(name)), !data.isEmpty {
                let type = name.hasSuffix(".png") ? "image/png" : name.hasSuffix(".svg") ? "image/svg+xml" : "application/octet-stream"
                out += "url(data:\(type);base64,\(data.base64EncodedString()))"
            } else {
                out += "none"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
