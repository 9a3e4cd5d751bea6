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
  description = "Value of the environment tag (prod, staging, ...), also part of the names."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "environment must be 2-10 lowercase letters or digits."
  }
}

variable "image" {
  description = "The TrackStack container image: ghcr.io/<owner>/trackstack:<tag> (a tag or digest, never latest in production)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$", var.image))
    error_message = "image must be a full reference with a tag or digest, e.g. ghcr.io/acme/trackstack:1.4.0."
  }
}

variable "cpu_architecture" {
  description = "X86_64, or ARM64 when the image is built for it (Graviton Fargate is about 20% cheaper)."
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

variable "domain_name" {
  description = "Your own host name for the app (e.g. track.example.org), or null to use the *.cloudfront.net name."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 covering domain_name (required with domain_name)."
  type        = string
  default     = null
}

variable "web_dist_dir" {
  description = "Path of the built web app (web/shell/dist) for Terraform to upload, or null to sync it yourself."
  type        = string
  default     = null
}

variable "backup_hour_utc" {
  description = "Hour (UTC) of the nightly backup to S3 (TrackStack__Backup__HourUtc)."
  type        = number
  default     = 3

  validation {
    condition     = var.backup_hour_utc >= 0 && var.backup_hour_utc <= 23
    error_message = "backup_hour_utc must be 0-23."
  }
}

variable "backup_retention" {
  description = "Backups kept after each nightly backup: the newest of each of the last `daily` days, `weekly` ISO weeks and `monthly` months."
  type = object({
    daily   = number
    weekly  = number
    monthly = number
  })
  default = { daily = 7, weekly = 4, monthly = 12 }
}

variable "budget_limit_usd" {
  description = "Monthly budget in USD; e-mails go out at 80% and 100% of it and when the forecast passes it (the expected bill is about $7.70, docs/deployment/aws.md)."
  type        = number
  default     = 10
}

variable "budget_emails" {
  description = "Who gets the budget alerts."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the logs."
  type        = number
  default     = 14

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365], var.log_retention_days)
    error_message = "log_retention_days must be a CloudWatch retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180 or 365."
  }
}

variable "settings" {
  description = "More TrackStack settings as plain environment (e.g. TrackStack__Smtp__Host). Nothing secret: see secret_parameters."
  type        = map(string)
  default     = {}
}

variable "secret_parameters" {
  description = "Secret settings from SSM Parameter Store you created (aws ssm put-parameter --type SecureString): setting name => parameter ARN, e.g. TrackStack__Smtp__Password."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for arn in values(var.secret_parameters) : can(regex("^arn:aws:ssm:", arn))])
    error_message = "Every value must be an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/...)."
  }
}

variable "vpc_cidr" {
  description = "The VPC's IPv4 range."
  type        = string
  default     = "10.40.0.0/16"
}
