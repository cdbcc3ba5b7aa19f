"""Baseline for the OpenDataStreaming benchmark: sum one integer column of a `;`-separated CSV file.

Usage: python3 csv_sum.py FILE COLUMN

A plain `csv.reader` loop (the C-accelerated reader of the standard library), the column found by name in the
header row. Prints one line: `rows=<n> sum=<total> maxrss_kib=<peak resident KiB> cpu_ms=<user+system ms>`.
"""

import csv
import resource
import sys


def main() -> None:
    path, column = sys.argv[1], sys.argv[2]
    rows = 0
    total = 0
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter=";")
        position = next(reader).index(column)
        for row in reader:
            total += int(row[position])
            rows += 1
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = round((usage.ru_utime + usage.ru_stime) * 1000)
    print(f"rows={rows} sum={total} maxrss_kib={usage.ru_maxrss} cpu_ms={cpu_ms}")


if __name__ == "__main__":
    main()
