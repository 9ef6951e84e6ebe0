"""The Shuraku Processing algorithms."""
from .compare import CompareAlgorithm
from .evaluate import EvaluateAlgorithm
from .inspect_layer import InspectAlgorithm
from .plan import PlanAlgorithm

ALGORITHMS = [PlanAlgorithm, EvaluateAlgorithm, CompareAlgorithm, InspectAlgorithm]
