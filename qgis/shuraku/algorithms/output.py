"""The folder a plan is written to."""
import os


class OutputFolder:
    """The destination folder of a run: absolute, with whether it existed before the run, so that
    a failed or canceled run leaves no empty folder it did not find."""

    def __init__(self, path):
        self.path = os.path.abspath(os.path.expanduser(path))
        self.parent = os.path.dirname(self.path)
        self.existed = os.path.exists(self.path)

    def remove_if_new_and_empty(self):
        if not self.existed and os.path.isdir(self.path) and not os.listdir(self.path):
            os.rmdir(self.path)
