#!/usr/bin/env bash
# Installs the command-line tools gazette's tests read PDFs back with, and the
# system fonts the font tests load (a TTF and a TTC), and the browser the HTML
# edition's tests open its pages in, when they are missing.
# Debian/Ubuntu only; elsewhere it says what to install and stops.
set -euo pipefail

need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v gs >/dev/null || need+=(ghostscript)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)  # .doc/.xls conversion tests
command -v chromium >/dev/null || need+=(chromium)   # renders the HTML edition in the tests
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || need+=(fonts-arphic-gbsn00lp)
[ -f /usr/share/fonts/truetype/arphic/uming.ttc ] || need+=(fonts-arphic-uming)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
# Noto Serif/Sans CJK (OTC collections): the fallback tests print the names and the 8,105 characters
# of the 通用规范汉字表 the built-in Fandol faces lack from the installed fonts.
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || need+=(fonts-noto-cjk)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "请先安装：${need[*]}（tests need: ${need[*]}）" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing test tools: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
