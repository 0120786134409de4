"""Random workbooks for the clvkit add-in: a seeded generator of formulas
that call clvkit's Calc functions with hostile arguments.

The functions are not listed here: `clvkit_functions(office, doc)` asks
the running LibreOffice for its FunctionDescriptions and keeps those whose
calls compile to the add-in's service, with their argument counts and
which are optional.

A workbook has a data block (columns A:H, `rows` rows, 100,000 for a big
one) and formulas from column K on.  Arguments are drawn from: numbers at
the extremes (+-0, subnormals, +-1e308, huge counts), ordinary numbers,
text, empty cells, error cells (=1/0, =NA(), =SQRT(-1)), inline arrays,
and ranges of random shapes over the data block (1x1, Nx1, 1xN, MxN, ranges
of different shapes in one call, whole 100,000-row columns).  A formula is
a plain cell or an array formula over a random block.  Everything comes
from random.Random(seed): a failing seed reproduces.
"""
import random

import uno

# Column letters of the data block, by what they hold.
EXTREME, ORDINARY, SHARE, MIXED, COUNT, TX, T, EMPTY = "ABCDEFGH"
FIRST_FORMULA_COLUMN = 10  # K

EXTREME_NUMBERS = ["0", "-0", "4.9E-324", "2.2E-308", "-2.2E-308", "1E-300", "1E308",
                   "-1E308", "1.7976931348623157E308", "1E15", "1E6", "1E-6", "-1",
                   "0.5", "1", "2", "12", "1E10", "123456789012", "-1E-6", "0.999999999"]
ERROR_FORMULAS = ["1/0", "NA()", "SQRT(-1)", "1E308*10", "LN(0)"]
TEXTS = ['"abc"', '""', '"1"', '"week"', '"bgnbd"', '" "', '"-"']


SERVICE = "org.clvkit.calc.Functions."


def clvkit_functions(office, doc):
    """[(display name, method, nargs, nrequired, argument names)] of every
    function the
    add-in registers, as LibreOffice describes them: the function
    descriptions whose name Calc's formula parser resolves to a method of
    clvkit's service (the Python side cannot hold the add-in object itself:
    it does not know the add-in's UNO types)."""
    parser = doc.createInstance("com.sun.star.sheet.FormulaParser")
    origin = uno.createUnoStruct("com.sun.star.table.CellAddress")
    descriptions = office.create("com.sun.star.sheet.FunctionDescriptions")
    out = []
    for i in range(descriptions.getCount()):
        d = {p.Name: p.Value for p in descriptions.getByIndex(i)}
        first = parser.parseFormula("=%s()" % d["Name"], origin)[0]
        if not (isinstance(first.Data, str) and first.Data.startswith(SERVICE)):
            continue
        args = d["Arguments"]
        required = sum(1 for a in args if not a.IsOptional)
        out.append((d["Name"], first.Data[len(SERVICE):], len(args), required,
                     tuple(a.Name for a in args)))
    return sorted(out)


def data_block(rng, rows):
    """(values, error cells): rows x 8 values for A:H (floats, strings or
    '' for empty) and [(column, row)] of cells to get an error formula."""
    values, errors = [], []
    for i in range(rows):
        T = rng.choice([0.0, 1e-6, 1.0, 52.0, 1e4, 1e6, rng.uniform(0, 100)])
        x = float(rng.choice([0, 1, 2, 10, 1000, 10**6, rng.randint(0, 50)]))
        t_x = 0.0 if x == 0 else T * rng.random()
        mixed = rng.choice([rng.uniform(-10, 1000), "abc", "", float(rng.randint(0, 20)),
                            1e308, -0.0, 5e-324, "1"])
        values.append((float(rng.choice(EXTREME_NUMBERS)),
                       round(rng.uniform(0, 1000), 3),
                       rng.random(),
                       mixed, x, t_x, T, ""))
    for _ in range(max(1, rows // 50)):
        errors.append((rng.choice([EXTREME, MIXED, COUNT]), rng.randint(1, rows)))
    return values, errors


class Generator:
    def __init__(self, seed, rows):
        self.rng = random.Random(seed)
        self.rows = rows

    def _range(self):
        rng, rows = self.rng, self.rows
        shape = rng.choice(["1x1", "Nx1", "1xN", "MxN", "MxN", "Nx1", "Nx1", "column"])
        col0 = rng.randrange(8)
        r0 = rng.randint(1, rows)
        if shape == "column":
            return "%s1:%s%d" % ("ABCDEFGH"[col0], "ABCDEFGH"[col0], rows)
        h = 1 if shape in ("1x1", "1xN") else rng.randint(2, min(rows, 60))
        w = 1 if shape in ("1x1", "Nx1") else rng.randint(2, 8 - col0) if col0 < 7 else 1
        r0 = min(r0, rows - h + 1)
        return "%s%d:%s%d" % ("ABCDEFGH"[col0], r0, "ABCDEFGH"[col0 + w - 1], r0 + h - 1)

    def argument(self):
        rng = self.rng
        kind = rng.choice(["extreme", "extreme", "ordinary", "text", "empty", "error",
                           "cell", "range", "range", "range", "array"])
        if kind == "extreme":
            return rng.choice(EXTREME_NUMBERS)
        if kind == "ordinary":
            return repr(round(rng.uniform(-5, 200), rng.randint(0, 4)))
        if kind == "text":
            return rng.choice(TEXTS)
        if kind == "empty":
            return "%s%d" % (EMPTY, rng.randint(1, self.rows))
        if kind == "error":
            return rng.choice(ERROR_FORMULAS)
        if kind == "cell":
            return "%s%d" % (rng.choice("ABCDEFG"), rng.randint(1, self.rows))
        if kind == "array":
            n = rng.randint(1, 4)
            sep = rng.choice([";", "|"])  # a row or a column of an inline array
            return "{%s}" % sep.join(rng.choice(EXTREME_NUMBERS[:12] + ["1", "2"])
                                     for _ in range(n))
        return self._range()

    def plausible(self, arg, row, rows):
        """An argument that fits its name (so calls reach the mathematics):
        a history from one data row, ranges over the same rows, parameters
        as an inline array of positive numbers, shares in [0, 1]."""
        rng = self.rng
        column = {"x": COUNT, "n_star": COUNT, "t_x": TX, "T": T, "n": T,
                  "m": ORDINARY, "ids": COUNT, "dates": ORDINARY, "amounts": ORDINARY,
                  "survivors": ORDINARY, "values": ORDINARY, "weights": ORDINARY}
        base = arg[:-len("_range")] if arg.endswith("_range") else arg
        if base in column:
            if arg.endswith("_range") or arg in ("ids", "dates", "amounts", "survivors",
                                                 "values", "weights"):
                return "%s%d:%s%d" % (column[base], row, column[base], row + rows - 1)
            return "%s%d" % (column[base], row)
        if "params" in arg:
            k = rng.randint(2, 4)
            return "{%s}" % ";".join(rng.choice(["1E-6", "1E6", "0.5", "2", "10"])
                                     if rng.random() < 0.3 else "%.4g" % 10 ** rng.uniform(-3, 3)
                                     for _ in range(k))
        if arg == "unit":
            return rng.choice(['"week"', '"day"', '"month"', '"year"'])
        if arg in ("alpha", "beta", "periods", "years", "freq", "aov", "cost", "ltv", "arpa",
                   "cac", "spend", "new_customers", "revenue", "costs", "customers", "max_cac"):
            return "%.4g" % 10 ** rng.uniform(-6, 6)
        return "%.4g" % rng.random()      # a share, a rate, a margin

    def formula(self, fn):
        """(formula, array block (rows, cols) or None) calling fn."""
        name, _method, nargs, required, names = fn
        rng = self.rng
        if rng.random() < 0.5:
            rows = rng.choice([1, 5, 50, self.rows])
            row = rng.randint(1, self.rows - rows + 1)
            args = [self.plausible(a, row, rows) for a in names[:rng.randint(required, nargs)]]
        else:
            n = rng.randint(required, nargs) if rng.random() < 0.9 \
                else rng.randint(0, nargs + 1)       # sometimes a wrong count
            args = [self.argument() for _ in range(n)]
        text = "=%s(%s)" % (name, ";".join(args))
        if self.rng.random() < 0.3:
            return text, (self.rng.choice([1, 3, 10]), self.rng.choice([1, 2, 5]))
        return text, None
