"""Every template prints as a reader expects: soffice renders it to PDF,
the page count is the one its print ranges were laid out for, and no page
is nearly empty (pdftoppm renders each page in grey; the share of ink
pixels must reach MIN_INK).  The charts stay whole on a page of their own,
so a page holding only a chart still has ink.  Look at the pages too
(docs: pdftoppm -png -r 50) after changing a template.

usage: /usr/bin/python3 test_print_templates.py OXT_DIR WORKDIR EXAMPLES_DIR
(OXT_DIR is not used: printing shows the stored values.)
"""
import glob
import os
import shutil
import subprocess
import sys

from office import PROGRAM_DIR, Report, file_url

# book -> pages: the sheets' print ranges, one page each plus a page per chart
PAGES = {
    "clv-calculator": 2,            # the tables; the chart
    "acquisition-budget": 2,        # the tables; the chart
    "scenarios": 2,                 # the grid; the chart
    "subscription-retention": 2,    # the tables; the chart
    "predictive-clv": 9,            # Model (2) and its chart; Diagnostics and its 3 charts; Log; the first customers
}
MIN_INK = 0.01      # a page with a line or two of text has less


def ink(pgm):
    """Share of non-white pixels of a binary PGM (P5) file."""
    with open(pgm, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:                       # magic, width, height, maxval
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pixels = data[pos + 1:]
    return sum(1 for p in pixels if p < 200) / max(1, len(pixels))


def main(_oxt_dir, workdir, examples_dir):
    report = Report("print_templates")
    out = os.path.join(workdir, "pdf")
    shutil.rmtree(out, ignore_errors=True)
    profile = os.path.join(workdir, "profile")
    books = sorted(glob.glob(os.path.join(examples_dir, "*.ods")))
    subprocess.run([os.path.join(PROGRAM_DIR, "soffice"), "-env:UserInstallation=" + file_url(profile),
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out] + books,
                   check=True, timeout=600, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   start_new_session=True)
    report.check("every template is known here",
                 sorted(os.path.splitext(os.path.basename(b))[0] for b in books) == sorted(PAGES))
    for name, pages in sorted(PAGES.items()):
        pdf = os.path.join(out, name + ".pdf")
        if not report.check(name + " rendered", os.path.exists(pdf)):
            continue
        subprocess.run(["pdftoppm", "-gray", "-r", "20", pdf, os.path.join(out, name)],
                       check=True, timeout=120)
        pgms = sorted(glob.glob(os.path.join(out, name + "-*.pgm")))
        report.check("%s prints %d pages" % (name, pages), len(pgms) == pages, "got %d" % len(pgms))
        for i, pgm in enumerate(pgms, start=1):
            share = ink(pgm)
            report.check("%s page %d is not nearly empty" % (name, i), share >= MIN_INK,
                         "ink %.4f" % share)
    report.finish()


if __name__ == "__main__":
    main(*sys.argv[1:])
