# The pragmatic deployment: the monolith (every module, SQLite) as one Fargate Spot task with its data dir on EFS,
# the web app on S3 + CloudFront, the API reached through CloudFront -> API Gateway (HTTP API) -> VPC link -> the
# task (found in Cloud Map), the server's own nightly backup to S3, and a budget alarm. No load balancer and no NAT
# gateway: together they would cost about eight times the rest. Decisions: docs/adr/0035-terraform-aws.md.

locals {
  name = "${var.project}-${var.environment}"
  port = 8080
}

data "aws_region" "current" {}

module "network" {
  source = "../modules/network"

  name            = local.name
  cidr_block      = var.vpc_cidr
  az_count        = 2 # the VPC link and EFS want two zones; the task runs in either
  private_subnets = false
}

# --- The cluster: Fargate and Fargate Spot ---

resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "disabled" # billed per metric; the task's logs and the budget are the monitoring here
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}

# --- Security groups: the task accepts HTTP from the VPC link only ---

resource "aws_security_group" "task" {
  name_prefix = "${local.name}-task-"
  description = "The TrackStack task: HTTP from API Gateway's VPC link, anything out"
  vpc_id      = module.network.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "task_from_vpc_link" {
  security_group_id            = aws_security_group.task.id
  referenced_security_group_id = module.http_api.vpc_link_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  description                  = "HTTP from API Gateway"
}

resource "aws_vpc_security_group_egress_rule" "task_out" {
  security_group_id = aws_security_group.task.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  description       = "The image registry, S3, SSM, CloudWatch Logs, SMTP, weather, webhooks"
}

# --- The data dir on EFS ---

module "data" {
  source = "../modules/efs"

  name                   = "${local.name}-data"
  vpc_id                 = module.network.vpc_id
  subnet_ids             = module.network.public_subnet_ids
  client_security_groups = { task = aws_security_group.task.id }
  access_points          = { data = "/trackstack" }
  uid                    = var.container_uid
  gid                    = var.container_gid
}

# --- Backups ---

module "backups" {
  source = "../modules/backup_bucket"

  bucket_prefix   = "${local.name}-backups-"
  writer_prefixes = { server = "pragmatic" }
}

# --- Secrets: the token signing key, generated once, in SSM Parameter Store (SecureString; standard tier is free) ---

resource "random_bytes" "signing_key" {
  length = 48
}

resource "aws_ssm_parameter" "signing_key" {
  name        = "/${var.project}/${var.environment}/auth/signing-key"
  description = "TrackStack__Auth__SigningKey: base64 of 48 random bytes that sign access tokens"
  type        = "SecureString"
  value       = random_bytes.signing_key.base64
}

# --- Service discovery: the task's address and port, for API Gateway's VPC link ---

resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = "${local.name}.internal"
  description = "TrackStack ${local.name}"
  vpc         = module.network.vpc_id
}

resource "aws_service_discovery_service" "app" {
  name = "app"

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.this.id
    routing_policy = "MULTIVALUE"
    dns_records {
      type = "SRV" # SRV carries the port, which API Gateway needs
      ttl  = 10
    }
  }
}

# --- The way in: CloudFront -> API Gateway -> VPC link -> the task ---

module "http_api" {
  source = "../modules/http_api"

  name            = local.name
  vpc_id          = module.network.vpc_id
  vpc_cidr        = module.network.cidr_block
  subnet_ids      = module.network.public_subnet_ids
  integration_uri = aws_service_discovery_service.app.arn
  target_port     = local.port
}

module "web" {
  source = "../modules/web"

  name              = local.name
  bucket_prefix     = "${local.name}-web-"
  api_origin_domain = module.http_api.endpoint_domain
  web_dist_dir      = var.web_dist_dir
  domain_name       = var.domain_name
  certificate_arn   = var.certificate_arn
}

# --- The monolith ---

locals {
  public_url = module.web.url
  environment = merge(
    {
      TrackStack__DataDir            = "/data"
      TrackStack__PublicBaseUrl      = local.public_url
      TrackStack__Database__Provider = "Sqlite"
      # API Gateway's VPC link connects from inside the VPC; its forwarded headers are believed from there only.
      TrackStack__TrustedProxies       = module.network.cidr_block
      TrackStack__Backup__Directory    = "s3://${module.backups.bucket}/pragmatic"
      TrackStack__Backup__HourUtc      = tostring(var.backup_hour_utc)
      TrackStack__Backup__KeepDaily    = tostring(var.backup_retention.daily)
      TrackStack__Backup__KeepWeekly   = tostring(var.backup_retention.weekly)
      TrackStack__Backup__KeepMonthly  = tostring(var.backup_retention.monthly)
      TrackStack__Backup__S3__Region   = data.aws_region.current.region
      TrackStack__Messaging__Transport = "InProcess"
    },
    var.settings,
  )
  secrets = merge(
    { TrackStack__Auth__SigningKey = aws_ssm_parameter.signing_key.arn },
    var.secret_parameters,
  )
}

module "app" {
  source = "../modules/service"

  name             = "${local.name}-app"
  cluster_arn      = aws_ecs_cluster.this.arn
  image            = var.image
  command          = ["serve", "--urls", "http://0.0.0.0:${local.port}"]
  cpu              = 256 # 0.25 vCPU
  memory           = 512 # 0.5 GB
  cpu_architecture = var.cpu_architecture
  uid              = var.container_uid
  gid              = var.container_gid
  port             = local.port

  environment   = local.environment
  secrets       = local.secrets
  task_policies = { backups = module.backups.writer_policy_json["server"] }

  efs = {
    file_system_id   = module.data.file_system_id
    file_system_arn  = module.data.file_system_arn
    access_point_id  = module.data.access_points["data"].id
    access_point_arn = module.data.access_points["data"].arn
    container_path   = "/data"
  }

  capacity_provider = "FARGATE_SPOT"
  desired_count     = 1
  # SQLite on EFS: one writer at a time, so a deployment stops the old task before it starts the new one.
  single_writer = true
  # A public subnet without NAT: the task needs its own public address to pull the image and reach AWS APIs.
  subnet_ids            = module.network.public_subnet_ids
  security_group_ids    = [aws_security_group.task.id]
  assign_public_ip      = true
  service_discovery_arn = aws_service_discovery_service.app.arn
  service_discovery_srv = true
  log_retention_days    = var.log_retention_days

  depends_on = [module.data, aws_ecs_cluster_capacity_providers.this]
}

# --- The budget ---

module "budget" {
  source = "../modules/budget"

  name      = "${local.name}-monthly"
  limit_usd = var.budget_limit_usd
  emails    = var.budget_emails
  project   = var.project
}
