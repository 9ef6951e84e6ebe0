"""shuraku:plan — `shuraku plan` from the Processing Toolbox."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFolderDestination,
)

from .. import cli
from ..layers import PLAN_LAYERS, InputFiles, load_on_completion
from .base import ShurakuAlgorithm
from .options import PLAN_LAYER_OPTIONS, PLAN_OPTIONS
from .output import OutputFolder

FILE_OUTPUTS = [
    ("PLAN_GPKG", "plan.gpkg", "GeoPackage of the plan"),
    ("PLAN_JSON", "plan.json", "Settings, inputs and metrics (plan.json)"),
    ("SUMMARY_CSV", "summary.csv", "One row per zone (summary.csv)"),
    ("MAP_SVG", "map.svg", "Overview map (map.svg)"),
]


def inputs_folder(output):
    """Where layers that are not plain files are exported for a plan written to `output`: beside
    it, kept with the plan, because `shuraku evaluate` reads the plan's inputs again."""
    output = os.path.normpath(output)
    return output + "-inputs"


def add_plan_outputs(algorithm):
    for name, _, description in FILE_OUTPUTS:
        algorithm.addOutput(QgsProcessingOutputFile(name, algorithm.tr(description)))
    for layer, output in PLAN_LAYERS:
        algorithm.addOutput(QgsProcessingOutputVectorLayer(output, algorithm.tr(f"Layer {layer}")))


def plan_results(folder, context):
    """The outputs of a plan folder; its layers are loaded into the project on completion."""
    results = {"OUTPUT": folder}
    for name, file, _ in FILE_OUTPUTS:
        path = os.path.join(folder, file)
        if os.path.exists(path):
            results[name] = path
    return results


class PlanAlgorithm(ShurakuAlgorithm):
    NAME = "plan"
    DISPLAY_NAME = "Plan settlement network zones"
    HELP = (
        "Proposes 集落ネットワーク圏: zones of settlements around a core settlement, each member within the "
        "travel limit of its core by road and each zone with at least the minimum population, with a demand-bus "
        "loop per zone and its grant cap. Runs `shuraku plan` and loads the plan's layers (zones, settlements, "
        "cores, routes, …) with their styles.\n\n"
        "Any vector layer will do: layers that are not plain files (memory layers, selections, filters, unsaved "
        "edits) are saved to GeoPackages in a folder beside the plan (OUTPUT-inputs), kept there because "
        "Evaluate reads the plan's inputs again.\n\n"
        "Parameters left at their defaults are the command's defaults and are not passed to it, so a scenario "
        "file's settings (advanced) stand unless changed here. Options are described in `shuraku plan --help`."
    )

    def initAlgorithm(self, config=None):
        for option in PLAN_OPTIONS:
            self.addParameter(option.parameter())
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", self.tr("Plan folder")))
        add_plan_outputs(self)

    def prepareAlgorithm(self, parameters, context, feedback):
        self.output = OutputFolder(self.parameterAsString(parameters, "OUTPUT", context))
        self.inputs = InputFiles(inputs_folder(self.output.path))
        for option in PLAN_LAYER_OPTIONS:
            self.inputs.prepare(self, parameters, option.name, context, stem=option.name.lower())
        return True

    def processAlgorithm(self, parameters, context, feedback):
        success = False
        try:
            files = self.inputs.write(context, feedback)
            if feedback.isCanceled():
                raise cli.Canceled("Canceled")
            args = ["plan"]
            for option in PLAN_OPTIONS:
                if option.kind == "layer":
                    if option.name in files:
                        args += [option.flag, files[option.name]]
                else:
                    args += option.arguments(self, parameters, context)
            args += ["--out", self.output.path, "--timings"]
            os.makedirs(self.output.parent, exist_ok=True)
            cli.run(args, feedback, stages=cli.PLAN_STAGES, cwd=self.output.parent, staging_of=self.output.path)
            if not os.path.isfile(os.path.join(self.output.path, "plan.json")):
                raise QgsProcessingException(f"shuraku plan wrote no plan.json into {self.output.path}")
            success = True
        finally:
            self.inputs.cleanup(success)
            if not success:
                self.output.remove_if_new_and_empty()
        results = plan_results(self.output.path, context)
        results.update(load_on_completion(self.output.path, context))
        feedback.setProgress(100)
        return results
