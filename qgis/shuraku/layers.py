"""Layers in and out of the shuraku command.

In: a parameter's layer is passed to the command as its file when it is a plain file-backed
layer (OGR provider, no subset filter, no unsaved edits, not "selected features only", no
feature limit); any other layer (memory, delimited text, PostGIS, a selection, a filter …) is
written to a GeoPackage first, and that file is passed.

Out: the layers of a plan folder (plan.gpkg) are loaded into the project when the algorithm
completes, each with the style shuraku wrote for it (NAME.qml beside the GeoJSONs, the same as
the GeoPackage's default style), in one layer-tree group named after the folder.
"""
import os
import re
import uuid

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsLayerTreeLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

# Layers of a plan folder, from the bottom of the layer tree to the top, with their output names.
PLAN_LAYERS = [
    ("zones", "ZONES_LAYER"),
    ("drone_rings", "DRONE_RINGS_LAYER"),
    ("routes", "ROUTES_LAYER"),
    ("critical_roads", "CRITICAL_ROADS_LAYER"),
    ("network_issues", "NETWORK_ISSUES_LAYER"),
    ("facilities", "FACILITIES_LAYER"),
    ("settlements", "SETTLEMENTS_LAYER"),
    ("cores", "CORES_LAYER"),
]
# Parts of an OGR layer URI that keep it a plain file: anything else (a subset, a geometry type
# filter) is exported.
_PLAIN_URI_PARTS = {"path", "layerName", "layerId"}
# Files this module exports: STEM-TOKEN.gpkg.
_EXPORT_NAME = re.compile(r"^[a-z_]+-[0-9a-f]{8}\.gpkg$")


def _is_set(value):
    return value is not None and str(value) not in ("", "NULL")


def plain_file(algorithm, parameters, name, context):
    """The file (`path` or `path:layer`) to give the command for a layer parameter, or None when
    the layer has to be exported first (see the module's doc)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1:
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        return None
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    if any(_is_set(v) for k, v in parts.items() if k not in _PLAIN_URI_PARTS):
        return None
    path = parts.get("path")
    if not path or not os.path.isfile(path):
        return None
    layer_name = parts.get("layerName")
    layer_id = parts.get("layerId")
    if _is_set(layer_name):
        return f"{os.path.abspath(path)}:{layer_name}"
    if _is_set(layer_id) and int(layer_id) != 0:
        return None
    return os.path.abspath(path)


def export_source(source, path, layer_name, context, feedback):
    """Writes a feature source (a QgsProcessingFeatureSource: selection and limits applied) to a
    new GeoPackage layer; returns `path:layer_name`."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    options.fileEncoding = "UTF-8"
    # Keep a field called "fid" an ordinary field: its values need not be unique integers.
    options.layerOptions = ["FID=shuraku_fid"]
    transform = context.transformContext() if context is not None else QgsCoordinateTransformContext()
    writer = QgsVectorFileWriter.create(
        path, source.fields(), source.wkbType(), source.sourceCrs(), transform, options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(f"Cannot write {path}: {writer.errorMessage()}")
    count = 0
    for feature in source.getFeatures(QgsFeatureRequest()):
        if feedback is not None and feedback.isCanceled():
            break
        if not writer.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"Cannot write {path}: {writer.errorMessage()}")
        count += 1
    error = writer.hasError()
    message = writer.errorMessage()
    del writer  # closes the file
    if error != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(f"Cannot write {path}: {message}")
    if feedback is not None:
        feedback.pushInfo(f"{count} features written to {path}")
    return f"{path}:{layer_name}"


class InputFiles:
    """The command's input files for a run: plain files as they are, other layers exported into
    `folder` (created when needed).

    `prepare` runs in prepareAlgorithm (the main thread: it looks at the layers and takes a
    thread-safe feature source of those to export), `write` in processAlgorithm. `cleanup(success)`
    removes this run's exports after a failure and, after a success, the exports of earlier runs
    into the same folder."""

    def __init__(self, folder):
        self.folder = folder
        self.token = uuid.uuid4().hex[:8]
        self.pending = {}  # parameter name → (plain file or None, feature source or None, stem)
        self.created = []

    def prepare(self, algorithm, parameters, name, context, stem=None):
        if not _is_set(parameters.get(name)):
            return
        plain = plain_file(algorithm, parameters, name, context)
        source = None if plain is not None else algorithm.parameterAsSource(parameters, name, context)
        self.pending[name] = (plain, source, stem or name.lower())

    def write(self, context, feedback):
        """{parameter name: file for the command}, exporting what needs it."""
        files = {}
        for name, (plain, source, stem) in self.pending.items():
            if plain is not None:
                files[name] = plain
                continue
            if source is None:
                continue
            os.makedirs(self.folder, exist_ok=True)
            path = os.path.join(self.folder, f"{stem}-{self.token}.gpkg")
            self.created.append(path)
            if feedback is not None:
                feedback.pushInfo(f"{name}: not a plain file layer (memory, selection, filter or unsaved edits): exporting it")
            files[name] = export_source(source, path, stem, context, feedback)
        return files

    def cleanup(self, success):
        mine = set(self.created)
        if success and self.created and os.path.isdir(self.folder):
            for entry in os.listdir(self.folder):
                path = os.path.join(self.folder, entry)
                if path not in mine and _EXPORT_NAME.match(entry):
                    _remove(path)
        if not success:
            for path in self.created:
                _remove(path)
            if os.path.isdir(self.folder) and not os.listdir(self.folder):
                os.rmdir(self.folder)


def _remove(path):
    for p in (path, path + "-wal", path + "-shm", path + "-journal"):
        if os.path.exists(p):
            os.remove(p)


# Post-processors must outlive the algorithm run that creates them (the dialog loads the layers
# after the run's copy of the algorithm is gone): keep the recent ones here.
_KEEP = []


class _Group:
    """One layer-tree group per loaded plan, its layers kept in PLAN_LAYERS order."""

    def __init__(self, project, name):
        self.project = project
        self.name = name
        self.node = None
        self.placed = []  # ranks of the layers in the group, top to bottom

    def add(self, layer, rank):
        if self.project is None:
            return
        root = self.project.layerTreeRoot()
        node = root.findLayer(layer.id())
        if node is None:
            return
        if self.node is None:
            self.node = root.insertGroup(0, self.name)
        position = sum(1 for r in self.placed if r > rank)
        self.placed.insert(position, rank)
        parent = node.parent()
        self.node.insertChildNode(position, QgsLayerTreeLayer(layer))
        if parent is not None:
            parent.removeChildNode(node)


class StyleLoader(QgsProcessingLayerPostProcessorInterface):
    """Applies a layer's .qml style and puts it in its plan's group once it is in the project."""

    def __init__(self, qml, group, rank):
        super().__init__()
        self.qml = qml
        self.group = group
        self.rank = rank

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsVectorLayer):
            return
        if self.qml and os.path.isfile(self.qml):
            message, ok = layer.loadNamedStyle(self.qml)
            if not ok and feedback is not None:
                feedback.pushWarning(f"Cannot apply {self.qml}: {message}")
        elif self.qml is not None:
            layer.loadDefaultStyle()
        layer.triggerRepaint()
        self.group.add(layer, self.rank)


def plan_layers(folder):
    """(name, output name, layer URI) of each layer the plan folder holds, bottom to top."""
    gpkg = os.path.join(folder, "plan.gpkg")
    return [
        (name, output, f"{gpkg}|layername={name}")
        for name, output in PLAN_LAYERS
        if os.path.isfile(os.path.join(folder, f"{name}.geojson"))
    ]


def load_on_completion(folder, context, tables=()):
    """Registers the plan folder's layers (and `tables`: (name, output name, path) of CSV files)
    to be loaded into the context's project when the algorithm completes; returns
    {output name: URI}."""
    results = {}
    project = context.project()
    group = _Group(project, os.path.basename(os.path.normpath(folder)))
    entries = [(name, output, uri, os.path.join(folder, f"{name}.qml")) for name, output, uri in plan_layers(folder)]
    entries += [(name, output, path, None) for name, output, path in tables]
    for rank, (name, output, uri, qml) in enumerate(entries):
        results[output] = uri
        if project is None:
            continue
        loader = StyleLoader(qml, group, rank)
        _KEEP.append(loader)
        details = QgsProcessingContext.LayerDetails(name, project, output)
        details.forceName = True
        details.layerTypeHint = QgsProcessingUtils.LayerHint.Vector
        details.setPostProcessor(loader)
        context.addLayerToLoadOnCompletion(uri, details)
    del _KEEP[:-200]
    return results
