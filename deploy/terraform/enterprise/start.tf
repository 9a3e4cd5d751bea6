# The one-off tasks at start: db-init creates the database of every module (RDS creates only one), then the data
# bridge imports a monolith's backup into them (`import-backup s3://... --into distributed`, ADR 33).
#
# They run from `terraform apply` (terraform_data + local-exec, with the AWS CLI of the machine that applies), so an
# apply ends with a cluster that holds its data, and again only when what they depend on changes: db-init when the
# module list or its task changes (it creates only missing databases), the bridge when bridge_archive changes (it
# refuses databases that already hold rows, so a second run cannot overwrite anything). Both are ordinary task
# definitions too: run_start_tasks = false prints the same `aws ecs run-task` commands (output start_commands) for
# an operator, or a pipeline without the AWS CLI, to run by hand.

locals {
  databases = [for m in local.modules : "trackstack_${m}"]
  network_configuration = jsonencode({
    awsvpcConfiguration = {
      subnets        = module.network.private_subnet_ids
      securityGroups = [aws_security_group.tasks.id]
      assignPublicIp = "DISABLED"
    }
  })
  bridge_bucket = var.bridge_archive == null ? null : regex("^s3://([^/]+)/", var.bridge_archive)[0]
}

module "db_init" {
  source = "../modules/service"

  name             = "${local.name}-db-init"
  cluster_arn      = aws_ecs_cluster.this.arn
  create_service   = false
  image            = "public.ecr.aws/docker/library/postgres:${split(".", var.db_engine_version)[0]}-alpine"
  cpu_architecture = var.cpu_architecture
  uid              = 70 # the postgres user of the alpine image
  gid              = 70
  port             = null
  command = ["sh", "-ec", join("\n", [
    "for db in ${join(" ", local.databases)}; do",
    "  if psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\" | grep -q 1; then echo \"$db exists\";",
    "  else psql -qc \"CREATE DATABASE $db\" && echo \"$db created\"; fi",
    "done",
  ])]
  environment = {
    PGHOST     = aws_db_instance.this.address
    PGPORT     = tostring(aws_db_instance.this.port)
    PGUSER     = aws_db_instance.this.username
    PGDATABASE = "postgres"
    PGSSLMODE  = "require"
  }
  secrets            = { PGPASSWORD = aws_ssm_parameter.db_password.arn }
  log_retention_days = var.log_retention_days
}

data "aws_iam_policy_document" "bridge" {
  count = local.bridge_bucket == null ? 0 : 1

  statement {
    sid       = "ReadTheArchive"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${local.bridge_bucket}/*"]
  }

  statement {
    sid       = "FindTheArchive"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::${local.bridge_bucket}"]
  }
}

module "data_bridge" {
  source = "../modules/service"

  name             = "${local.name}-data-bridge"
  cluster_arn      = aws_ecs_cluster.this.arn
  create_service   = false
  image            = var.image
  cpu              = 512
  memory           = 2048 # the archive is unpacked and checked against its manifest before anything is written
  cpu_architecture = var.cpu_architecture
  uid              = var.container_uid
  gid              = var.container_gid
  port             = null
  # Without an archive the definition still exists, for `aws ecs run-task --overrides` with one.
  command = var.bridge_archive == null ? ["import-backup", "--help"] : ["import-backup", var.bridge_archive, "--into", "distributed"]
  environment = {
    TrackStack__Database__Provider = "Postgres"
    # The backup's files (data-protection keys, recipe photos) land in the data dir every service shares.
    TrackStack__DataDir            = "/data"
    TrackStack__Backup__S3__Region = data.aws_region.current.region
  }
  secrets = merge(
    { TrackStack__Auth__SigningKey = local.signing_key_arn },
    { for m in local.modules : "TrackStack__Database__ModuleConnectionStrings__${m}" => aws_ssm_parameter.module_connection_string[m].arn },
  )
  task_policies      = { for k in local.bridge_bucket == null ? [] : ["read-archive"] : k => data.aws_iam_policy_document.bridge[0].json }
  efs                = local.efs
  log_retention_days = var.log_retention_days

  depends_on = [module.data]
}

resource "terraform_data" "create_databases" {
  count = var.run_start_tasks ? 1 : 0

  triggers_replace = [module.db_init.task_definition_arn, local.databases]

  provisioner "local-exec" {
    command = "${path.module}/scripts/run-task.sh"
    environment = {
      AWS_REGION      = var.region
      CLUSTER         = aws_ecs_cluster.this.name
      TASK_DEFINITION = module.db_init.task_definition_arn
      NETWORK         = local.network_configuration
    }
  }

  depends_on = [aws_db_instance.this, aws_vpc_security_group_ingress_rule.db_from_tasks, module.network]
}

resource "terraform_data" "data_bridge" {
  count = var.run_start_tasks && var.bridge_archive != null ? 1 : 0

  triggers_replace = [var.bridge_archive]

  provisioner "local-exec" {
    command = "${path.module}/scripts/run-task.sh"
    environment = {
      AWS_REGION      = var.region
      CLUSTER         = aws_ecs_cluster.this.name
      TASK_DEFINITION = module.data_bridge.task_definition_arn
      NETWORK         = local.network_configuration
    }
  }

  depends_on = [terraform_data.create_databases, module.data]
}
