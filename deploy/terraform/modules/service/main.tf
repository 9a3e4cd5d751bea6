# One TrackStack process on ECS Fargate: its task definition, CloudWatch log group, IAM roles and (unless
# create_service is false, for one-off tasks such as the data bridge) the ECS service that keeps it running.

data "aws_region" "current" {}

locals {
  container = "trackstack"
  environment = [
    for k in sort(keys(var.environment)) : { name = k, value = var.environment[k] }
  ]
  secrets = [
    for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }
  ]
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/trackstack/${var.name}"
  retention_in_days = var.log_retention_days
}

# --- IAM: the execution role (ECS pulls the image, writes logs, reads the secrets) and the task role (the app) ---

data "aws_iam_policy_document" "assume_ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name_prefix        = "${substr(var.name, 0, 24)}-exec-"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "read_secrets" {
  count = length(var.secrets) > 0 ? 1 : 0

  statement {
    sid     = "ReadTheTasksSecrets"
    actions = ["ssm:GetParameters"]
    # Only the parameters this task is given, never a wildcard over the account.
    resources = distinct([for arn in values(var.secrets) : arn])
  }
}

resource "aws_iam_role_policy" "read_secrets" {
  count = length(var.secrets) > 0 ? 1 : 0

  name   = "read-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.read_secrets[0].json
}

resource "aws_iam_role" "task" {
  name_prefix        = "${substr(var.name, 0, 24)}-task-"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs_tasks.json
}

# A map with keys written in the caller, so the set of policies is known at plan time even while their JSON is not
# (it names a bucket created in the same apply).
resource "aws_iam_role_policy" "task" {
  for_each = var.task_policies

  name   = each.key
  role   = aws_iam_role.task.id
  policy = each.value
}

data "aws_iam_policy_document" "efs" {
  count = var.efs == null ? 0 : 1

  statement {
    sid       = "MountTheDataVolume"
    actions   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    resources = [var.efs.file_system_arn]
    condition {
      test     = "StringEquals"
      variable = "elasticfilesystem:AccessPointArn"
      values   = [var.efs.access_point_arn]
    }
  }
}

resource "aws_iam_role_policy" "efs" {
  count = var.efs == null ? 0 : 1

  name   = "efs"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.efs[0].json
}

# --- The task definition ---

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  dynamic "volume" {
    for_each = var.efs == null ? [] : [var.efs]
    content {
      name = "data"
      efs_volume_configuration {
        file_system_id     = volume.value.file_system_id
        transit_encryption = "ENABLED" # TLS between the task and EFS (required with IAM authorization)
        authorization_config {
          access_point_id = volume.value.access_point_id
          iam             = "ENABLED"
        }
      }
    }
  }

  container_definitions = jsonencode([
    {
      name        = local.container
      image       = var.image
      essential   = true
      command     = var.command
      environment = local.environment
      secrets     = local.secrets
      # Fargate sends SIGTERM, then SIGKILL after this long: enough for the host to finish requests and the
      # outbox relay to hand over (a Spot interruption gives two minutes).
      stopTimeout = 30
      user        = "${var.uid}:${var.gid}"
      mountPoints = var.efs == null ? [] : [
        { sourceVolume = "data", containerPath = var.efs.container_path, readOnly = false }
      ]
      portMappings = var.port == null ? [] : [
        { name = "http", containerPort = var.port, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = data.aws_region.current.region
          awslogs-stream-prefix = var.name
        }
      }
      readonlyRootFilesystem = false
    }
  ])
}

# --- The service ---

resource "aws_ecs_service" "this" {
  count = var.create_service ? 1 : 0

  name            = var.name
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.desired_count
  # A module's migrations and its outbox relay are safe with two replicas, SQLite on a network volume is not:
  # max_percent 100 stops the old task before the new one starts where the service says so.
  deployment_minimum_healthy_percent = var.single_writer ? 0 : 100
  deployment_maximum_percent         = var.single_writer ? 100 : 200
  enable_execute_command             = var.enable_execute_command
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false
  health_check_grace_period_seconds  = var.target_group_arn == null ? null : 120

  capacity_provider_strategy {
    capacity_provider = var.capacity_provider
    weight            = 1
    base              = 0
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.security_group_ids
    assign_public_ip = var.assign_public_ip
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "service_registries" {
    for_each = var.service_discovery_arn == null ? [] : [var.service_discovery_arn]
    content {
      registry_arn = service_registries.value
      # An SRV record carries the port (API Gateway needs it); an A record only the address.
      container_name = var.service_discovery_srv ? local.container : null
      container_port = var.service_discovery_srv ? var.port : null
    }
  }

  dynamic "load_balancer" {
    for_each = var.target_group_arn == null ? [] : [var.target_group_arn]
    content {
      target_group_arn = load_balancer.value
      container_name   = local.container
      container_port   = var.port
    }
  }

  lifecycle {
    # Scheduled scaling (enterprise) and operators (`aws ecs update-service --desired-count 0`) own the count after
    # the first apply; Terraform would otherwise undo them on every plan.
    ignore_changes = [desired_count]
  }
}
