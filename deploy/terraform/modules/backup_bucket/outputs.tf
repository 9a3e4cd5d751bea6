output "bucket" {
  description = "The bucket's name."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "The bucket's ARN."
  value       = aws_s3_bucket.this.arn
}

output "writer_policy_json" {
  description = "key => IAM policy that allows exactly that writer's prefix."
  value       = { for k, d in data.aws_iam_policy_document.writer : k => d.json }
}
