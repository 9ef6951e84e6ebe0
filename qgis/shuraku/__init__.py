"""Shuraku for QGIS: the shuraku command's plan, evaluate, compare and inspect as Processing algorithms."""


def classFactory(iface):
    from .plugin import ShurakuPlugin

    return ShurakuPlugin(iface)
