"""shuraku:compare — `shuraku compare` from the Processing Toolbox."""
import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from .. import cli
from .base import ShurakuAlgorithm

PLAN_SLOTS = ["PLAN_1", "PLAN_2", "PLAN_3", "PLAN_4", "PLAN_5", "PLAN_6"]
FORMATS = {".md": "md", ".csv": "csv", ".json": "json"}


def output_format(path):
    """md, csv or json from the output file's extension (Markdown for any other)."""
    return FORMATS.get(os.path.splitext(path)[1].lower(), "md")


class CompareAlgorithm(ShurakuAlgorithm):
    NAME = "compare"
    DISPLAY_NAME = "Compare plans"
    HELP = (
        "Sets two or more plans side by side: every plan-wide metric (zones, population served, travel times, "
        "loop minutes, grant caps, vehicles and costs, violations of evaluated plans) with its difference from "
        "the first plan, and which zones are the same (the same member settlements). Runs `shuraku compare`; "
        "the output file's extension chooses the format: .md (Markdown table), .csv or .json."
    )

    def initAlgorithm(self, config=None):
        for i, name in enumerate(PLAN_SLOTS):
            label = "Baseline plan folder" if i == 0 else f"Plan folder {i + 1}"
            self.addParameter(QgsProcessingParameterFile(
                name, self.tr(label), behavior=QgsProcessingParameterFile.Folder, optional=i >= 2))
        more = QgsProcessingParameterString(
            "MORE", self.tr("More plan folders or scenario files, separated by ;"), optional=True)
        more.setFlags(more.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(more)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Comparison"), fileFilter="Markdown (*.md);;CSV (*.csv);;JSON (*.json)"))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Comparison text")))

    def processAlgorithm(self, parameters, context, feedback):
        sources = []
        for name in PLAN_SLOTS:
            path = self.parameterAsFile(parameters, name, context)
            if path:
                sources.append(os.path.abspath(path))
        more = self.parameterAsString(parameters, "MORE", context)
        sources += [os.path.abspath(p.strip()) for p in more.split(";") if p.strip()]
        if len(sources) < 2:
            raise QgsProcessingException("Give at least two plans to compare")
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        text = cli.run(["compare"] + sources + ["--format", output_format(output)], feedback)
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
        feedback.pushInfo(text)
        feedback.setProgress(100)
        return {"OUTPUT": output, "REPORT": text}
