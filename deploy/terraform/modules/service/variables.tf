variable "name" {
  description = "Service name: the ECS service, task family, log group (/trackstack/<name>) and role prefixes."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,31}$", var.name))
    error_message = "name must be 2-32 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "cluster_arn" {
  description = "The ECS cluster the service runs in."
  type        = string
}

variable "image" {
  description = "The TrackStack container image, e.g. ghcr.io/<owner>/trackstack:<tag>."
  type        = string
}

variable "command" {
  description = "Arguments to the image's entrypoint (the TrackStack host), e.g. [\"serve\", \"--urls\", \"http://0.0.0.0:8080\"]."
  type        = list(string)
}

variable "cpu" {
  description = "Fargate CPU units (256 = 0.25 vCPU)."
  type        = number
  default     = 256

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096], var.cpu)
    error_message = "cpu must be a Fargate size: 256, 512, 1024, 2048 or 4096."
  }
}

variable "memory" {
  description = "Fargate memory in MiB (512 with 256 CPU units is the smallest task)."
  type        = number
  default     = 512
}

variable "cpu_architecture" {
  description = "X86_64 or ARM64 (Graviton, about 20% cheaper) - the image must be built for it."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "uid" {
  description = "The non-root user the container runs as (the image's user); also the owner of the EFS access point."
  type        = number
  default     = 1654
}

variable "gid" {
  description = "The group the container runs as."
  type        = number
  default     = 1654
}

variable "port" {
  description = "The container's HTTP port, or null for a task that serves nothing (the data bridge)."
  type        = number
  default     = 8080
}

variable "environment" {
  description = "Plain settings (TrackStack__...). Nothing secret: passwords, keys and connection strings go in secrets."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.environment) : !can(regex("(?i)(password|secret|signingkey|accesskey|connectionstring)", k))])
    error_message = "A secret-looking setting was given as plain environment; pass it in secrets (an SSM parameter ARN)."
  }
}

variable "secrets" {
  description = "Settings read from SSM Parameter Store (SecureString) at start: setting name => parameter ARN."
  type        = map(string)
  default     = {}
}

variable "task_policies" {
  description = "IAM policies of what the app itself may do: name => policy JSON (e.g. { backups = <the bucket's writer policy> })."
  type        = map(string)
  default     = {}
}

variable "efs" {
  description = "The data volume: an EFS file system and access point mounted at container_path, or null."
  type = object({
    file_system_id   = string
    file_system_arn  = string
    access_point_id  = string
    access_point_arn = string
    container_path   = string
  })
  default = null
}

variable "create_service" {
  description = "false: only the task definition, for one-off tasks run with `aws ecs run-task`."
  type        = bool
  default     = true
}

variable "desired_count" {
  description = "Tasks at the first apply (afterwards scaling or operators own the count)."
  type        = number
  default     = 1
}

variable "capacity_provider" {
  description = "FARGATE or FARGATE_SPOT (about 70% cheaper; a task may be stopped with two minutes' notice)."
  type        = string
  default     = "FARGATE"

  validation {
    condition     = contains(["FARGATE", "FARGATE_SPOT"], var.capacity_provider)
    error_message = "capacity_provider must be FARGATE or FARGATE_SPOT."
  }
}

variable "single_writer" {
  description = "Never run two tasks at once, even during a deployment (SQLite on EFS)."
  type        = bool
  default     = false
}

variable "subnet_ids" {
  description = "Subnets of the task's network interface."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups of the task."
  type        = list(string)
  default     = []
}

variable "assign_public_ip" {
  description = "Give the task a public IPv4 address (needed in a public subnet without NAT to pull the image)."
  type        = bool
  default     = false
}

variable "service_discovery_arn" {
  description = "A Cloud Map service the tasks register in (SRV records: address and port), or null."
  type        = string
  default     = null
}

variable "service_discovery_srv" {
  description = "The Cloud Map service uses SRV records (address and port) rather than A records."
  type        = bool
  default     = false
}

variable "target_group_arn" {
  description = "An ALB target group the tasks register in, or null."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the logs."
  type        = number
  default     = 14
}

variable "enable_execute_command" {
  description = "Allow `aws ecs execute-command` into the task (needs the SSM agent's permissions on the task role)."
  type        = bool
  default     = false
}
