#!/bin/sh
# Portable tar.gz: add (or with --remove, take away) a desktop entry and icons for the current
# user, pointing at this unpacked folder. Nothing outside ~/.local is touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
id=io.github.gistquiz.GistQuiz
if [ "${1:-}" = "--remove" ]; then
  rm -f "$data/applications/$id.desktop"
  find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
  echo "GistQuiz desktop entry removed."
  exit 0
fi
mkdir -p "$data/applications"
cp -R "$here/share/icons/hicolor" "$data/icons/" 2>/dev/null || { mkdir -p "$data/icons"; cp -R "$here/share/icons/hicolor" "$data/icons/"; }
sed "s|^Exec=gistquiz|Exec=\"$here/gistquiz\"|" "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "GistQuiz added to your applications menu (run with --remove to undo)."
