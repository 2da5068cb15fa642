#!/usr/bin/env bash
# Installs the Debian packages Orator uses, only those that are missing.
#   scripts/install-deps.sh          runtime: flite and espeak-ng libraries, codecs, the native worker's linker
#   scripts/install-deps.sh --test   also what the tests need (ffmpeg/ffprobe, node, chromium, python3, postgresql)
set -euo pipefail

# Engines (flite, espeak-ng) and the codec libraries behind mp3, opus, aac and flac.
packages=(flite libflite1 espeak-ng libespeak-ng1 espeak-ng-data libmp3lame0 libopus0 libflac12 libavcodec59 libavutil57)
# The C toolchain that links the natively compiled engine worker (scripts/build-native-worker.sh).
packages+=(gcc libc6-dev zlib1g-dev)
if [[ "${1:-}" == "--test" ]]; then
  # ffmpeg/ffprobe verify audio; node runs the official OpenAI Node SDK tests.
  packages+=(ffmpeg)
  # pocketsphinx aligns rendered speech independently of the engines: the word-timestamp tests.
  packages+=(pocketsphinx pocketsphinx-en-us)
  # PostgreSQL server binaries: the storage tests start a throwaway cluster (initdb/pg_ctl) on loopback.
  packages+=(postgresql)
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
  # The playground's browser tests (headless Chromium via playwright-core) and the snippet
  # escaping tests (python3 parses the Python snippet).
  packages+=(chromium)
  command -v python3 >/dev/null 2>&1 || packages+=(python3)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if (( ${#missing[@]} )); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
