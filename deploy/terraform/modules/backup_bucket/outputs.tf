output "bucket" {
  description = "The bucket's name."
  value       = module.bucket.id
}

output "bucket_arn" {
  description = "The bucket's ARN."
  value       = module.bucket.arn
}

output "writer_policy_json" {
  description = "key => IAM policy that allows exactly that writer's prefix."
  value       = { for k, d in data.aws_iam_policy_document.writer : k => d.json }
}
