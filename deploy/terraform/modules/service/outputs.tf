output "task_definition_arn" {
  description = "The task definition (its latest revision)."
  value       = aws_ecs_task_definition.this.arn
}

output "task_definition_family" {
  description = "The task family, for `aws ecs run-task --task-definition`."
  value       = aws_ecs_task_definition.this.family
}

output "service_name" {
  description = "The ECS service, or null without one."
  value       = var.create_service ? aws_ecs_service.this[0].name : null
}

output "log_group_name" {
  description = "The CloudWatch log group."
  value       = aws_cloudwatch_log_group.this.name
}

output "task_role_arn" {
  description = "The role the app runs as."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "The role ECS uses to start the task."
  value       = aws_iam_role.execution.arn
}
