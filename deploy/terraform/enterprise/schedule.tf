# Weekends only: every service and the gateway scale to 1 at schedule.start (Saturday and Sunday 08:00) and back to
# 0 at schedule.stop (22:00 on both days), in schedule.time_zone; RDS is started on Saturday morning before them and
# stopped on Sunday night after them. Amazon MQ,
# the NAT gateway and the ALB cannot be stopped and bill every hour (docs/deployment/aws.md, cost table).

locals {
  scaled = {
    for k, v in merge(
      { for svc in keys(var.services) : svc => module.service[svc].service_name },
      { gateway = module.gateway.service_name },
    ) : k => v if !local.always_on
  }
}

resource "aws_appautoscaling_target" "service" {
  for_each = local.scaled

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${each.value}"
  min_capacity       = 0
  max_capacity       = 1

  lifecycle {
    # The scheduled actions move min and max every weekend.
    ignore_changes = [min_capacity, max_capacity]
  }
}

resource "aws_appautoscaling_scheduled_action" "weekend_start" {
  for_each = local.scaled

  name               = "${each.value}-weekend-start"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  schedule           = var.schedule.start
  timezone           = var.schedule.time_zone

  scalable_target_action {
    min_capacity = 1
    max_capacity = 1
  }
}

resource "aws_appautoscaling_scheduled_action" "weekend_stop" {
  for_each = local.scaled

  name               = "${each.value}-weekend-stop"
  service_namespace  = aws_appautoscaling_target.service[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.service[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.service[each.key].resource_id
  schedule           = var.schedule.stop
  timezone           = var.schedule.time_zone

  scalable_target_action {
    min_capacity = 0
    max_capacity = 0
  }

  # Application Auto Scaling rejects concurrent changes to one target.
  depends_on = [aws_appautoscaling_scheduled_action.weekend_start]
}

# --- RDS: started before the services, stopped after them (EventBridge Scheduler's universal targets) ---

locals {
  stop_db = !local.always_on && var.stop_database_when_idle
}

data "aws_iam_policy_document" "scheduler_assume" {
  count = local.stop_db ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  count = local.stop_db ? 1 : 0

  name_prefix        = "${local.name}-rds-sched-"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume[0].json
}

data "aws_iam_policy_document" "scheduler" {
  count = local.stop_db ? 1 : 0

  statement {
    actions   = ["rds:StartDBInstance", "rds:StopDBInstance"]
    resources = [aws_db_instance.this.arn]
  }
}

resource "aws_iam_role_policy" "scheduler" {
  count = local.stop_db ? 1 : 0

  name   = "start-stop-rds"
  role   = aws_iam_role.scheduler[0].id
  policy = data.aws_iam_policy_document.scheduler[0].json
}

resource "aws_scheduler_schedule" "db_start" {
  count = local.stop_db ? 1 : 0

  name                         = "${local.name}-db-start"
  schedule_expression          = var.schedule.database_start
  schedule_expression_timezone = var.schedule.time_zone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:rds:startDBInstance"
    role_arn = aws_iam_role.scheduler[0].arn
    input    = jsonencode({ DbInstanceIdentifier = aws_db_instance.this.identifier })
  }
}

resource "aws_scheduler_schedule" "db_stop" {
  count = local.stop_db ? 1 : 0

  name                         = "${local.name}-db-stop"
  schedule_expression          = var.schedule.database_stop
  schedule_expression_timezone = var.schedule.time_zone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:aws:scheduler:::aws-sdk:rds:stopDBInstance"
    role_arn = aws_iam_role.scheduler[0].arn
    input    = jsonencode({ DbInstanceIdentifier = aws_db_instance.this.identifier })
  }
}
