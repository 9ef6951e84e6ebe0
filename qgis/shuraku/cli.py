"""Finding and running the shuraku executable for the Processing algorithms.

The executable comes from the Processing setting SHURAKU_EXECUTABLE; when that is empty,
`shuraku` on PATH; else, when the plugin runs from a checkout of the repository, its build
folder (.build/release/shuraku, then .build/debug/shuraku).

`run` starts the command without a shell, turns its stderr into Processing feedback (progress
lines, warnings, notes), polls for cancellation (the process then gets SIGTERM: the command
removes its staging folder and leaves no partial output) and raises QgsProcessingException with
the command's own error message when it fails.
"""
import os
import queue
import re
import shlex
import shutil
import signal
import subprocess
import threading
import time

from qgis.core import QgsProcessingException

SETTING = "SHURAKU_EXECUTABLE"
PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
# qgis/shuraku/ in a checkout: the repository is two levels up.
CHECKOUT = os.path.dirname(os.path.dirname(PLUGIN_DIR))
BUILD_CANDIDATES = [
    os.path.join(CHECKOUT, ".build", "release", "shuraku"),
    os.path.join(CHECKOUT, ".build", "debug", "shuraku"),
]

# Stage lines of `shuraku plan --timings` ("· [0.269 s] building the road graph …") and the
# share of the run done when each starts, from the 能登町 sample's timings.
PLAN_STAGES = [
    ("reading inputs", 2),
    ("building the road graph", 20),
    ("measuring what joining", 25),
    ("finding single roads", 28),
    ("closing roads", 28),
    ("planning", 30),
    ("evaluating", 30),
    ("assembling the plan", 70),
    ("measuring access", 80),
    ("writing", 85),
    ("done", 99),
]
_STAGE_LINE = re.compile(r"^·\s*(?:\[\s*[0-9.]+\s*s\]\s*)?(.*)$")


class Canceled(QgsProcessingException):
    """The run was canceled from QGIS and the process ended."""


def configured_path():
    """The SHURAKU_EXECUTABLE setting, or '' when unset (or Processing is not loaded)."""
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
    except ImportError:
        return ""
    value = ProcessingConfig.getSetting(SETTING)
    return str(value).strip() if value else ""


def executable():
    """The shuraku executable to run; raises QgsProcessingException when there is none."""
    path = configured_path()
    if path:
        path = os.path.expanduser(path)
        if os.path.isdir(path):
            path = os.path.join(path, "shuraku")
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        raise QgsProcessingException(
            f"The Shuraku executable set in Processing › Providers › Shuraku is not an executable file: {path}")
    found = shutil.which("shuraku")
    if found:
        return found
    for candidate in BUILD_CANDIDATES:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise QgsProcessingException(
        "Cannot find the shuraku executable: it is not on PATH. Build it (swift build -c release --product shuraku) "
        "and set its path under Settings › Options › Processing › Providers › Shuraku › Shuraku executable.")


def _read_lines(stream, sink):
    for raw in iter(stream.readline, b""):
        sink.put(raw.decode("utf-8", errors="replace").rstrip("\r\n"))
    stream.close()
    sink.put(None)


def _read_all(stream, chunks):
    chunks.append(stream.read())
    stream.close()


class StderrReport:
    """Turns the command's stderr lines into feedback, keeping the error lines."""

    def __init__(self, feedback, stages):
        self.feedback = feedback
        self.stages = stages
        self.errors = []
        self.lines = []

    def line(self, text):
        fb = self.feedback
        self.lines.append(text)
        if not text.strip():
            return
        stage = _STAGE_LINE.match(text)
        if stage:
            message = stage.group(1).strip()
            if fb is not None:
                fb.setProgressText(message)
                for prefix, percent in self.stages:
                    if message.startswith(prefix):
                        fb.setProgress(percent)
                        break
            return
        lower = text.lower()
        if lower.startswith("error:"):
            self.errors.append(text[len("error:"):].strip())
            return
        if self.errors and not lower.startswith(("see '", "warning:", "note:")):
            # A message continued on further lines.
            self.errors.append(text.strip())
            return
        if fb is None:
            return
        if lower.startswith("warning:"):
            fb.pushWarning(text)
        else:
            fb.pushInfo(text)


def command_line(args):
    return " ".join(shlex.quote(a) for a in args)


def stop(proc, seconds=10):
    """Ends the process with SIGTERM, repeated every half second (the command sets up its handler
    just after it starts: a signal in that moment is lost), SIGKILL after `seconds`; returns
    whether it had to be killed."""
    end = time.monotonic() + seconds
    while proc.poll() is None and time.monotonic() < end:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            pass
    if proc.poll() is None:
        proc.kill()
        proc.wait()
        return True
    return False


def remove_staging(folder):
    """Removes what a killed run left beside its output folder: its staging folders
    (.NAME.shuraku-…); a later run would remove them too."""
    parent, name = os.path.split(os.path.normpath(folder))
    for entry in os.listdir(parent or "."):
        if entry.startswith(f".{name}.shuraku-") and not entry.endswith(".lock"):
            shutil.rmtree(os.path.join(parent, entry), ignore_errors=True)


def run(args, feedback, stages=(), cwd=None, ok_statuses=(0,), staging_of=None):
    """Runs `shuraku ARGS…`; returns its standard output (text).

    Progress, warnings and notes go to `feedback` as they come. On cancellation the process
    is stopped (see `stop`) and Canceled is raised; when it was killed, the staging folders of
    the output folder `staging_of` are removed. A run that had already finished when canceled
    returns as usual. A failing run raises QgsProcessingException with the command's error
    message.
    """
    exe = executable()
    argv = [exe] + [str(a) for a in args]
    if feedback is not None:
        feedback.pushCommandInfo(command_line(argv))
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    try:
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env)
    except OSError as e:
        raise QgsProcessingException(f"Cannot run {exe}: {e}")
    lines = queue.Queue()
    out_chunks = []
    readers = [
        threading.Thread(target=_read_lines, args=(proc.stderr, lines), daemon=True),
        threading.Thread(target=_read_all, args=(proc.stdout, out_chunks), daemon=True),
    ]
    for t in readers:
        t.start()
    report = StderrReport(feedback, stages)
    stderr_open = True
    canceled = False
    while stderr_open or proc.poll() is None:
        if feedback is not None and feedback.isCanceled():
            canceled = True
            break
        try:
            item = lines.get(timeout=0.05)
        except queue.Empty:
            continue
        if item is None:
            stderr_open = False
        else:
            report.line(item)
            # Cancel as soon as asked, before reading further lines.
            if feedback is not None and feedback.isCanceled():
                canceled = True
                break
    if canceled:
        killed = stop(proc)
        for t in readers:
            t.join(timeout=2)
        if proc.returncode != 0:
            if killed and staging_of:
                remove_staging(staging_of)
            raise Canceled(f"Canceled: shuraku {args[0]} was stopped (exit status {proc.returncode})")
        if feedback is not None:
            feedback.pushWarning(f"shuraku {args[0]} had finished before it could be stopped: its output is complete")
    proc.wait()
    for t in readers:
        t.join()
    status = proc.returncode
    if status not in ok_statuses:
        message = "\n".join(report.errors) or "\n".join(report.lines[-10:]) or "no message"
        kind = "bad input or usage" if status == 2 else "failed"
        raise QgsProcessingException(f"shuraku {args[0]} {kind} (exit status {status}): {message}")
    out = b"".join(c for c in out_chunks if c)
    return out.decode("utf-8", errors="replace")

