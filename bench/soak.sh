#!/usr/bin/env bash
# Soak: replays every notebook N times under its own name prefix (NETBOOK_NAME_PREFIX=nbsoak<pid>_:
# its containers and networks are named and labelled so), interrupting runs at a point drawn
# uniformly over the run's length: SIGINT (stops a cell; the run goes on), SIGTERM (ends the run,
# cleaned up) or SIGKILL (a crash). The first round runs every notebook uninterrupted and measures
# its length on this engine (every later run that ends on its own refines the mean). Then netbook starts once
# more under the prefix (its crash reaper removes the prefix's dead sessions, and only those), and
# the script counts
#   leftovers:       containers/networks of the soak's prefix still there (must be 0)
#   foreign touched: containers/networks that are not the soak's, snapshotted before (id; state and
#                    endpoints (network=endpoint id) of containers; plus sentinels made here: an
#                    unlabelled container on an unlabelled network) and gone or changed after
#                    (must be 0; others' sessions on the same daemon change theirs: see the log)
#
#   bench/soak.sh [--engine docker|embedded] [-n N] [--until TIME] [--seed S] [NOTEBOOK.md ...]
#
# --until TIME (anything `date -d` reads, e.g. 01:45) starts no run after TIME: the counts then
# follow for the rounds done so far (the result line says how many).
#
# Notebooks default to notebooks/*.md, or the sample under src/test/resources/soak/ when there are
# none. On the embedded engine every process has its own in-process engine, so there is nothing to
# count across processes: the script then checks that every run ends in time and without a stack
# trace (SoakTest covers leftovers in-process). Exit status 0 when the result line says ok.
set -uo pipefail
cd "$(dirname "$0")/.."
ENGINE=docker N=10 SEED=$RANDOM UNTIL=
NBS=()
while [ $# -gt 0 ]; do
  case $1 in
    --engine) ENGINE=$2; shift 2 ;;
    -n) N=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --until) UNTIL=$(date -d "$2" +%s) || exit 2; shift 2 ;;
    -h|--help) sed -n 2,24p "$0"; exit 0 ;;
    *) NBS+=("$1"); shift ;;
  esac
done
if [ ${#NBS[@]} -eq 0 ]; then
  for f in notebooks/*.md; do [ -f "$f" ] && NBS+=("$f"); done
  [ ${#NBS[@]} -eq 0 ] && NBS=(src/test/resources/soak/sample.md)
fi
RANDOM=$SEED
PREFIX=nbsoak$$_
export NETBOOK_OFFLINE=1 NO_COLOR=1 NETBOOK_NAME_PREFIX=$PREFIX
WORK=$(mktemp -d /tmp/netbook-soak.XXXXXX)
RUN_TIMEOUT=240
log() { echo "soak: $*" >&2; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

foreign() { # one line per container/network that is not the soak's: kind, id, state, endpoints
  local ids
  ids=$(docker ps -aq --no-trunc)
  [ -n "$ids" ] && docker inspect --format \
    'c {{.Id}} {{.State.Status}} {{with index .Config.Labels "netbook.prefix"}}{{.}}{{end}}|{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.EndpointID}},{{end}}' \
    $ids 2>/dev/null
  ids=$(docker network ls -q --no-trunc)
  [ -n "$ids" ] && docker network inspect --format \
    'n {{.Id}} - {{with index .Labels "netbook.prefix"}}{{.}}{{end}}|' \
    $ids 2>/dev/null
}
not_soaks() { awk -v p="$PREFIX" '{ split($4, a, "|"); if (a[1] != p) print }' | sed 's/ [^ ]*|/ |/' | sort; }
soaks() { # the soak's containers and networks (by its prefix label)
  docker ps -a --filter "label=netbook.prefix=$PREFIX" --format 'c {{.Names}} {{.State}}'
  docker network ls --filter "label=netbook.prefix=$PREFIX" --format 'n {{.Name}}'
}

SENTINELS=()
if [ "$ENGINE" = docker ]; then
  docker info >/dev/null 2>&1 || { log "no Docker engine"; exit 2; }
  sfx=$$$RANDOM
  # a user's own network with a container on it (unlabelled, unique names): both must survive
  docker network create "soak_user_net_$sfx" >/dev/null && SENTINELS+=("n soak_user_net_$sfx")
  docker run -d --name "soak_user_$sfx" --network "soak_user_net_$sfx" --entrypoint sleep \
    netbook/toolbox 100000 >/dev/null && SENTINELS+=("c soak_user_$sfx")
  foreign | not_soaks > "$WORK/before"
  log "prefix $PREFIX; $(wc -l < "$WORK/before") foreign containers/networks snapshotted; logs in $WORK"
fi

declare -A LEN_SUM LEN_N
kills=0 terms=0 ints=0 none=0 missed=0 stacks=0 hung=0 runs=0
T0=$(now_ms)
# job control: without it a background job starts with SIGINT ignored and Ctrl-C never reaches it
set -m
rounds=0
for ((i = 1; i <= N; i++)); do
  for nb in "${NBS[@]}"; do
    [ -n "$UNTIL" ] && [ "$(date +%s)" -ge "$UNTIL" ] && { log "--until reached: no more runs"; break 2; }
    runs=$((runs + 1))
    out=$WORK/run-$i-$(basename "$nb").txt
    start=$(now_ms)
    bin/netbook run --engine "$ENGINE" "$nb" >"$out" 2>&1 &
    pid=$!
    what=0 ended_first=0
    if [ "${LEN_N[$nb]:-0}" -gt 0 ]; then
      r=$((RANDOM % 6)) # 1/6 uninterrupted, 1/6 SIGINT, 2/6 SIGTERM, 2/6 SIGKILL
      case $r in 0) what=0 ;; 1) what=INT ;; 2 | 3) what=TERM ;; *) what=KILL ;; esac
    fi
    if [ "$what" != 0 ]; then
      len=$((LEN_SUM[$nb] / LEN_N[$nb]))
      at=$((start + (RANDOM * 32768 + RANDOM) % (len + 1)))
      while kill -0 $pid 2>/dev/null && [ "$(now_ms)" -lt $at ]; do sleep 0.05; done
      if kill -0 $pid 2>/dev/null; then
        kill -"$what" $pid
        echo "$(basename "$out") pid $pid: SIG$what at $((at - start)) ms of ~$len ms" >>"$WORK/signals"
        case $what in INT) ints=$((ints + 1)) ;; TERM) terms=$((terms + 1)) ;; KILL) kills=$((kills + 1)) ;; esac
      else
        missed=$((missed + 1)) ended_first=1 # the run ended before the point drawn
      fi
    fi
    for ((t = 0; t < RUN_TIMEOUT * 20; t++)); do kill -0 $pid 2>/dev/null || break; sleep 0.05; done
    if kill -0 $pid 2>/dev/null; then hung=$((hung + 1)); log "run $i of $nb hung: killed"; kill -KILL $pid; fi
    wait $pid 2>/dev/null
    [ "$what" = 0 ] && none=$((none + 1))
    if [ "$what" = 0 ] || [ "$ended_first" = 1 ]; then # a whole run: its length counts
      LEN_SUM[$nb]=$((${LEN_SUM[$nb]:-0} + $(now_ms) - start)) LEN_N[$nb]=$((${LEN_N[$nb]:-0} + 1))
    fi
    if grep -q $'^\tat \|Exception in thread' "$out"; then stacks=$((stacks + 1)); log "stack trace in $out"; fi
  done
  rounds=$i
  log "round $i of $N: runs=$runs sigint=$ints sigterm=$terms sigkill=$kills uninterrupted=$none ended-first=$missed"
done

leftovers=0 touched=0 foreign_n=0
if [ "$ENGINE" = docker ]; then
  # the soak's final start: its reaper removes the dead sessions of the soak's prefix, no others
  echo 1 | bin/netbook --engine docker >"$WORK/final.txt" 2>&1
  grep 'crashed sessions' "$WORK/final.txt" >&2
  soaks > "$WORK/leftovers"
  leftovers=$(wc -l < "$WORK/leftovers")
  sed 's/^/soak: leftover: /' "$WORK/leftovers" >&2
  foreign | not_soaks > "$WORK/after"
  foreign_n=$(wc -l < "$WORK/before")
  # touched: present before, and now gone or in another state or with other endpoints
  comm -23 "$WORK/before" "$WORK/after" > "$WORK/touched"
  touched=$(wc -l < "$WORK/touched")
  sed 's/^/soak: foreign changed: /' "$WORK/touched" >&2
  for s in "${SENTINELS[@]}"; do
    case $s in c\ *) docker rm -f "${s#c }" >/dev/null ;; esac
  done
  for s in "${SENTINELS[@]}"; do
    case $s in n\ *) docker network rm "${s#n }" >/dev/null ;; esac
  done
fi
wall=$((($(now_ms) - T0) / 1000))
interrupted=$((ints + terms + kills))
ok=ok
[ "$leftovers" -eq 0 ] && [ "$touched" -eq 0 ] && [ $stacks -eq 0 ] && [ $hung -eq 0 ] || ok=FAILED
echo "soak $ok: engine=$ENGINE N=$N rounds=$rounds notebooks=${#NBS[@]} runs=$runs interrupted=$interrupted" \
  "(sigint=$ints sigterm=$terms sigkill=$kills) not-interrupted=$((none + missed))" \
  "(by draw=$none, ended first=$missed) leftovers=$leftovers foreign-touched=$touched/$foreign_n" \
  "stack-traces=$stacks hung=$hung wall=${wall}s prefix=$PREFIX seed=$SEED (logs in $WORK)"
[ $ok = ok ]
