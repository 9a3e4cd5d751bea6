# One ECS service per TrackStack service (var.services, mirroring scripts/cluster.sh) and one for the gateway. Each
# registers its tasks in Cloud Map as <service>.<namespace>, which is how the gateway reaches the modules and the
# services reach Identity and Households.

resource "aws_service_discovery_private_dns_namespace" "this" {
  name        = "${local.name}.internal"
  description = "TrackStack ${local.name}: one name per service"
  vpc         = module.network.vpc_id
}

resource "aws_service_discovery_service" "this" {
  for_each = var.services

  name = each.key

  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.this.id
    routing_policy = "MULTIVALUE"
    dns_records {
      type = "A"
      ttl  = 10
    }
  }
}

locals {
  service_url = { for svc in keys(var.services) : svc => "http://${svc}.${aws_service_discovery_private_dns_namespace.this.name}:${local.port}" }

  # What every process shares (c_common_env in scripts/cluster.sh).
  common_environment = merge(
    {
      TrackStack__PublicBaseUrl           = module.web.url
      TrackStack__Services__IdentityUrl   = local.service_url["identity"]
      TrackStack__Services__HouseholdsUrl = local.service_url["households"]
      # The gateway and the ALB connect from inside the VPC; their forwarded headers are believed from there only.
      TrackStack__TrustedProxies = module.network.cidr_block
      TrackStack__DataDir        = "/data"
    },
    var.settings,
  )

  service_environment = merge(local.common_environment, {
    TrackStack__Database__Provider   = "Postgres"
    TrackStack__Messaging__Transport = "RabbitMq"
  })

  service_secrets = {
    for svc, s in var.services : svc => merge(
      {
        TrackStack__Auth__SigningKey                      = local.signing_key_arn
        TrackStack__Messaging__RabbitMq__ConnectionString = aws_ssm_parameter.mq_connection_string.arn
      },
      { for m in s.modules : "TrackStack__Database__ModuleConnectionStrings__${m}" => aws_ssm_parameter.module_connection_string[m].arn },
      var.secret_parameters,
    )
  }

  initial_count = local.always_on ? 1 : 0
}

module "service" {
  source   = "../modules/service"
  for_each = var.services

  name             = "${local.name}-${each.key}"
  cluster_arn      = aws_ecs_cluster.this.arn
  image            = var.image
  command          = ["serve", "--urls", "http://0.0.0.0:${local.port}", "--modules", join(",", each.value.modules)]
  cpu              = each.value.cpu
  memory           = each.value.memory
  cpu_architecture = var.cpu_architecture
  uid              = var.container_uid
  gid              = var.container_gid
  port             = local.port
  environment      = local.service_environment
  secrets          = local.service_secrets[each.key]
  efs              = local.efs

  capacity_provider     = var.capacity_provider
  desired_count         = local.initial_count
  subnet_ids            = module.network.private_subnet_ids
  security_group_ids    = [aws_security_group.tasks.id]
  service_discovery_arn = aws_service_discovery_service.this[each.key].arn
  log_retention_days    = var.log_retention_days

  depends_on = [module.data, aws_ecs_cluster_capacity_providers.this]
}

module "gateway" {
  source = "../modules/service"

  name             = "${local.name}-gateway"
  cluster_arn      = aws_ecs_cluster.this.arn
  image            = var.image
  command          = ["gateway", "--urls", "http://0.0.0.0:${local.port}"]
  cpu_architecture = var.cpu_architecture
  uid              = var.container_uid
  gid              = var.container_gid
  port             = local.port
  environment = merge(
    local.common_environment,
    { for m, svc in local.module_service : "TrackStack__Gateway__Modules__${m}" => local.service_url[svc] },
  )
  efs = local.efs

  capacity_provider  = var.capacity_provider
  desired_count      = local.initial_count
  subnet_ids         = module.network.private_subnet_ids
  security_group_ids = [aws_security_group.tasks.id]
  target_group_arn   = aws_lb_target_group.gateway.arn
  log_retention_days = var.log_retention_days

  depends_on = [aws_lb_listener.http, module.data, aws_ecs_cluster_capacity_providers.this]
}
