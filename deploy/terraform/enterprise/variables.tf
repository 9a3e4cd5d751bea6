variable "region" {
  description = "AWS region, e.g. eu-central-1 or us-east-1."
  type        = string
  default     = "eu-central-1"
}

variable "project" {
  description = "Value of the project tag on every resource and prefix of their names."
  type        = string
  default     = "trackstack"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,19}$", var.project))
    error_message = "project must be 2-20 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "environment" {
  description = "Value of the environment tag, also part of the names. Differs from the pragmatic root's (prod) so both can live in one account and region while the data moves."
  type        = string
  default     = "services"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lowercase letters or digits."
  }
}

variable "image" {
  description = "The TrackStack container image: ghcr.io/<owner>/trackstack:<tag> (every service and the gateway run it)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$", var.image))
    error_message = "image must be a full reference with a tag or digest, e.g. ghcr.io/acme/trackstack:1.4.0."
  }
}

variable "cpu_architecture" {
  description = "X86_64, or ARM64 when the image is built for it."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "container_uid" {
  description = "The image's non-root user id (the .NET images' app user is 1654); owns the EFS data folder."
  type        = number
  default     = 1654

  validation {
    condition     = var.container_uid > 0
    error_message = "container_uid must not be root (0)."
  }
}

variable "container_gid" {
  description = "The image's group id."
  type        = number
  default     = 1654
}

variable "services" {
  description = "The TrackStack services (as scripts/cluster.sh runs them): name => the modules it runs and its Fargate size. Every module must be in exactly one service."
  type = map(object({
    modules = list(string)
    cpu     = optional(number, 256)
    memory  = optional(number, 512)
  }))
  default = {
    identity   = { modules = ["identity"], memory = 1024 } # 64 MiB per concurrent sign-in (Argon2id) on top of ~220 MiB
    households = { modules = ["households"] }
    expenses   = { modules = ["expenses"] }
    heating    = { modules = ["heating"] }
    nutrition  = { modules = ["nutrition"], memory = 1024 } # the 8,790 built-in foods and recipe photos
    training   = { modules = ["training"] }
    # Metrics, Dashboards and Reports read each other in-process (ADR 26).
    insights = { modules = ["metrics", "dashboards", "reports"], cpu = 512, memory = 1024 }
  }

  validation {
    condition     = contains(keys(var.services), "identity") && contains(keys(var.services), "households")
    error_message = "The services identity and households must exist: the others ask them about sessions and members (TrackStack__Services__IdentityUrl / HouseholdsUrl)."
  }

  validation {
    condition     = length(flatten([for s in values(var.services) : s.modules])) == length(distinct(flatten([for s in values(var.services) : s.modules])))
    error_message = "A module is listed in two services."
  }

  validation {
    condition     = alltrue([for k in keys(var.services) : can(regex("^[a-z][a-z0-9-]{1,15}$", k)) && k != "gateway"])
    error_message = "Service names are 2-16 lowercase letters, digits or dashes, and not \"gateway\" (the gateway is its own service)."
  }
}

variable "capacity_provider" {
  description = "FARGATE, or FARGATE_SPOT (about 70% cheaper; a task may be stopped with two minutes' notice and is replaced)."
  type        = string
  default     = "FARGATE_SPOT"

  validation {
    condition     = contains(["FARGATE", "FARGATE_SPOT"], var.capacity_provider)
    error_message = "capacity_provider must be FARGATE or FARGATE_SPOT."
  }
}

variable "schedule" {
  description = "When the services run: scaled to 1 at `start` and to 0 at `stop` (Application Auto Scaling cron, in time_zone); by default Saturday and Sunday 08:00-22:00. null runs them always."
  type = object({
    start     = string
    stop      = string
    time_zone = string
    # RDS is started before the services and stopped after them (EventBridge Scheduler, same time zone).
    database_start = optional(string, "cron(40 7 ? * SAT *)")
    database_stop  = optional(string, "cron(20 22 ? * SUN *)")
  })
  default = {
    start     = "cron(0 8 ? * SAT,SUN *)"  # Saturday and Sunday 08:00
    stop      = "cron(0 22 ? * SAT,SUN *)" # Saturday and Sunday 22:00
    time_zone = "Europe/Berlin"
  }

  validation {
    condition     = var.schedule == null || (can(regex("^cron\\(.+\\)$", var.schedule.start)) && can(regex("^cron\\(.+\\)$", var.schedule.stop)))
    error_message = "schedule.start and schedule.stop must be cron(...) expressions, e.g. cron(0 8 ? * SAT,SUN *)."
  }
}

variable "stop_database_when_idle" {
  description = "Start RDS at schedule.database_start and stop it at schedule.database_stop (EventBridge Scheduler; by default 20 minutes around the services). Storage is still billed; Amazon MQ cannot be stopped."
  type        = bool
  default     = true
}

variable "db_instance_class" {
  description = "RDS instance class (db.t4g.micro: 2 vCPU burstable, 1 GB)."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_engine_version" {
  description = "PostgreSQL major version (TrackStack needs 15 or newer)."
  type        = string
  default     = "17"

  validation {
    condition     = tonumber(split(".", var.db_engine_version)[0]) >= 15
    error_message = "TrackStack needs PostgreSQL 15 or newer."
  }
}

variable "db_allocated_storage_gb" {
  description = "RDS storage (gp3) in GB; 20 is the minimum."
  type        = number
  default     = 20

  validation {
    condition     = var.db_allocated_storage_gb >= 20
    error_message = "RDS gp3 storage starts at 20 GB."
  }
}

variable "db_multi_az" {
  description = "A standby in the second zone (doubles the instance price)."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Days of RDS automated backups (point-in-time recovery)."
  type        = number
  default     = 7
}

variable "mq_instance_type" {
  description = "Amazon MQ broker instance type (mq.t3.micro is the smallest and single-instance only)."
  type        = string
  default     = "mq.t3.micro"
}

variable "mq_engine_version" {
  description = "RabbitMQ version on Amazon MQ (3.13 is the RabbitMQ 3 line TrackStack is tested with, and runs on mq.t3)."
  type        = string
  default     = "3.13"
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per zone instead of one (one more always-on gateway)."
  type        = bool
  default     = false
}

variable "signing_key_parameter_arn" {
  description = "An existing SSM SecureString with the token signing key (the pragmatic deployment's signing_key_parameter output, so sessions survive the move; its value is copied into this deployment's own parameter), or null to generate one."
  type        = string
  default     = null
}

variable "bridge_archive" {
  description = "A monolith backup to import at start with the data bridge, e.g. s3://<pragmatic backup bucket>/pragmatic/trackstack-20261202T030000Z.tar.gz, or null."
  type        = string
  default     = null

  validation {
    condition     = var.bridge_archive == null || can(regex("^s3://[a-z0-9.-]+/.+\\.tar\\.gz$", var.bridge_archive))
    error_message = "bridge_archive must be an s3://bucket/.../trackstack-<time>.tar.gz archive."
  }
}

variable "run_start_tasks" {
  description = "Run the one-off start tasks during apply (create the module databases, then the data bridge when bridge_archive is set) with the AWS CLI of the machine running Terraform. false: run them yourself (output start_commands)."
  type        = bool
  default     = true
}

variable "domain_name" {
  description = "Your own host name for the app, or null for the *.cloudfront.net name."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 covering domain_name."
  type        = string
  default     = null
}

variable "web_dist_dir" {
  description = "Path of the built web app (web/shell/dist) for Terraform to upload, or null to sync it yourself."
  type        = string
  default     = null
}

variable "budget_limit_usd" {
  description = "Monthly budget in USD; e-mails go out at 80% and 100% of it and when the forecast passes it."
  type        = number
  default     = 100
}

variable "budget_emails" {
  description = "Who gets the budget alerts."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the logs of every service."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180 or 365."
  }
}

variable "settings" {
  description = "More TrackStack settings for every service and the gateway, as plain environment. Nothing secret: see secret_parameters."
  type        = map(string)
  default     = {}
}

variable "secret_parameters" {
  description = "Secret settings from SSM Parameter Store for every service: setting name => parameter ARN."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.secret_parameters) : can(regex("^arn:aws:ssm:", arn))])
    error_message = "Every value must be an SSM parameter ARN."
  }
}

variable "vpc_cidr" {
  description = "The VPC's IPv4 range."
  type        = string
  default     = "10.50.0.0/16"
}
