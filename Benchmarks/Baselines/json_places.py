"""Baseline for the OpenDataStreaming benchmark: load a JSON array of vaccination centres and iterate over it.

Usage: python3 json_places.py FILE

`json.load` of the whole file (the C-accelerated decoder of the standard library), then one pass over the
centres summing `appointment_count`. Prints one line:
`places=<n> sum=<total> maxrss_kib=<peak resident KiB> cpu_ms=<user+system ms>`.
"""

import json
import resource
import sys


def main() -> None:
    with open(sys.argv[1], "rb") as handle:
        places = json.load(handle)
    count = 0
    total = 0
    for place in places:
        total += place.get("appointment_count") or 0
        count += 1
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_ms = round((usage.ru_utime + usage.ru_stime) * 1000)
    print(f"places={count} sum={total} maxrss_kib={usage.ru_maxrss} cpu_ms={cpu_ms}")


if __name__ == "__main__":
    main()
