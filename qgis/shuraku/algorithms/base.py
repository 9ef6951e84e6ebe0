"""What the Shuraku algorithms share."""
import os

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

ICON = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "icon.svg")


class ShurakuAlgorithm(QgsProcessingAlgorithm):
    """Base of the algorithms: name, icon, help and a fresh instance per run."""

    NAME = ""
    DISPLAY_NAME = ""
    HELP = ""

    def tr(self, text):
        return QCoreApplication.translate("Shuraku", text)

    def createInstance(self):
        return type(self)()

    def name(self):
        return self.NAME

    def displayName(self):
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return ""

    def groupId(self):
        return ""

    def icon(self):
        return QIcon(ICON)

    def shortHelpString(self):
        return self.tr(self.HELP)

