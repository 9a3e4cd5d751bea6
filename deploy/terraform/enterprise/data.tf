# State: RDS PostgreSQL (a database per module, created by the db-init task in start.tf), Amazon MQ for RabbitMQ,
# the shared data dir on EFS, and the secrets every service reads from SSM Parameter Store.

# --- Secrets ---

resource "random_password" "db" {
  length  = 32
  special = false # the password sits in Npgsql connection strings, where ; and = would need quoting
}

resource "random_password" "mq" {
  length  = 32
  special = false # Amazon MQ refuses , : = and the password sits in an amqps:// URI
}

resource "random_bytes" "signing_key" {
  count  = var.signing_key_parameter_arn == null ? 1 : 0
  length = 48
}

# A key handed over from another deployment (the pragmatic one's) is copied into a parameter of this deployment, so
# destroying that deployment later does not take the services' key with it.
data "aws_ssm_parameter" "handed_over_signing_key" {
  count           = var.signing_key_parameter_arn == null ? 0 : 1
  name            = var.signing_key_parameter_arn
  with_decryption = true
}

resource "aws_ssm_parameter" "signing_key" {
  name        = "/${var.project}/${var.environment}/auth/signing-key"
  description = "TrackStack__Auth__SigningKey: every service signs and checks tokens with it"
  type        = "SecureString"
  value       = var.signing_key_parameter_arn == null ? random_bytes.signing_key[0].base64 : data.aws_ssm_parameter.handed_over_signing_key[0].value
}

locals {
  signing_key_arn = aws_ssm_parameter.signing_key.arn
}

resource "aws_ssm_parameter" "db_password" {
  name        = "/${var.project}/${var.environment}/db/master-password"
  description = "RDS master password (PGPASSWORD of the db-init task)"
  type        = "SecureString"
  value       = random_password.db.result
}

resource "aws_ssm_parameter" "module_connection_string" {
  for_each = toset(local.modules)

  name        = "/${var.project}/${var.environment}/db/${each.key}"
  description = "TrackStack__Database__ModuleConnectionStrings__${each.key}"
  type        = "SecureString"
  value = join(";", [
    "Host=${aws_db_instance.this.address}",
    "Port=${aws_db_instance.this.port}",
    "Database=trackstack_${each.key}",
    "Username=${aws_db_instance.this.username}",
    "Password=${random_password.db.result}",
    "SSL Mode=Require", # RDS for PostgreSQL 15+ refuses clear-text connections (rds.force_ssl)
    "Include Error Detail=false",
  ])
}

resource "aws_ssm_parameter" "mq_connection_string" {
  name        = "/${var.project}/${var.environment}/mq/connection-string"
  description = "TrackStack__Messaging__RabbitMq__ConnectionString"
  type        = "SecureString"
  # endpoints[0] is amqps://b-<id>.mq.<region>.amazonaws.com:5671
  value = format("amqps://%s:%s@%s/", "trackstack", random_password.mq.result,
  trimprefix(aws_mq_broker.this.instances[0].endpoints[0], "amqps://"))
}

# --- RDS PostgreSQL ---

resource "aws_db_subnet_group" "this" {
  name       = local.name
  subnet_ids = module.network.private_subnet_ids
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${local.name}-pg${split(".", var.db_engine_version)[0]}-"
  family      = "postgres${split(".", var.db_engine_version)[0]}"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "this" {
  identifier     = local.name
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  allocated_storage     = var.db_allocated_storage_gb
  max_allocated_storage = var.db_allocated_storage_gb * 5
  storage_type          = "gp3"
  storage_encrypted     = true

  # No db_name: RDS creates the maintenance database "postgres"; db-init creates trackstack_<module> in it.
  username = "trackstack"
  password = random_password.db.result

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]
  parameter_group_name   = aws_db_parameter_group.this.name
  publicly_accessible    = false
  multi_az               = var.db_multi_az

  backup_retention_period    = var.db_backup_retention_days
  backup_window              = "01:00-01:30"
  maintenance_window         = "mon:02:00-mon:03:00" # a weekday, when nothing runs
  auto_minor_version_upgrade = true
  copy_tags_to_snapshot      = true
  deletion_protection        = true
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${local.name}-final"

  performance_insights_enabled = false

  lifecycle {
    # A minor version upgrade by RDS is not a change to undo.
    ignore_changes = [engine_version]
  }
}

# --- Amazon MQ for RabbitMQ ---

resource "aws_mq_broker" "this" {
  broker_name                = local.name
  engine_type                = "RabbitMQ"
  engine_version             = var.mq_engine_version
  host_instance_type         = var.mq_instance_type
  deployment_mode            = "SINGLE_INSTANCE"
  publicly_accessible        = false
  subnet_ids                 = [module.network.private_subnet_ids[0]]
  security_groups            = [aws_security_group.mq.id]
  auto_minor_version_upgrade = true # required from RabbitMQ 3.13 on
  apply_immediately          = true

  user {
    username = "trackstack"
    password = random_password.mq.result
  }

  logs {
    general = true
  }

  maintenance_window_start_time {
    day_of_week = "TUESDAY"
    time_of_day = "03:00"
    time_zone   = "UTC"
  }
}

# --- The shared data dir on EFS ---
# One folder for every service: their ASP.NET data-protection key ring (shared under the application name
# "TrackStack", as a web farm shares it) and Nutrition's recipe photos, which the data bridge puts there once.

module "data" {
  source = "../modules/efs"

  name                   = "${local.name}-data"
  vpc_id                 = module.network.vpc_id
  subnet_ids             = module.network.private_subnet_ids
  client_security_groups = { tasks = aws_security_group.tasks.id }
  access_points          = { data = "/trackstack" }
  uid                    = var.container_uid
  gid                    = var.container_gid
}

locals {
  efs = {
    file_system_id   = module.data.file_system_id
    file_system_arn  = module.data.file_system_arn
    access_point_id  = module.data.access_points["data"].id
    access_point_arn = module.data.access_points["data"].arn
    container_path   = "/data"
  }
}
