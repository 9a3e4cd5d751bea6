output "url" {
  description = "Where the app is."
  value       = "https://${var.domain_name == null ? aws_cloudfront_distribution.this.domain_name : var.domain_name}"
}

output "distribution_id" {
  description = "The CloudFront distribution (for `aws cloudfront create-invalidation`)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_domain_name" {
  description = "The distribution's *.cloudfront.net name (the target of your DNS record)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "bucket" {
  description = "The web app's bucket (aws s3 sync web/shell/dist s3://<bucket>/ --exclude '*.br' --exclude '*.gz')."
  value       = module.bucket.id
}
