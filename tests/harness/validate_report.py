#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# validate_report.py - check a pamusim JSON report against docs/report-schema.json (Python 3 stdlib only).
# Implements the JSON Schema keywords the schema uses: type, required, properties, additionalProperties,
# items, enum, const, pattern, minimum, maximum, minLength, minItems, maxItems, dependentRequired. Exit 0 valid, 1 invalid (each error printed).
import json
import re
import sys

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float), "integer": int}


def check(schema, value, path, errors):
    t = schema.get("type")
    if t:
        py = TYPES[t]
        ok = isinstance(value, py) and not (t in ("integer", "number") and isinstance(value, bool))
        if not ok:
            errors.append(f"{path}: expected {t}, found {type(value).__name__}")
            return
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: expected {schema['const']!r}, found {value!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: expected one of {schema['enum']}, found {value!r}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            errors.append(f"{path}: shorter than {schema['minLength']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: {value} below {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: {value} above {schema['maximum']}")
    if isinstance(value, dict):
        for k in schema.get("required", []):
            if k not in value:
                errors.append(f"{path}: missing {k}")
        for k, needs in schema.get("dependentRequired", {}).items():
            for n in needs if k in value else []:
                if n not in value:
                    errors.append(f"{path}: {k} present, missing {n}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for k, v in value.items():
            if k in props:
                check(props[k], v, f"{path}.{k}", errors)
            elif extra is False:
                errors.append(f"{path}: unexpected key {k}")
            elif isinstance(extra, dict):
                check(extra, v, f"{path}.{k}", errors)
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{path}: fewer than {schema['minItems']} items")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            errors.append(f"{path}: more than {schema['maxItems']} items")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            check(schema["items"], v, f"{path}[{i}]", errors)


def main():
    if len(sys.argv) != 3:
        print("usage: validate_report.py SCHEMA REPORT", file=sys.stderr)
        return 2
    schema = json.load(open(sys.argv[1]))
    report = json.load(open(sys.argv[2]))
    errors = []
    check(schema, report, "$", errors)
    for e in errors:
        print(e)
    if not errors:
        print(f"{sys.argv[2]}: valid ({len(report['scenarios'])} runs)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
