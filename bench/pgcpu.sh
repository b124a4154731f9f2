# Sourced by the bench scripts (issue 17): pg_cpu DATA_DIR prints the CPU time, in clock ticks
# (getconf CLK_TCK), that a running PostgreSQL on DATA_DIR has used so far: the postmaster's own
# user+system time, that of its exited children (backends, autovacuum workers: cutime/cstime, which
# the postmaster collects when they end) and that of its live children. 0 when it is not running.
# Never fails (the scripts run with set -e and pipefail, and a process may end while it is read).
pg_cpu() {
  local pm=""
  pm=$(head -1 "$1/postmaster.pid" 2>/dev/null) || pm=""
  if [[ -z "$pm" || ! -r /proc/$pm/stat ]]; then echo 0; return 0; fi
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || true
    for c in $(ps -o pid= --ppid "$pm" || true); do awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk '{s += $1} END {print s + 0}'
}
