#!/bin/sh
# The mutation score per package of the last `mvn -Pmutation ...` run (PIT's XML report):
#   mvn -Pmutation test-compile org.pitest:pitest-maven:mutationCoverage && bench/mutation-scores.sh
# A mutant counts as killed when a test failed on it (KILLED) or it hung (TIMED_OUT, MEMORY_ERROR).
set -eu
report="${1:-target/pit-reports/mutations.xml}"
[ -f "$report" ] || { echo "no PIT report at $report (run the -Pmutation profile first)" >&2; exit 1; }
# one <mutation ...> element per line; status='...' and <mutatedClass>pkg.Class</mutatedClass> in it
sed -e 's/<mutation /\n<mutation /g' "$report" | awk '
  /<mutation / && /<mutatedClass>/ {
    status = $0; sub(/.*status=.\x27?"?/, "", status); sub(/[\x27"].*/, "", status)
    cls = $0; sub(/.*<mutatedClass>/, "", cls); sub(/<\/mutatedClass>.*/, "", cls)
    sub(/\$.*/, "", cls)
    pkg = cls; sub(/\.[^.]*$/, "", pkg)
    total[pkg]++; ctotal[cls]++
    if (status == "KILLED" || status == "TIMED_OUT" || status == "MEMORY_ERROR") { killed[pkg]++; ckilled[cls]++ }
  }
  END {
    for (p in total) printf "%-40s %4d of %4d killed  %3d %%\n", p, killed[p], total[p], 100 * killed[p] / total[p]
    print ""
    for (c in ctotal) printf "  %-58s %4d of %4d\n", c, ckilled[c], ctotal[c]
  }' | sort
