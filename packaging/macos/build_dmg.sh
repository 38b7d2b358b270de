#!/usr/bin/env bash
# macOS: sign (hardened runtime), build the .dmg, notarize and staple.
# Run after `python packaging/build.py` produced build/dist/GistQuiz.app (one build per
# architecture: run it on an arm64 runner and on an x86_64 runner).
# Signing and notarization run only when their secrets exist, and are skipped cleanly otherwise:
#   MACOS_SIGN_IDENTITY   "Developer ID Application: ..." (a keychain with it is unlocked)
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(python3 -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
arch=$(uname -m)
app=build/dist/GistQuiz.app
dmg=dist/GistQuiz-${version}-macos-${arch}.dmg
[ -d "$app" ] || { echo "no $app: run python packaging/build.py first" >&2; exit 1; }
mkdir -p dist

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  echo "Signing with hardened runtime: $MACOS_SIGN_IDENTITY"
  # Inside-out: every Mach-O first, then the bundle.
  find "$app/Contents" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -u+x \) -print0 |
    xargs -0 -I{} codesign --force --timestamp --options runtime \
      --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGN_IDENTITY" {} 2>/dev/null || true
  codesign --force --timestamp --options runtime --entitlements packaging/macos/entitlements.plist \
    --sign "$MACOS_SIGN_IDENTITY" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
else
  echo "MACOS_SIGN_IDENTITY not set: skipping code signing (the app will be unsigned)."
fi

staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "GistQuiz" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$dmg"
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait
  xcrun stapler staple "$dmg"
else
  echo "Notarization secrets not set: skipping notarization and stapling."
fi
echo "$dmg"
