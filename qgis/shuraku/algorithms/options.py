"""The options of `shuraku plan` as Processing parameters.

One entry per option: the parameter name is the flag in capitals (--max-travel-min →
MAX_TRAVEL_MIN) and its default is the command's own (a test compares them with
`shuraku plan --help`). An option is passed to the command only when its value differs from
that default, so that a scenario file's setting stands unless the parameter changes it.
"""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

POINTS = [QgsProcessing.TypeVectorPoint]
POLYGONS = [QgsProcessing.TypeVectorPolygon]
LINES = [QgsProcessing.TypeVectorLine]


class Option:
    """One command-line option of `shuraku plan` and its parameter.

    kind: layer, field, int, double, choice, text, flag, file, crs."""

    def __init__(self, flag, kind, description, default=None, advanced=False, optional=True,
                 types=None, parent=None, choices=None, extension=None, minimum=None):
        self.flag = flag
        self.name = flag[2:].upper().replace("-", "_")
        self.kind = kind
        self.description = description
        self.default = default
        self.advanced = advanced
        self.optional = optional
        self.types = types
        self.parent = parent
        self.choices = choices
        self.extension = extension
        self.minimum = minimum

    def parameter(self):
        k = self.kind
        if k == "layer":
            p = QgsProcessingParameterFeatureSource(self.name, self.description, self.types, optional=self.optional)
        elif k == "field":
            p = QgsProcessingParameterField(self.name, self.description, parentLayerParameterName=self.parent,
                                            optional=True)
        elif k in ("int", "double"):
            t = QgsProcessingParameterNumber.Integer if k == "int" else QgsProcessingParameterNumber.Double
            p = QgsProcessingParameterNumber(self.name, self.description, t, defaultValue=self.default,
                                             optional=self.default is None)
            if self.minimum is not None:
                p.setMinimum(self.minimum)
        elif k == "choice":
            p = QgsProcessingParameterEnum(self.name, self.description, options=self.choices,
                                           defaultValue=self.choices.index(self.default))
        elif k == "text":
            p = QgsProcessingParameterString(self.name, self.description, defaultValue=self.default, optional=True)
        elif k == "flag":
            p = QgsProcessingParameterBoolean(self.name, self.description, defaultValue=False)
        elif k == "file":
            p = QgsProcessingParameterFile(self.name, self.description, extension=self.extension, optional=True)
        elif k == "crs":
            p = QgsProcessingParameterCrs(self.name, self.description, optional=True)
        else:
            raise ValueError(k)
        if self.advanced:
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        return p

    def default_value(self):
        """The parameter's default as the command would spell it (None: no default)."""
        if self.kind == "flag":
            return None
        return self.default

    def arguments(self, algorithm, parameters, context):
        """The command-line arguments for this option's value (layers are handled apart)."""
        k = self.kind
        if self.name not in parameters or parameters[self.name] is None:
            return []
        if k == "field":
            value = algorithm.parameterAsString(parameters, self.name, context)
            return [self.flag, value] if value else []
        if k in ("int", "double"):
            raw = parameters[self.name]
            if raw is None or str(raw) in ("", "NULL"):
                return []
            value = algorithm.parameterAsInt(parameters, self.name, context) if k == "int" \
                else algorithm.parameterAsDouble(parameters, self.name, context)
            if self.default is not None and value == self.default:
                return []
            return [self.flag, str(value) if k == "int" else number_text(value)]
        if k == "choice":
            value = self.choices[algorithm.parameterAsEnum(parameters, self.name, context)]
            return [] if value == self.default else [self.flag, value]
        if k == "text":
            value = algorithm.parameterAsString(parameters, self.name, context).strip()
            return [] if not value or value == self.default else [self.flag, value]
        if k == "flag":
            return [self.flag] if algorithm.parameterAsBoolean(parameters, self.name, context) else []
        if k == "file":
            value = algorithm.parameterAsFile(parameters, self.name, context)
            return [self.flag, value] if value else []
        if k == "crs":
            crs = algorithm.parameterAsCrs(parameters, self.name, context)
            if not crs.isValid():
                return []
            if not crs.authid():
                raise QgsProcessingException(f"{self.name}: give a CRS with an authority code (EPSG:n)")
            return [self.flag, crs.authid()]
        return []


def number_text(value):
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def field(flag, description, parent="SETTLEMENTS"):
    return Option(flag, "field", description, advanced=True, parent=parent)


PLAN_OPTIONS = [
    # Inputs.
    Option("--settlements", "layer", "Settlements (points, or polygons such as census small areas)", optional=False,
           types=POINTS + POLYGONS),
    Option("--population-field", "field", "Population field [optional; detected: JINKO, 人口, population, pop]",
           parent="SETTLEMENTS"),
    Option("--districts", "layer", "Districts (小学校区, 旧町村, 地区…) that zones respect [optional]", types=POLYGONS),
    Option("--roads", "layer", "Roads [optional; without roads: straight lines × detour]", types=LINES),
    Option("--boundary", "layer", "Study-area boundary that clips zone shapes [optional]", types=POLYGONS),
    Option("--facilities", "layer", "Facilities (schools, clinics, shops…): cores go where the services are [optional]",
           types=POINTS),
    # The main settings.
    Option("--max-travel-min", "double", "Longest travel time from a settlement to its core (minutes)", 30, minimum=0),
    Option("--min-zone-pop", "int", "Smallest zone population", 1000, minimum=0),
    Option("--max-zone-pop", "int", "Largest zone population [optional]", minimum=0),
    Option("--zones", "text", "How many zones: auto (the most that meet the rules), fewest, or a number", "auto"),
    Option("--district-mode", "choice", "Districts: within (no zone spans two), whole (zones are unions of districts) "
           "or ignore; within applies only with districts", "within", choices=["within", "whole", "ignore"]),
    Option("--bus-max-loop-min", "double", "Longest bus loop, dwell times included (minutes)", 60, minimum=0),
    Option("--bus-max-ride-min", "double", "Longest ride of any passenger (minutes) [optional]", minimum=0),
    Option("--bus-service-window", "text", "Bus service windows, e.g. 07:00-09:00,15:00-17:00 [optional: no vehicles "
           "computed without]"),
    # Advanced: everything else, with the command's defaults.
    Option("--scenario", "file", "Scenario file (JSON): settings not changed here come from it", advanced=True,
           extension="json"),
    field("--id-field", "Settlement id field [detected: KEY_CODE, id]"),
    field("--name-field", "Settlement name field [detected: S_NAME, MOJI, name, 名称]"),
    field("--core-field", "Field marking designated cores (always cores)"),
    field("--core-candidates-field", "Field marking the settlements that may be cores"),
    field("--group-by", "Plan each value of this field separately (e.g. a municipality code)"),
    field("--district-field", "District name field [detected: 地区名, name, 名称]", parent="DISTRICTS"),
    field("--facility-kind-field", "Facility kind field [detected: kind, KSJ codes, OSM tags]", parent="FACILITIES"),
    Option("--filter", "text", "Keep only settlements whose FIELD is one of the values: FIELD=V1,V2", advanced=True),
    Option("--max-travel-km", "double", "Longest road distance to the core (km)", advanced=True, minimum=0),
    Option("--detour", "double", "Without roads: straight-line distance × this factor", 1.3, advanced=True, minimum=1),
    Option("--speed-kmh", "double", "Without roads: travel speed (km/h)", 40, advanced=True, minimum=0),
    Option("--speed-table", "file", "Road speeds per class (JSON)", advanced=True, extension="json"),
    Option("--snap-tolerance", "double", "Join road ends this close that do not share a vertex (m)", 1, advanced=True,
           minimum=0),
    Option("--junctions", "choice", "Where roads meet", "vertices", advanced=True, choices=["vertices", "crossings"]),
    Option("--gap-report-m", "double", "Report road ends this close to another road (m)", 25, advanced=True, minimum=0),
    Option("--connector-speed-kmh", "double", "Speed from a settlement to its nearest road (km/h)", 20, advanced=True,
           minimum=0),
    Option("--max-connector-m", "double", "A settlement farther than this from every road is off the network (m)", 2000,
           advanced=True, minimum=0),
    Option("--district-tolerance", "double", "A settlement this close outside every district joins the nearest (m)",
           200, advanced=True, minimum=0),
    Option("--seed", "int", "Seed: same inputs and seed, same plan", 1, advanced=True, minimum=0),
    Option("--core-score", "choice", "What makes a core", "auto", advanced=True, choices=["auto", "population", "none"]),
    Option("--core-radius-m", "double", "Radius in which services and people count for a core (m)", 1000,
           advanced=True, minimum=0),
    Option("--facility-exclude", "text", "Leave out facilities: FIELD=V1,V2 (e.g. subkind=institutional_clinic)",
           advanced=True),
    Option("--bus-dwell-min", "double", "Dwell time at each stop (minutes)", 1, advanced=True, minimum=0),
    Option("--bus-min-stop-pop", "int", "Only settlements with at least this many people get a stop", 1, advanced=True,
           minimum=0),
    Option("--bus-capacity", "int", "Vehicle capacity in riders per loop", advanced=True, minimum=1),
    Option("--bus-trip-rate", "double", "Daily riders per resident (with a capacity)", 0.02, advanced=True, minimum=0),
    Option("--bus-trips-per-window", "int", "Runs of every loop in each service window", 1, advanced=True, minimum=1),
    Option("--bus-layover-min", "double", "Least time between two trips on one vehicle (minutes)", 5, advanced=True,
           minimum=0),
    Option("--bus-costs", "text", "Operating costs: vehicle_year=YEN,driver_hour=YEN,vehicle_km=YEN,days=N",
           advanced=True),
    Option("--closed-roads", "layer", "Closed roads: lines or polygons (e.g. landslide warning areas)", advanced=True,
           types=LINES + POLYGONS),
    Option("--drone-range-km", "double", "Drone one-way range (km)", advanced=True, minimum=0),
    Option("--drone-speed-kmh", "double", "Drone cruise speed (km/h)", advanced=True, minimum=0),
    Option("--drone-overhead-min", "double", "Drone take-off, landing and hand-over per flight (minutes)",
           advanced=True, minimum=0),
    Option("--access-limit-min", "double", "Access to services: search limit (minutes)", 60, advanced=True, minimum=0),
    Option("--access-threshold-min", "double", "Access to services: people farther than this count as beyond (minutes)",
           30, advanced=True, minimum=0),
    Option("--projections", "file", "Municipal population projection (CSV, IPSS style)", advanced=True,
           extension="csv"),
    field("--municipality-field", "Municipality code field [detected]"),
    Option("--municipality", "text", "One municipality code for every settlement", advanced=True),
    field("--previous-population-field", "Census count five years before (the trend method)"),
    Option("--year", "int", "Plan with the projected population of this year (2020 … 2050)", advanced=True,
           minimum=2020),
    Option("--crs", "crs", "Metric CRS for geometry work [default: the JGD2011 UTM zone of the data]", advanced=True),
    Option("--source-crs", "crs", "CRS of inputs that declare none", advanced=True),
    Option("--encoding", "text", "Text encoding of Shapefile/CSV inputs (e.g. CP932) [detected]", advanced=True),
    Option("--missing-population-zero", "flag", "Count a missing population as 0 (with a warning)", advanced=True),
    Option("--label-font", "text", "Font family of the QGIS labels", "Noto Sans CJK JP", advanced=True),
    Option("--force", "flag", "Write into a non-empty folder that holds no earlier plan", advanced=True),
]

PLAN_LAYER_OPTIONS = [o for o in PLAN_OPTIONS if o.kind == "layer"]
