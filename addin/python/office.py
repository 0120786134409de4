"""One headless LibreOffice with the clvkit add-in, for the tests, the
template generator, the benchmark and ./run demo.

The add-in is not installed: soffice gets the staging directory's type
library and components on its command line (-env:URE_MORE_*), so it works
as root and leaves no trace outside `workdir` (the profile lives there).
`with Office(oxt_dir, workdir) as office:` starts soffice, connects over a
named pipe, and on leaving always kills the whole process group it started;
a watchdog kills it too once `deadline` seconds have passed, so a hung
office fails the test (its calls raise) instead of outliving it.  Run with Debian's /usr/bin/python3,
which has the uno module.
"""
import os
import shutil
import signal
import subprocess
import threading
import time
import uuid
import zipfile

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

PROGRAM_DIR = os.environ.get("LIBREOFFICE_PROGRAM_DIR", "/usr/lib/libreoffice/program")

# Calc's error codes as XCell.getError() reports them.
ERR_ILLEGAL_ARGUMENT = 502  # Err:502, what the add-in raises
ERR_NO_CONVERGENCE = 523  # Err:523
ERR_VALUE = 519  # #VALUE!
ERR_NA = 32767  # #N/A

_LOCALE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{0}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{1}</value></prop></item>
<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" oor:op="fuse"><value>{0}</value></prop></item>
</oor:items>
"""


def props(**kw):
    """A tuple of PropertyValue, as UNO calls want them."""
    out = []
    for name, value in kw.items():
        p = PropertyValue()
        p.Name, p.Value = name, value
        out.append(p)
    return tuple(out)


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class Office:
    def __init__(self, oxt_dir, workdir, ui_locale=None, timeout=90, deadline=240,
                 number_locale=""):
        # number_locale: Tools > Options > Language Settings > Locale setting
        # (decimal separator, DATE vs DATUM when typed); "" is the default.
        self.oxt_dir = os.path.abspath(oxt_dir)
        self.workdir = os.path.abspath(workdir)
        self.ui_locale = ui_locale
        self.number_locale = number_locale
        self.timeout = timeout
        self.deadline = deadline
        self.watchdog = None
        self.proc = None
        self.desktop = None
        self.context = None

    # -- life cycle -----------------------------------------------------------
    def __enter__(self):
        profile = os.path.join(self.workdir, "profile")
        shutil.rmtree(profile, ignore_errors=True)
        if self.ui_locale:
            os.makedirs(os.path.join(profile, "user"))
            with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
                f.write(_LOCALE_XCU.format(self.ui_locale, self.number_locale))
        pipe = "clvkit_" + uuid.uuid4().hex
        types = file_url(os.path.join(self.oxt_dir, "clvkit.rdb"))
        services = file_url(os.path.join(self.oxt_dir, "clvkit.components"))
        program = uno.systemPathToFileUrl(PROGRAM_DIR)
        cmd = [
            os.path.join(PROGRAM_DIR, "soffice"),
            "-env:UserInstallation=" + file_url(profile),
            "-env:URE_MORE_TYPES=<%s/types>* %s" % (program, types),
            "-env:URE_MORE_SERVICES=<%s/services>* %s" % (program, services),
            "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ]
        self.proc = subprocess.Popen(cmd, start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.watchdog = threading.Timer(self.deadline, self.kill)
        self.watchdog.daemon = True
        self.watchdog.start()
        try:
            self._connect("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except BaseException:
            self.kill()
            raise
        return self

    def _connect(self, url):
        """Waits for soffice to answer at the UNO url, then takes its desktop."""
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                self.context = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() is not None:
                    raise RuntimeError("soffice exited with %s" % self.proc.returncode)
                if time.monotonic() > deadline:
                    raise TimeoutError("soffice did not answer in %ss" % self.timeout)
                time.sleep(0.2)
        self.desktop = self.create("com.sun.star.frame.Desktop")

    def kill(self):
        """Ends the process group this object started, and nothing else."""
        if self.proc and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=30)

    def __exit__(self, *exc):
        self.watchdog.cancel()
        try:
            if self.desktop is not None:
                self.desktop.terminate()
        except Exception:
            pass  # the bridge goes away while terminating
        try:
            if self.proc:
                self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        self.kill()
        return False

    # -- helpers --------------------------------------------------------------
    def create(self, service):
        return self.context.ServiceManager.createInstanceWithContext(service, self.context)

    def new_sheet(self):
        return self.desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, props(Hidden=True))

    def open(self, path):
        return self.desktop.loadComponentFromURL(
            file_url(path), "_blank", 0, props(Hidden=True))


def cell_result(cell):
    """('value', x), ('text', s) or ('error', code) of a formula cell."""
    err = cell.getError()
    if err:
        return ("error", err)
    if cell.getType().value == "TEXT" or (
            cell.getType().value == "FORMULA" and cell.FormulaResultType2 == 2):
        return ("text", cell.getString())
    return ("value", cell.getValue())


def store_and_check_names(report, doc, path, methods):
    """Stores doc at path and closes it; the saved file must name each
    method by its forever name, ORG.CLVKIT.CALC.FUNCTIONS.<METHOD>(."""
    doc.storeToURL(file_url(path), ())
    doc.close(True)
    with zipfile.ZipFile(path) as z:
        content = z.read("content.xml").decode("utf-8").upper()
    for method in methods:
        name = "ORG.CLVKIT.CALC.FUNCTIONS.%s(" % method
        report.check("saved as " + name, name in content)


def check_alive(report, doc, cell, formula, expected):
    """After a hostile workbook: LibreOffice still computes a plain call."""
    cell.setFormula(formula)
    doc.calculate()
    report.expect("alive afterwards", cell_result(cell), expected)


class Report:
    """Counts checks and ends the test with the closing line CTest shows."""

    def __init__(self, name):
        self.name = name
        self.passed = 0
        self.failed = 0

    def check(self, label, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s %s" % (label, detail), flush=True)
        return ok

    def expect(self, label, got, expected, tol=1e-9):
        """got: a cell_result tuple; expected: a number, a string, or
        ('error', code)."""
        if isinstance(expected, tuple):
            ok = got == expected
        elif isinstance(expected, str):
            ok = got == ("text", expected)
        else:
            ok = got[0] == "value" and abs(got[1] - expected) <= tol * max(1.0, abs(expected))
        return self.check(label, ok, "got %r, expected %r" % (got, expected))

    def finish(self):
        print("%s: %d passed, %d failed" % (self.name, self.passed, self.failed))
        raise SystemExit(1 if self.failed or not self.passed else 0)
