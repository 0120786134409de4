#!/bin/sh
# check_format.sh SOURCE_DIR: every C and C++ file of the tree is as
# clang-format (the .clang-format at the top) writes it.  Fix with
#   git ls-files '*.c' '*.h' '*.cxx' '*.hxx' | xargs clang-format -i
set -e
cd "$1"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files '*.c' '*.h' '*.cxx' '*.hxx')
else
  files=$(find src include lua addin postgres tests examples bench \
          \( -name '*.c' -o -name '*.h' -o -name '*.cxx' -o -name '*.hxx' \) -print)
fi
# shellcheck disable=SC2086
clang-format --style=file --dry-run -Werror $files
echo "$(echo "$files" | wc -l) files formatted as .clang-format says"
