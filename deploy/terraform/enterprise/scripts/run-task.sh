#!/usr/bin/env bash
# Runs one ECS task to completion and fails unless its container exited 0: the start tasks of the enterprise
# deployment (start.tf). Needs the AWS CLI v2 and CLUSTER, TASK_DEFINITION, NETWORK (awsvpcConfiguration JSON) and
# AWS_REGION in the environment. Usable by hand too, with the values of `terraform output start_commands`.
set -euo pipefail
: "${CLUSTER:?}" "${TASK_DEFINITION:?}" "${NETWORK:?}" "${AWS_REGION:?}"
command -v aws >/dev/null || { echo "run-task.sh: the AWS CLI is needed (or set run_start_tasks = false and run the tasks yourself)" >&2; exit 1; }

task=$(aws ecs run-task --cluster "$CLUSTER" --task-definition "$TASK_DEFINITION" --launch-type FARGATE \
  --network-configuration "$NETWORK" --started-by terraform --query 'tasks[0].taskArn' --output text)
[ -n "$task" ] && [ "$task" != None ] || { echo "run-task.sh: ECS did not start $TASK_DEFINITION" >&2; exit 1; }
echo "run-task.sh: started $task; logs: aws logs tail /trackstack/$(basename "${TASK_DEFINITION%:*}") --follow"

# `aws ecs wait tasks-stopped` gives up after 10 minutes; a large import may take longer.
deadline=$((SECONDS + ${TASK_TIMEOUT_SECONDS:-3600}))
while :; do
  status=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$task" --query 'tasks[0].lastStatus' --output text)
  [ "$status" = STOPPED ] && break
  [ $SECONDS -lt $deadline ] || { echo "run-task.sh: $task still $status after ${TASK_TIMEOUT_SECONDS:-3600} s" >&2; exit 1; }
  sleep 10
done

code=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$task" --query 'tasks[0].containers[0].exitCode' --output text)
reason=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$task" --query 'tasks[0].stoppedReason' --output text)
if [ "$code" != 0 ]; then
  echo "run-task.sh: $task exited with ${code} (${reason}); see its log above" >&2
  exit 1
fi
echo "run-task.sh: $task completed"
