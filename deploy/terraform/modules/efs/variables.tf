variable "name" {
  description = "Name of the file system and prefix of its security group."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the mount targets."
  type        = string
}

variable "subnet_ids" {
  description = "One mount target per subnet (one per zone the tasks run in)."
  type        = list(string)
}

variable "client_security_groups" {
  description = "Security groups of the tasks allowed to mount: a name of your choice => security group ID (the names keep for_each known at plan time)."
  type        = map(string)
}

variable "access_points" {
  description = "Access points to create: key => root folder on the file system (e.g. { data = \"/trackstack\" })."
  type        = map(string)

  validation {
    condition     = alltrue([for p in values(var.access_points) : startswith(p, "/") && p != "/"])
    error_message = "Every access point needs a folder of its own below the root (\"/trackstack\"), not \"/\"."
  }
}

variable "uid" {
  description = "The container's non-root user: the access points' POSIX user and their folders' owner."
  type        = number
}

variable "gid" {
  description = "The container's group."
  type        = number
}

variable "transition_to_ia" {
  description = "When untouched files move to EFS Infrequent Access (cheaper storage, paid reads)."
  type        = string
  default     = "AFTER_30_DAYS"
}

variable "aws_backup" {
  description = "Let AWS Backup take daily copies of the file system (billed per GB; TrackStack's own backups go to S3 anyway)."
  type        = bool
  default     = false
}
