#!/usr/bin/env bash
# Soak: replays every notebook N times, interrupting some runs at random points with SIGINT
# (stops a cell; the run goes on) or SIGKILL (a crash), then starts netbook once more (the crash
# reaper runs) and counts
#   leftovers: containers/networks labelled by a netbook session of this host whose process is
#              gone (the reaper should have removed them all: must be 0)
#   foreign touched: unlabelled containers/networks that existed before (plus two sentinels made
#              here, one with a lesson's name) and were removed or changed (must be 0)
#
#   bench/soak.sh [--engine docker|embedded] [-n N] [--seed S] [NOTEBOOK.md ...]
#
# Notebooks default to notebooks/*.md, or the sample under src/test/resources/soak/ when there are
# none. On the embedded engine every process has its own in-process engine, so there is nothing to
# count across processes: the script then checks that every run ends in time and without a stack
# trace (SoakTest covers leftovers in-process). Exit status 0 when the result line says ok.
set -uo pipefail
cd "$(dirname "$0")/.."
ENGINE=docker N=10 SEED=$RANDOM
NBS=()
while [ $# -gt 0 ]; do
  case $1 in
    --engine) ENGINE=$2; shift 2 ;;
    -n) N=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) NBS+=("$1"); shift ;;
  esac
done
if [ ${#NBS[@]} -eq 0 ]; then
  for f in notebooks/*.md; do [ -f "$f" ] && NBS+=("$f"); done
  [ ${#NBS[@]} -eq 0 ] && NBS=(src/test/resources/soak/sample.md)
fi
RANDOM=$SEED
export NETBOOK_OFFLINE=1 NO_COLOR=1
HOST=$(cat /proc/sys/kernel/hostname 2>/dev/null || hostname)
WORK=$(mktemp -d /tmp/netbook-soak.XXXXXX)
RUN_TIMEOUT=240
log() { echo "soak: $*" >&2; }

unlabelled() { # ID STATE lines of containers and networks without netbook.session
  docker ps -a --no-trunc --format '{{.ID}} {{.State}} {{.Label "netbook.session"}}' | awk '$3=="" {print "c " $1 " " $2}'
  docker network ls --no-trunc --format '{{.ID}} {{.Label "netbook.session"}}' | awk '$2=="" {print "n " $1}'
}
orphans() { # labelled resources of this host whose pid is gone
  local kind id pid
  { docker ps -a --no-trunc --filter "label=netbook.host=$HOST" --format 'c {{.ID}} {{.Label "netbook.pid"}}'
    docker network ls --no-trunc --filter "label=netbook.host=$HOST" --format 'n {{.ID}} {{.Label "netbook.pid"}}'
  } | while read -r kind id pid; do
    [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null && echo "$kind $id pid $pid"
  done
}

SENTINELS=()
if [ "$ENGINE" = docker ]; then
  docker info >/dev/null 2>&1 || { log "no Docker engine"; exit 2; }
  sfx=$RANDOM$RANDOM
  # a user's own container with a lesson's name, and an unrelated network: both must survive
  if ! docker inspect soak_a >/dev/null 2>&1; then
    docker run -d --name soak_a --entrypoint sleep netbook/toolbox 100000 >/dev/null && SENTINELS+=(soak_a)
  fi
  docker network create "soak_user_net_$sfx" >/dev/null && SENTINELS+=("soak_user_net_$sfx")
  unlabelled | sort > "$WORK/before"
fi

kills=0 ints=0 stacks=0 hung=0 runs=0
# job control: without it a background job starts with SIGINT ignored and Ctrl-C never reaches it
set -m
for ((i = 1; i <= N; i++)); do
  for nb in "${NBS[@]}"; do
    runs=$((runs + 1))
    out=$WORK/run-$i-$(basename "$nb").txt
    bin/netbook run --engine "$ENGINE" "$nb" >"$out" 2>&1 &
    pid=$!
    what=$((RANDOM % 3)) delay=$((2 + RANDOM % 10))
    if [ $what -gt 0 ]; then
      for ((t = 0; t < delay * 5; t++)); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
      if kill -0 $pid 2>/dev/null; then
        if [ $what -eq 1 ]; then kill -INT $pid; ints=$((ints + 1)); else kill -KILL $pid; kills=$((kills + 1)); fi
      fi
    fi
    for ((t = 0; t < RUN_TIMEOUT * 5; t++)); do kill -0 $pid 2>/dev/null || break; sleep 0.2; done
    if kill -0 $pid 2>/dev/null; then hung=$((hung + 1)); log "run $i of $nb hung: killed"; kill -KILL $pid; fi
    wait $pid 2>/dev/null
    if grep -q $'^\tat \|Exception in thread' "$out"; then stacks=$((stacks + 1)); log "stack trace in $out"; fi
  done
done

leftovers=0 touched=0
if [ "$ENGINE" = docker ]; then
  echo 1 | bin/netbook --engine docker >"$WORK/final.txt" 2>&1
  grep 'crashed sessions' "$WORK/final.txt" >&2
  orphans > "$WORK/orphans"
  leftovers=$(wc -l < "$WORK/orphans")
  unlabelled | sort > "$WORK/after"
  # touched: present before, and now gone or in another state
  touched=$(comm -23 "$WORK/before" "$WORK/after" | wc -l)
  comm -23 "$WORK/before" "$WORK/after" | sed 's/^/soak: foreign changed: /' >&2
  for s in "${SENTINELS[@]}"; do
    case $s in soak_a) docker rm -f soak_a >/dev/null ;; *) docker network rm "$s" >/dev/null ;; esac
  done
fi
ok=ok
[ "$leftovers" -eq 0 ] && [ "$touched" -eq 0 ] && [ $stacks -eq 0 ] && [ $hung -eq 0 ] || ok=FAILED
echo "soak $ok: engine=$ENGINE N=$N notebooks=${#NBS[@]} runs=$runs sigint=$ints sigkill=$kills leftovers=$leftovers foreign-touched=$touched stack-traces=$stacks hung=$hung seed=$SEED (logs in $WORK)"
[ $ok = ok ]
