#!/usr/bin/env bash
# Checks the deploy files client-side, without a cluster or a container engine (neither exists on build machines):
# the Kubernetes manifests and the compose file parse and hang together (deploy/validate/check_manifests.py), and the
# Dockerfiles publish the projects that exist and start the DLLs those projects build.
#
#   deploy/validate.sh                              # structure only
#   deploy/validate.sh SILO_PUBLISH GATEWAY_PUBLISH # also: each image's ENTRYPOINT DLL is in that publish output
set -euo pipefail
cd "$(dirname "$0")/.."
python3 deploy/validate/check_manifests.py "$@"
