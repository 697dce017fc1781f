#!/bin/sh
# Makes assets/*.png from the real app: munje runs in a tmux window, keys
# are sent as a person would type them, each screen is captured with its
# colours (capture-pane -e) and drawn to PNG (ansi2svg.py, rsvg-convert).
# Needs tmux, python3, librsvg2-bin and fonts-noto-cjk. Run from the repo:
#   cargo build && sh assets/shoot.sh
set -eu
bin=${MUNJE:-target/debug/munje}
data=$(mktemp -d)
here=$(dirname "$0")
session=munje-shots
shot() {
    sleep 0.6
    tmux capture-pane -e -p -t "$session" | python3 "$here/ansi2svg.py" 100 > "$data/$1.svg"
    rsvg-convert "$data/$1.svg" -o "$here/$1.png"
    echo "$here/$1.png"
}
type_text() {
    tmux send-keys -t "$session" -l "$1"
    sleep 0.3
}
keys() {
    for k in "$@"; do
        tmux send-keys -t "$session" "$k"
        sleep 0.25
    done
}
tmux kill-session -t "$session" 2>/dev/null || true
tmux new-session -d -s "$session" -x 100 -y 30 "env LANG=ko_KR.UTF-8 $bin --data-dir $data"
sleep 1
# Study: the spot note, scrolled to its diagram.
keys /
type_text "스팟 기본"
keys Enter
shot study
keys 2 C-d
shot reader
# Search in Korean initial consonants.
keys /
type_text "ㅅㅍ ㅈㄷ"
shot search
keys Escape
# Practice on the open note (p opens the start dialog on it), in note
# order (shuffle off): a wrong answer and its feedback.
keys p Up Space Enter
shot quiz
keys a
shot feedback
keys Escape Enter Escape
# An exam from the start dialog.
keys Escape p Up Up Space Enter
keys a Right c Right m
keys r
shot exam-review
keys S Enter
shot exam-result
keys Escape
keys s
shot stats
keys Escape "?"
shot help
tmux kill-session -t "$session"
rm -rf "$data"
