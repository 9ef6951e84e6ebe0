"""The Shuraku Processing provider: its algorithms and the executable setting."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from . import cli
from .algorithms import ALGORITHMS
from .algorithms.base import ICON


class ShurakuProvider(QgsProcessingProvider):
    def id(self):
        return "shuraku"

    def name(self):
        return "Shuraku"

    def longName(self):
        return "Shuraku: settlement network zones (集落ネットワーク圏)"

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):
        return ICON

    def load(self):
        try:
            from processing.core.ProcessingConfig import ProcessingConfig, Setting
        except ImportError:
            ProcessingConfig = None
        if ProcessingConfig is not None:
            ProcessingConfig.settingIcons[self.name()] = self.icon()
            ProcessingConfig.addSetting(Setting(
                self.name(), cli.SETTING, self.tr("Shuraku executable (empty: shuraku on PATH, else the checkout's build)"),
                "", valuetype=Setting.FILE))
            ProcessingConfig.readSettings()
        self.refreshAlgorithms()
        return True

    def unload(self):
        try:
            from processing.core.ProcessingConfig import ProcessingConfig
        except ImportError:
            return
        if cli.SETTING in ProcessingConfig.settings:
            ProcessingConfig.removeSetting(cli.SETTING)

    def loadAlgorithms(self):
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
