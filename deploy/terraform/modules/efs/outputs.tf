output "file_system_id" {
  description = "The file system."
  value       = aws_efs_file_system.this.id
}

output "file_system_arn" {
  description = "The file system's ARN (for the tasks' mount permission)."
  value       = aws_efs_file_system.this.arn
}

output "access_points" {
  description = "key => { id, arn } of every access point."
  value       = { for k, ap in aws_efs_access_point.this : k => { id = ap.id, arn = ap.arn } }
}

output "mount_target_ids" {
  description = "The mount targets (a task can mount only once they exist)."
  value       = aws_efs_mount_target.this[*].id
}
