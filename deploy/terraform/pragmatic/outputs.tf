output "url" {
  description = "The app: open it, sign up (the first account), install it on your phone."
  value       = module.web.url
}

output "cloudfront_domain" {
  description = "Point your domain_name's DNS record (CNAME or alias) here."
  value       = module.web.distribution_domain_name
}

output "web_bucket" {
  description = "Upload the web app here when web_dist_dir is not set."
  value       = module.web.bucket
}

output "web_upload_command" {
  description = "Uploads a build of web/ and makes CloudFront fetch it again."
  value       = "aws s3 sync ${abspath("${path.root}/../../../web/shell/dist")} s3://${module.web.bucket}/ --delete --exclude '*.br' --exclude '*.gz' && aws cloudfront create-invalidation --distribution-id ${module.web.distribution_id} --paths '/*'"
}

output "backup_location" {
  description = "Where the nightly backups go (restore with `TrackStack.Host restore <archive>`, or bridge them into enterprise)."
  value       = "s3://${module.backups.bucket}/pragmatic"
}

output "backup_bucket" {
  description = "The backup bucket (enterprise's bridge_source_bucket)."
  value       = module.backups.bucket
}

output "signing_key_parameter" {
  description = "The SSM parameter of the signing key (give it to enterprise as signing_key_parameter_arn so sessions survive the move)."
  value       = aws_ssm_parameter.signing_key.arn
}

output "cluster" {
  description = "The ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service" {
  description = "The ECS service of the monolith (`aws ecs update-service --desired-count 0` pauses it)."
  value       = module.app.service_name
}

output "logs" {
  description = "Follow the logs."
  value       = "aws logs tail ${module.app.log_group_name} --follow --region ${var.region}"
}
