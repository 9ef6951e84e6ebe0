"""shuraku:inspect — `shuraku inspect` from the Processing Toolbox."""
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from .. import cli
from ..layers import InputFiles
from .base import ShurakuAlgorithm
from .options import number_text


class InspectAlgorithm(ShurakuAlgorithm):
    NAME = "inspect"
    DISPLAY_NAME = "Inspect a layer"
    HELP = (
        "Reports what a layer holds as Shuraku reads it: geometry types, CRS, counts, fields with the roles "
        "detected (population, id, name), the population total and the problems that would stop a plan "
        "(missing or negative population, duplicate ids, empty or invalid geometries). A line layer is checked "
        "as road data: crossings without a shared vertex, gaps, dead ends. Runs `shuraku inspect`; the output "
        "file's extension chooses the format: .txt or .json."
    )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", self.tr("Layer"), [QgsProcessing.TypeVector]))
        for name, flag, label in [
            ("POPULATION_FIELD", "--population-field", "Population field [detected: JINKO, 人口, population, pop]"),
            ("ID_FIELD", "--id-field", "Settlement id field [detected: KEY_CODE, id]"),
            ("NAME_FIELD", "--name-field", "Settlement name field [detected: S_NAME, MOJI, name, 名称]"),
        ]:
            self.addParameter(QgsProcessingParameterField(
                name, self.tr(label), parentLayerParameterName="INPUT", optional=True))
        for name, label, default in [
            ("SNAP_TOLERANCE", "Road data: join road ends this close that do not share a vertex (m)", 1),
            ("GAP_REPORT_M", "Road data: report road ends this close to another road (m)", 25),
        ]:
            p = QgsProcessingParameterNumber(
                name, self.tr(label), QgsProcessingParameterNumber.Double, defaultValue=default, minValue=0)
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(p)
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Report"), fileFilter="Text (*.txt);;JSON (*.json)"))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Report text")))

    def prepareAlgorithm(self, parameters, context, feedback):
        self.inputs = InputFiles(os.path.join(QgsProcessingUtils.tempFolder(), "shuraku-inspect"))
        self.inputs.prepare(self, parameters, "INPUT", context, stem="layer")
        return True

    def processAlgorithm(self, parameters, context, feedback):
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        try:
            files = self.inputs.write(context, feedback)
            args = ["inspect", files["INPUT"]]
            for name, flag in [("POPULATION_FIELD", "--population-field"), ("ID_FIELD", "--id-field"),
                               ("NAME_FIELD", "--name-field")]:
                value = self.parameterAsString(parameters, name, context)
                if value:
                    args += [flag, value]
            for name, flag in [("SNAP_TOLERANCE", "--snap-tolerance"), ("GAP_REPORT_M", "--gap-report-m")]:
                args += [flag, number_text(self.parameterAsDouble(parameters, name, context))]
            fmt = "json" if output.lower().endswith(".json") else "text"
            text = cli.run(args + ["--format", fmt], feedback)
        finally:
            self.inputs.cleanup(False)
        os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
        with open(output, "w", encoding="utf-8") as f:
            f.write(text)
        feedback.pushInfo(text)
        feedback.setProgress(100)
        return {"OUTPUT": output, "REPORT": text}
