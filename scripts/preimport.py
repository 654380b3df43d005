#!/usr/bin/env python3
"""Pre-import hook for annotation jobs that re-analyse a sample (`import.preimport_script`).

ELLA's config requires this file to exist (`!file 'scripts/preimport.py'`). The job poller runs it
before submitting a sample job, with SAMPLE_ID, GENEPANEL_NAME, GENEPANEL_VERSION, USERGROUP and
PRIORITY in the environment, and expects a JSON object of extra submission data on stdout.

This installation has no lab-specific pre-import step yet: the script says so and fails, so a
sample job is never submitted with made-up data. Replace it with the lab's own script.
"""
import sys

sys.exit("No pre-import step is configured for sample re-analysis jobs in this installation.")
