output "url" {
  description = "The app (served from S3; the API through API Gateway). The services answer Saturday and Sunday only, unless schedule = null."
  value       = module.web.url
}

output "cloudfront_domain" {
  description = "Point your domain_name's DNS record here."
  value       = module.web.distribution_domain_name
}

output "web_upload_command" {
  description = "Uploads a build of web/ and makes CloudFront fetch it again."
  value       = "aws s3 sync ${abspath("${path.root}/../../../web/shell/dist")} s3://${module.web.bucket}/ --delete --exclude '*.br' --exclude '*.gz' && aws cloudfront create-invalidation --distribution-id ${module.web.distribution_id} --paths '/*'"
}

output "cluster" {
  description = "The ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "services" {
  description = "TrackStack service => its ECS service and Cloud Map URL."
  value       = { for svc in keys(var.services) : svc => { ecs_service = module.service[svc].service_name, url = local.service_url[svc], modules = var.services[svc].modules } }
}

output "start_commands" {
  description = "The start tasks, for running them by hand (run_start_tasks = false): create the databases, then import a monolith's backup."
  value = {
    create_databases = "aws ecs run-task --region ${var.region} --cluster ${aws_ecs_cluster.this.name} --launch-type FARGATE --task-definition ${module.db_init.task_definition_family} --network-configuration '${local.network_configuration}'"
    data_bridge      = "aws ecs run-task --region ${var.region} --cluster ${aws_ecs_cluster.this.name} --launch-type FARGATE --task-definition ${module.data_bridge.task_definition_family} --network-configuration '${local.network_configuration}' --overrides '{\"containerOverrides\":[{\"name\":\"trackstack\",\"command\":[\"import-backup\",\"s3://BUCKET/pragmatic/trackstack-TIME.tar.gz\",\"--into\",\"distributed\"]}]}'"
  }
}

output "scale_now_command" {
  description = "Start every service now, outside the weekend window (the next scheduled stop scales them down again)."
  value       = "for s in ${join(" ", concat([for svc in keys(var.services) : module.service[svc].service_name], [module.gateway.service_name]))}; do aws ecs update-service --region ${var.region} --cluster ${aws_ecs_cluster.this.name} --service $s --desired-count 1 >/dev/null; done"
}

output "database_endpoint" {
  description = "RDS PostgreSQL (private; one database trackstack_<module> per module)."
  value       = aws_db_instance.this.address
}

output "broker_console" {
  description = "The RabbitMQ management console of Amazon MQ (reachable from inside the VPC only)."
  value       = aws_mq_broker.this.instances[0].console_url
}

output "signing_key_parameter" {
  description = "The SSM parameter of the token signing key."
  value       = local.signing_key_arn
}
