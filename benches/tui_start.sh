#!/bin/bash
# Wall-clock start of the full-screen app on a large vault, as a person sees
# it: munje runs in a tmux pane, and the header is read every 50 ms.
#   list:    the note list is shown (names first, or the whole vault)
#   loaded:  the whole vault is in (the header shows today's reviews)
#   indexed: the search index of the whole vault is built
# Usage: benches/tui_start.sh BINARY VAULT
# Example: python3 ../shared/bench/gen_corpus.py target/v100k --notes 100000
#          benches/tui_start.sh target/release/munje target/v100k
set -u
BIN=$1
VAULT=$2
SESSION=munje-start-$$
DATA=$(mktemp -d)
tmux kill-session -t "$SESSION" 2>/dev/null
start=$(date +%s.%N)
tmux new -d -s "$SESSION" -x 100 -y 30 "MUNJE_DATA_DIR=$DATA LANG=ko_KR.UTF-8 $BIN --notes $VAULT"
list=""
loaded=""
for _ in $(seq 1 1200); do
  sleep 0.05
  header=$(tmux capture-pane -p -t "$SESSION" | head -1)
  now=$(date +%s.%N)
  if [ -z "$list" ] && echo "$header" | grep -q "본문과 문제\|오늘 복습"; then
    list=$(echo "$now - $start" | bc); echo "list: $list s"
  fi
  if [ -z "$loaded" ] && echo "$header" | grep -q "오늘 복습"; then
    loaded=$(echo "$now - $start" | bc); echo "loaded: $loaded s"
  fi
  if [ -n "$loaded" ] && ! echo "$header" | grep -q "색인"; then
    echo "indexed: $(echo "$now - $start" | bc) s"; break
  fi
done
tmux send-keys -t "$SESSION" q
sleep 0.3
tmux kill-session -t "$SESSION" 2>/dev/null
rm -rf "$DATA"
