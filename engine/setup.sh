#!/usr/bin/env bash
# Installs what the engine pipeline needs and builds its Python module:
# Ray Data and maturin (pinned: what CI runs is what was measured), then
# the PyO3 module of python/ built and installed. It is built in the
# release profile, or in the test profile when `engine_profile=dev` is set
# before sourcing (CI: target/ is shared, so the test build's library is
# reused, where a release one would compile every dependency again).
# Sourced by engine/ci.sh and bench/engine.sh; run from the project root.
export PATH="$HOME/.local/bin:$PATH"
if ! python3 -c 'import ray.data, sys; sys.exit(ray.__version__ != "2.52.1")' >/dev/null 2>&1 \
  || ! command -v maturin >/dev/null 2>&1; then
  # Into the environment python3 runs in; a system Python that refuses
  # (PEP 668) gets them in the user's site instead.
  python3 -m pip install --quiet "ray[data]==2.52.1" "maturin==1.16.0" \
    || python3 -m pip install --quiet --user --break-system-packages "ray[data]==2.52.1" "maturin==1.16.0"
fi
rm -rf target/wheels
if [ "${engine_profile:-release}" = dev ]; then
  (cd python && maturin build --quiet -o ../target/wheels)
else
  (cd python && maturin build --release --quiet -o ../target/wheels)
fi
python3 -m pip install --quiet --force-reinstall --no-deps target/wheels/frontlog_engine-*.whl \
  || python3 -m pip install --quiet --user --break-system-packages --force-reinstall --no-deps target/wheels/frontlog_engine-*.whl
