#!/bin/bash
# Wall-clock time from saving an edited note to the app showing it, as a
# person sees it: munje runs in a tmux pane on a copy of a vault, waits
# until the whole vault and its search index are in, then one sentence is
# added to the open note's key point and the pane is read every 20 ms.
# The figure includes the watcher's 300 ms debounce.
# Usage: benches/live_edit.sh BINARY VAULT_COPY   (VAULT_COPY is written into)
# Example: cp -r target/v100k /tmp/v100k-edit
#          benches/live_edit.sh target/release/munje /tmp/v100k-edit
set -u
BIN=$1
VAULT=$2
SESSION=munje-edit-$$
DATA=$(mktemp -d)
tmux kill-session -t "$SESSION" 2>/dev/null
tmux new -d -s "$SESSION" -x 100 -y 30 "MUNJE_DATA_DIR=$DATA LANG=ko_KR.UTF-8 $BIN --notes $VAULT"
for _ in $(seq 1 1200); do
  sleep 0.1
  header=$(tmux capture-pane -p -t "$SESSION" | head -1)
  if echo "$header" | grep -q "오늘 복습" && ! echo "$header" | grep -q "색인"; then break; fi
done
sleep 2
# The open note: its path is on the reader's fifth line.
rel=$(tmux capture-pane -p -t "$SESSION" | grep -o '[^ │]*\.md' | head -1)
mark="고친문장$$"
# Written and watched from one process, so the clock starts at the write.
python3 - "$VAULT/$rel" "$mark" "$SESSION" <<'PY'
import subprocess, sys, time
path, mark, session = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
text = text.replace("## 🎯 핵심 포인트\n", "## 🎯 핵심 포인트\n\n" + mark + "\n", 1)
start = time.monotonic()
with open(path, "w", encoding="utf-8") as f:
    f.write(text)
while time.monotonic() - start < 30:
    pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                          capture_output=True, text=True).stdout
    if mark in pane:
        print("shown: %.0f ms after the save (%s)" % ((time.monotonic() - start) * 1000, path))
        break
    time.sleep(0.01)
PY
tmux send-keys -t "$SESSION" q
sleep 0.3
tmux kill-session -t "$SESSION" 2>/dev/null
rm -rf "$DATA"
