#!/bin/bash
# Peak memory of the full-screen app on a large vault, as issue #15 takes
# it: munje runs in a tmux pane under /usr/bin/time (or heaptrack with
# TOOL=heaptrack), until the header shows today's reviews without the
# search index being built; then 체크포인트 (or $QUERY) is searched and
# the app quits. With KEYS=1 the query is typed a key at a time, a
# quarter second apart, each key a search (the memory of a person typing
# a long query).
# Usage: benches/app_memory.sh BINARY VAULT OUT
# Example: benches/app_memory.sh target/release/munje target/v100k /tmp/mem.txt
#          KEYS=1 QUERY='spark streaming checkpoint emr task node' benches/app_memory.sh ...
#          TOOL=heaptrack benches/app_memory.sh target/release/munje target/v100k /tmp/heap
set -u
BIN=$1
VAULT=$2
OUT=$3
SESSION=munje-memory-$$
DATA=$(mktemp -d)
rm -f "$OUT"
if [ "${TOOL:-time}" = heaptrack ]; then
  RUN="heaptrack -o $OUT $BIN --notes $VAULT"
else
  RUN="/usr/bin/time -o $OUT -f '%e s wall %U u %S s %M KB' $BIN --notes $VAULT"
fi
tmux new -d -s "$SESSION" -x 100 -y 30 "MUNJE_DATA_DIR=$DATA LANG=ko_KR.UTF-8 $RUN"
for _ in $(seq 1 1200); do
  sleep 0.1
  header=$(tmux capture-pane -p -t "$SESSION" | head -1)
  if echo "$header" | grep -q "오늘 복습" && ! echo "$header" | grep -q "색인"; then break; fi
done
sleep 0.5
tmux send-keys -t "$SESSION" /
sleep 0.3
QUERY=${QUERY:-체크포인트}
if [ "${KEYS:-0}" = 1 ]; then
  for (( i=0; i<${#QUERY}; i++ )); do
    tmux send-keys -t "$SESSION" -l "${QUERY:$i:1}"
    sleep 0.25
  done
else
  tmux send-keys -t "$SESSION" -l "$QUERY"
fi
sleep 3
tmux capture-pane -p -t "$SESSION" | sed -n 3,4p
tmux send-keys -t "$SESSION" Escape
sleep 0.3
tmux send-keys -t "$SESSION" q
# heaptrack writes its file after the app ends.
for _ in $(seq 1 300); do
  tmux has-session -t "$SESSION" 2>/dev/null || break
  sleep 0.2
done
tmux kill-session -t "$SESSION" 2>/dev/null
rm -rf "$DATA"
[ -f "$OUT" ] && cat "$OUT"
