#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for the reproduce --slurm test: its own munge key and socket, its own
# ports, state and logs under DIR, so that it disturbs no other Slurm or munge on the machine.
#   slurm-one-node.sh install           installs Debian's slurm-wlm and munge when missing
#   slurm-one-node.sh start DIR         writes DIR/slurm.conf, starts munged, slurmctld, slurmd; waits for the node
#   slurm-one-node.sh stop DIR          stops the three daemons started in DIR
# Clients find the cluster through SLURM_CONF=DIR/slurm.conf.
set -euo pipefail
cmd="${1:?install, start DIR or stop DIR}"
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"

case "$cmd" in
install)
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    echo "installing slurm-wlm and munge from Debian"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slurm-wlm munge >/dev/null
  fi
  ;;
start)
  dir="$(realpath -m "${2:?start DIR}")"
  mkdir -p "$dir"/{munge,state,spool,log}
  chmod 700 "$dir/munge"
  node="$(hostname -s)"
  cpus="$(nproc)"
  port=$(( 20000 + RANDOM % 20000 ))
  [ -f "$dir/munge/munge.key" ] || mungekey --create --keyfile="$dir/munge/munge.key"
  munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
         --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"
  cat > "$dir/slurm.conf" <<CONF
ClusterName=spokendigits-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -c
  slurmd
  for _ in $(seq 60); do
    state="$(sinfo -h -n "$node" -o %T 2>/dev/null || true)"
    [ "$state" = "idle" ] && { echo "slurm up: node $node ($cpus CPUs), $SLURM_CONF"; exit 0; }
    sleep 1
  done
  echo "the node did not come up (state '${state:-}'); logs in $dir/log" >&2
  exit 1
  ;;
stop)
  dir="$(realpath -m "${2:?stop DIR}")"
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -f "$pidfile" ] || continue
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done
  ;;
*) echo "unknown command $cmd" >&2; exit 2 ;;
esac
