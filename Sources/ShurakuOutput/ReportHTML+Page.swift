/// The style sheet and scripts of `report.html`, fixed text.
extension ReportHTML {
    /// Screen and print styles: A4, the cover and the map each on a page of their own, one card
    /// per page.
    static let style = """
        body{margin:0;color:#222;background:#fff;line-height:1.5;
        font-family:'Noto Sans CJK JP','Hiragino Sans','Yu Gothic','Meiryo',sans-serif}
        main{max-width:980px;margin:0 auto;padding:16px}
        h1{font-size:1.7em;margin:.2em 0 .4em}
        h2{font-size:1.25em;margin:.3em 0 .5em;border-bottom:2px solid #444}
        h2 small{font-size:.65em;font-weight:normal;color:#666;margin-left:.8em}
        h3{font-size:1em;margin:1em 0 .3em}
        table{border-collapse:collapse;font-size:.9em;margin:.2em 0}
        th,td{border:1px solid #ccc;padding:2px 8px;text-align:left;vertical-align:top}
        th{background:#f3f3ee;font-weight:normal}
        .n{text-align:right;white-space:nowrap}
        .kv th{width:16em}
        .note{color:#555;font-size:.85em}
        .sw{display:inline-block;width:.9em;height:.9em;border:1px solid #555;vertical-align:-.1em;margin-right:.35em}
        #map{height:72vh;min-height:420px;border:1px solid #999;background:#f7f7f2}
        #static-map svg{width:100%;height:auto;border:1px solid #999}
        .card{border:1px solid #bbb;border-radius:4px;padding:10px 16px;margin:24px 0}
        .card .core{margin:.2em 0 .6em}
        dl.facts{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:2px 14px;margin:.4em 0}
        dl.facts dt{color:#555}
        dl.facts dd{margin:0}
        .proj{display:flex;flex-wrap:wrap;gap:4px 18px;align-items:center}
        .proj p{margin:0;flex:1;min-width:16em}
        svg.chart{font-size:10px;fill:#444}
        tr.core td{font-weight:bold}
        .grant small{color:#555;margin-left:.6em}
        .violations{color:#a5281b}
        .to-map{text-align:right;margin:.2em 0 0}
        .leaflet-tooltip.core-label{background:rgba(255,255,255,.85);border:0;box-shadow:none;padding:0 3px;font-weight:bold}
        @media print{
        @page{size:A4;margin:12mm}
        body{font-size:10pt}
        main{max-width:none;padding:0}
        .cover,#map-page{break-after:page;page-break-after:always}
        .card{break-after:page;page-break-after:always;border:0;border-radius:0;margin:0;padding:0}
        #map{height:175mm;min-height:0}
        .leaflet-control-zoom,.leaflet-control-layers,.to-map{display:none}
        a{color:inherit;text-decoration:none}
        th,td{padding:0 5px}
        .st-wrap{columns:3;column-gap:5mm;font-size:9pt}
        .st-wrap table{width:100%;margin:0}
        tr,svg,dl{break-inside:avoid;page-break-inside:avoid}
        h2,h3{break-after:avoid;page-break-after:avoid}
        }

        """

    /// Counts script errors (and failed loads) into the status element from the first moment.
    static let errorScript = #"""
        window.shurakuErrors = [];
        (function () {
          function add(message) {
            window.shurakuErrors.push(String(message));
            var s = document.getElementById('shuraku-status');
            if (s) { s.setAttribute('data-errors', String(window.shurakuErrors.length)); }
          }
          window.shurakuError = add;
          window.addEventListener('error', function (e) {
            add(e.message || ('cannot load ' + (e.target && (e.target.src || e.target.href) || 'a resource')));
          }, true);
          window.addEventListener('unhandledrejection', function (e) { add(e.reason); });
          var original = console.error;
          console.error = function () {
            add(Array.prototype.join.call(arguments, ' '));
            if (original) { original.apply(console, arguments); }
          };
        })();

        """#

    /// Draws the map from the embedded data (when the page has Leaflet) and fills the status
    /// element: cards, zone polygons drawn, errors.
    static let pageScript = #"""
        (function () {
          var status = document.getElementById('shuraku-status');
          var kind = status.getAttribute('data-map');
          var polygons = 0, population = 0;
          function esc(s) {
            return String(s).replace(/[&<>"']/g, function (c) {
              return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
            });
          }
          function digits(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
          function drawMap(data) {
            var map = L.map('map', { preferCanvas: data.canvas, zoomSnap: 0.25 });
            map.attributionControl.setPrefix('Leaflet');
            var overlays = {}, byZone = {};
            if (data.outline) {
              overlays['調査区域'] = L.geoJSON(data.outline, {
                interactive: false, style: { color: '#666', weight: 1.2, dashArray: '5 3', fill: false }
              }).addTo(map);
            }
            var zones = L.geoJSON(data.zones, {
              style: function (f) {
                return { color: f.properties.stroke, weight: 1, fillColor: f.properties.fill, fillOpacity: 0.55 };
              },
              onEachFeature: function (f, layer) {
                var p = f.properties;
                byZone[p.zone_id] = layer;
                layer.bindPopup('<b>' + esc(p.zone_id) + ' ' + esc(p.core_name) + '</b><br>' + digits(p.population) +
                  '人・' + p.settlements + '集落<br><a href="#card-' + esc(String(p.zone_id).replace(/\s/g, '_')) + '">集落カルテへ</a>');
              }
            }).addTo(map);
            overlays['圏域'] = zones;
            if (data.routes.features.length) {
              overlays['バス循環'] = L.geoJSON(data.routes, {
                style: function (f) { return { color: f.properties.stroke, weight: 2.5, opacity: 0.9 }; },
                onEachFeature: function (f, layer) {
                  var p = f.properties;
                  layer.bindPopup(esc(p.zone_id) + ' 循環' + p.loop + ': ' + p.duration_min + '分・' + p.length_km + ' km');
                }
              }).addTo(map);
            }
            if (data.settlements.features.length) {
              overlays['集落'] = L.geoJSON(data.settlements, {
                pointToLayer: function (f, latlng) {
                  var p = f.properties;
                  return p.zone_id === null
                    ? L.circleMarker(latlng, { radius: 4, color: '#d81414', weight: 2, fillColor: '#fff', fillOpacity: 1 })
                    : L.circleMarker(latlng, { radius: p.r, color: '#333', weight: 0.6, fillColor: p.fill, fillOpacity: 0.9 });
                },
                onEachFeature: function (f, layer) {
                  var p = f.properties;
                  layer.bindPopup('<b>' + esc(p.name) + '</b> ' + digits(p.population) + '人<br>' +
                    (p.zone_id === null ? '圏域外: ' + esc(p.reason || '')
                      : esc(p.zone_id) + '・基幹集落まで ' + p.travel_min + '分'));
                }
              }).addTo(map);
            }
            if (data.facilities.features.length) {
              overlays['施設'] = L.geoJSON(data.facilities, {
                pointToLayer: function (f, latlng) {
                  return L.circleMarker(latlng, { radius: 3, color: '#fff', weight: 0.8, fillColor: '#222', fillOpacity: 1 });
                },
                onEachFeature: function (f, layer) {
                  layer.bindPopup(esc(f.properties.name) + '（' + esc(f.properties.label) + '）');
                }
              });
            }
            overlays['基幹集落'] = L.geoJSON(data.cores, {
              pointToLayer: function (f, latlng) {
                return L.circleMarker(latlng, {
                  radius: data.labels ? 6 : 3, color: '#000', weight: data.labels ? 1.5 : 0.8, fillColor: f.properties.fill, fillOpacity: 1
                });
              },
              onEachFeature: function (f, layer) {
                var p = f.properties;
                layer.bindTooltip(esc(p.core_name), data.labels
                  ? { permanent: true, direction: 'right', className: 'core-label', offset: [6, 0] } : { direction: 'right' });
              }
            }).addTo(map);
            L.control.layers(null, overlays, { collapsed: false }).addTo(map);
            L.control.scale({ imperial: false }).addTo(map);
            var bounds = zones.getBounds();
            if (overlays['調査区域']) { bounds.extend(overlays['調査区域'].getBounds()); }
            if (bounds.isValid()) { map.fitBounds(bounds, { padding: [8, 8] }); } else { map.setView([36.5, 138], 5); }
            function refit() {
              map.invalidateSize({ animate: false });
              if (bounds.isValid()) { map.fitBounds(bounds, { padding: [8, 8], animate: false }); }
            }
            window.addEventListener('beforeprint', refit);
            window.addEventListener('afterprint', refit);
            var links = document.querySelectorAll('.to-map a');
            for (var i = 0; i < links.length; i++) {
              links[i].addEventListener('click', function (e) {
                var layer = byZone[this.getAttribute('data-zone')];
                if (!layer) { return; }
                e.preventDefault();
                document.getElementById('map-page').scrollIntoView();
                map.fitBounds(layer.getBounds(), { padding: [20, 20] });
                layer.openPopup();
              });
            }
            zones.eachLayer(function (layer) { population += layer.feature.properties.population; });
            return zones.getLayers().length;
          }
          try {
            if (kind === 'leaflet' || kind === 'leaflet-simplified') {
              polygons = drawMap(JSON.parse(document.getElementById('shuraku-data').textContent));
            } else if (kind === 'svg') {
              polygons = document.querySelectorAll('#static-map #zones path').length;
            }
          } catch (e) {
            window.shurakuError(e && e.message ? e.message : e);
          }
          status.setAttribute('data-polygons', String(polygons));
          status.setAttribute('data-map-population', String(population));
          status.setAttribute('data-cards', String(document.querySelectorAll('article.card').length));
          status.setAttribute('data-state', 'ready');
        })();

        """#
}
