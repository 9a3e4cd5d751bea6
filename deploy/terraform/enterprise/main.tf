# The enterprise deployment: the distributed topology of scripts/cluster.sh on AWS. A VPC over two zones (public
# subnets with one NAT gateway, private subnets for everything else), one ECS Fargate service per TrackStack service
# and one for the gateway, RDS PostgreSQL (one instance, a database per module), Amazon MQ for RabbitMQ, CloudWatch
# logs, the web app on S3 + CloudFront, and the API through CloudFront -> API Gateway (HTTP API) -> VPC link ->
# internal ALB -> gateway -> services (Cloud Map names). The services run on weekends only (schedule.tf); the data
# bridge runs once at start (start.tf). Decisions: docs/adr/0035-terraform-aws.md.

locals {
  name = "${var.project}-${var.environment}"
  port = 8080

  # module => the service that runs it (the gateway's TrackStack__Gateway__Modules__<module>, the databases)
  module_service = merge([for svc, s in var.services : { for m in s.modules : m => svc }]...)
  modules        = sort(keys(local.module_service))
  always_on      = var.schedule == null
}

data "aws_region" "current" {}

module "network" {
  source = "../modules/network"

  name               = local.name
  cidr_block         = var.vpc_cidr
  az_count           = 2
  private_subnets    = true
  nat_gateway        = true
  nat_gateway_per_az = var.nat_gateway_per_az
}

resource "aws_ecs_cluster" "this" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = var.capacity_provider
    weight            = 1
  }
}

module "budget" {
  source = "../modules/budget"

  name      = "${local.name}-monthly"
  limit_usd = var.budget_limit_usd
  emails    = var.budget_emails
  project   = var.project
}
