"""A straightforward single-process grader, the baseline sqlprep's grader is measured against.

For every SUBMISSIONS/<learner>/<exercise>.sql: run it once on the practice database, run the
reference once per exercise (cached), and compare the sorted rows. No isolation, no limits, no
hidden variants, no feedback: 1x the work that `sqlprep grade` does 4x (practice + 3 variants).

usage: python3 baseline_grader.py SUBMISSIONS REFERENCES_DIR DATABASE
"""
import json
import os
import sqlite3
import sys


def main() -> None:
    submissions, references, database = sys.argv[1:4]
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    expected = {}
    graded = passed = 0
    for learner in sorted(os.listdir(submissions)):
        folder = os.path.join(submissions, learner)
        for name in sorted(os.listdir(folder)):
            exercise = name[:-4]
            if exercise not in expected:
                with open(os.path.join(references, name)) as f:
                    expected[exercise] = sorted(map(repr, conn.execute(f.read()).fetchall()))
            with open(os.path.join(folder, name)) as f:
                sql = f.read()
            try:
                rows = sorted(map(repr, conn.execute(sql).fetchall()))
            except sqlite3.Error:
                rows = None
            graded += 1
            passed += rows == expected[exercise]
    print(json.dumps({"graded": graded, "passed": passed}))


if __name__ == "__main__":
    main()
