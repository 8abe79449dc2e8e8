#!/usr/bin/env bash
# The study on a Slurm cluster, one shard per array task:
#
#   sbatch --array=0-15 study/slurm.sh            # 16 tasks (any count works)
#   descent merge study/results --output study/results/merged.jsonl   # when all are done
#   descent profile study/results/merged.jsonl --output study/profiles
#
# Each task reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN,
# runs every n-th run of the specification's fixed order into its own
# results-shard-i-of-n.jsonl, and skips the runs already there: a requeued or
# preempted task resumes. The results folder must be on a file system every node sees.
#SBATCH --job-name=descent-study
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=01:00:00
#SBATCH --output=study/logs/%A_%a.out
#SBATCH --requeue
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-.}"
mkdir -p study/logs
descent="${DESCENT:-.build/release/descent}"
[ -x "$descent" ] || swift build -c release --product descent
exec "$descent" study study/suite.yaml --output study/results --jobs "${SLURM_CPUS_PER_TASK:-2}"
