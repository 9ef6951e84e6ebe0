"""shuraku:evaluate — `shuraku evaluate` from the Processing Toolbox."""
import json
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingUtils,
)

from .. import cli
from ..layers import InputFiles, load_on_completion
from .base import ShurakuAlgorithm
from .output import OutputFolder
from .plan import add_plan_outputs, plan_results


def run_folder(plan_folder, others=()):
    """The folder to run `shuraku evaluate` from: where the plan's relative input paths (relative
    to the folder the plan was made in) lead to files: the plan folder's parent or a folder above
    it, else one of `others` (the project's folder, the current folder); the parent when none do."""
    parent = os.path.dirname(os.path.abspath(plan_folder))
    try:
        with open(os.path.join(plan_folder, "plan.json"), encoding="utf-8") as f:
            inputs = json.load(f).get("inputs") or {}
    except (OSError, ValueError):
        return parent
    relative = [i.get("path") for i in inputs.values() if isinstance(i, dict) and i.get("path")]
    relative = [p for p in relative if not os.path.isabs(p)]
    if not relative:
        return parent

    def exists(base, path):
        full = os.path.join(base, path)
        return os.path.exists(full) or (":" in path and os.path.exists(full.rsplit(":", 1)[0]))

    candidates = []
    base = parent
    while base not in candidates:
        candidates.append(base)
        base = os.path.dirname(base)
    candidates += [o for o in others if o]
    for base in candidates:
        if all(exists(base, p) for p in relative):
            return base
    return parent


class EvaluateAlgorithm(ShurakuAlgorithm):
    NAME = "evaluate"
    DISPLAY_NAME = "Evaluate an edited plan"
    HELP = (
        "Recomputes a plan whose zones and cores were edited: move settlements between zones by changing zone_id "
        "(or is_core) in the plan's settlements layer, save, and run this. The zones and cores stay as edited; "
        "travel times, zone populations and shapes, bus loops and grant caps are recomputed with the plan's "
        "settings (its plan.json). Rules the edits break are flagged in a violations field (beyond_travel_limit, "
        "below_min_population, district_split, …), never refused. changes.csv lists every settlement whose zone "
        "or core changed. Runs `shuraku evaluate`."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFile(
            "PLAN", self.tr("Plan folder (made by Plan)"), behavior=QgsProcessingParameterFile.Folder))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "EDITED", self.tr("Edited settlements layer (the plan's settlements with zone_id / is_core changed)"),
            [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", self.tr("Evaluated plan folder")))
        add_plan_outputs(self)
        self.addOutput(QgsProcessingOutputFile("CHANGES_CSV", self.tr("What the edits changed (changes.csv)")))
        self.addOutput(QgsProcessingOutputVectorLayer("CHANGES_TABLE", self.tr("Table changes")))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.plan = os.path.abspath(self.parameterAsFile(parameters, "PLAN", context))
        if not os.path.isfile(os.path.join(self.plan, "plan.json")):
            raise QgsProcessingException(f"{self.plan} holds no plan.json: choose a folder written by Plan")
        self.output = OutputFolder(self.parameterAsString(parameters, "OUTPUT", context))
        if self.output.path == self.plan:
            raise QgsProcessingException("Write the evaluated plan to another folder than the plan's")
        temp = os.path.join(QgsProcessingUtils.tempFolder(), "shuraku-evaluate")
        self.inputs = InputFiles(temp)
        self.inputs.prepare(self, parameters, "EDITED", context, stem="settlements")
        home = context.project().homePath() if context.project() is not None else ""
        self.cwd = run_folder(self.plan, [home, os.getcwd()])
        return True

    def processAlgorithm(self, parameters, context, feedback):
        success = False
        try:
            files = self.inputs.write(context, feedback)
            if feedback.isCanceled():
                raise cli.Canceled("Canceled")
            feedback.setProgressText("evaluating")
            feedback.setProgress(5)
            args = ["evaluate", "--plan", self.plan, "--edited", files["EDITED"], "--out", self.output.path]
            os.makedirs(self.output.parent, exist_ok=True)
            cli.run(args, feedback, cwd=self.cwd, staging_of=self.output.path)
            if not os.path.isfile(os.path.join(self.output.path, "plan.json")):
                raise QgsProcessingException(f"shuraku evaluate wrote no plan.json into {self.output.path}")
            success = True
        finally:
            # The edited layer's export is read once: plan.json records its checksum, nothing reads it again.
            self.inputs.cleanup(False)
            if not success:
                self.output.remove_if_new_and_empty()
        results = plan_results(self.output.path, context)
        changes = os.path.join(self.output.path, "changes.csv")
        tables = []
        if os.path.isfile(changes):
            results["CHANGES_CSV"] = changes
            tables.append(("changes", "CHANGES_TABLE", changes))
        results.update(load_on_completion(self.output.path, context, tables=tables))
        feedback.setProgress(100)
        return results
