#!/usr/bin/env bash
# Runs the conformance suites for one PTP mode on the netdevsim VM and writes the JUnit report
# to $ARTIFACT_DIR/unit_report_<mode>_<kind>.xml.
set -euo pipefail

MODE="${PTP_TEST_MODE:?set PTP_TEST_MODE}"
KIND="serial"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kind) KIND="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
ARTIFACT_DIR="${ARTIFACT_DIR:-/tmp/artifacts}"
mkdir -p "$ARTIFACT_DIR"

ginkgo -v --keep-going --flake-attempts="${FLAKE_ATTEMPTS:-2}" --timeout=85m \
  --junit-report="unit_report_${MODE}_${KIND}.xml" --output-dir="$ARTIFACT_DIR" \
  "test/conformance/${KIND}" 2>&1 | scripts/ginkgo-headline-rewrite.sh
