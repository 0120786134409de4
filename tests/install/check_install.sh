#!/bin/sh
# check_install.sh BUILD_DIR CONSUMER_DIR SCRATCH_DIR
# Installs clvkit from BUILD_DIR into SCRATCH_DIR/prefix and builds the
# consumer program against the installed files only (pkg-config, then CMake).
set -eu
build=$1 consumer=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"
prefix=$scratch/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(ls -d "$prefix"/lib*/pkgconfig | head -n 1)
libdir=${libdir%/pkgconfig}

echo "== pkg-config (shared)"
export PKG_CONFIG_PATH=$libdir/pkgconfig
grep -q '^Libs.private: -lm' "$libdir/pkgconfig/clvkit.pc"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "$consumer/consumer.c" -o "$scratch/consumer-pc" \
   $(pkg-config --cflags --libs clvkit)
LD_LIBRARY_PATH=$libdir "$scratch/consumer-pc"

echo "== pkg-config (static)"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror "$consumer/consumer.c" -o "$scratch/consumer-static" \
   -static-libgcc $(pkg-config --cflags clvkit) "$libdir/libclvkit.a" \
   $(pkg-config --static --libs-only-l clvkit | sed 's/-lclvkit//')
"$scratch/consumer-static"

if [ -x "$prefix/bin/clvkit-sweep" ]; then
  echo "== the installed Lua module, through the installed runner"
  printf 'local ck = require "clvkit"\nassert(ck.clv(50, 12, 3, 100) == 1700)\nlocal r = ck.sweep("sql_budget", {max_cac = 200, sql_conversion = {0.05, 0.1}})\nassert(#r == 2 and r:row(1).sql_budget == 10)\nprint("lua: " .. ck._VERSION .. " installed")\n' > "$scratch/check.lua"
  (cd "$scratch" && env -u LUA_PATH -u LUA_CPATH "$prefix/bin/clvkit-sweep" check.lua)
fi

echo "== find_package(clvkit)"
cmake -S "$consumer" -B "$scratch/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$scratch/cmake-build" >/dev/null
LD_LIBRARY_PATH=$libdir "$scratch/cmake-build/consumer"
